/**
 * A Slack incoming-webhook post (issue 8 item 8): JSON by `fetch`, one per event for the
 * workspace's channel. The post carries the job's idempotency key (header and message metadata),
 * so a post repeated after a crash can be recognised as the same one.
 */

export interface SlackPayload {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** The JSON body Slack receives. */
export function slackBody(key: string, p: SlackPayload, publicUrl: string): Record<string, unknown> {
  const link = p.link ? `${publicUrl}${p.link}` : null;
  const text = link ? `*${p.title}*\n${p.body}\n<${link}|Open in Tandem>` : `*${p.title}*\n${p.body}`;
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    metadata: { event_type: 'tandem_notification', event_payload: { key, kind: p.kind } },
  };
}

/** Posts; throws on a network error or a non-2xx answer (the job is retried with backoff). */
export async function postToSlack(
  url: string,
  key: string,
  p: SlackPayload,
  publicUrl: string,
  timeoutMs = 10_000,
): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(slackBody(key, p, publicUrl)),
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Drain the answer so the connection is released.
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`Slack answered ${res.status}`);
}
