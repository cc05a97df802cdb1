/**
 * Trello checks a callback URL with a `HEAD` request when a webhook is created and expects 200
 * (issue 9 §2). It also deletes a webhook whose callback answers 410 Gone, so a connection that was
 * removed or revoked answers 410 and Trello stops calling; an unknown connection id answers 404
 * (nothing to tell apart from any other wrong URL). The same statuses apply to a `POST` that
 * reaches a revoked connection, after its signature failed or before it is read.
 */

export type TrelloConnectionState = 'pending' | 'active' | 'revoked' | 'missing';

/** The status to answer to Trello's `HEAD` on `/hooks/trello/{connectionId}`. */
export function trelloHeadStatus(state: TrelloConnectionState): 200 | 404 | 410 {
  if (state === 'pending' || state === 'active') return 200;
  return state === 'revoked' ? 410 : 404;
}
