/**
 * Asana's webhook handshake (issue 9 §2). When Tandem asks Asana to create a webhook, Asana posts
 * once to the target with `X-Hook-Secret` and an empty body, and the webhook exists only if that
 * header is echoed back. The request is unsigned by nature, so the secret is accepted only while
 * this connection's creation is pending (Tandem marked it so just before calling Asana, with a short
 * deadline) and never replaces a secret already established — otherwise anyone who learns the URL
 * could install their own secret and sign forged events.
 */
import { readHeader, type WebhookHeaders } from '../common/header-value.ts';

export const ASANA_SECRET_HEADER = 'X-Hook-Secret';
const SECRET = /^[\x21-\x2b\x2d-\x7e]{16,256}$/;

export interface AsanaConnectionState {
  /** `pending` between Tandem's call to create the webhook and the handshake. */
  status: 'pending' | 'active' | 'revoked';
  /** True when a secret is already stored for this connection. */
  hasSecret: boolean;
  /** Epoch ms after which a pending creation has expired. */
  pendingUntil?: number;
}

export type HandshakeDecision =
  | { accept: true; secret: string; responseHeaders: { 'X-Hook-Secret': string } }
  | {
      accept: false;
      reason:
        | 'not_a_handshake'
        | 'not_pending'
        | 'expired'
        | 'secret_established'
        | 'malformed_secret'
        | 'body_not_empty';
    };

/** Whether to store the handshake's secret (then answer 200 with `responseHeaders`) or refuse (401). */
export function asanaHandshake(
  state: AsanaConnectionState,
  headers: WebhookHeaders,
  body: Uint8Array,
  now: number,
): HandshakeDecision {
  const h = readHeader(headers, ASANA_SECRET_HEADER);
  if (h.kind === 'missing') return { accept: false, reason: 'not_a_handshake' };
  if (state.hasSecret) return { accept: false, reason: 'secret_established' };
  if (state.status !== 'pending') return { accept: false, reason: 'not_pending' };
  if (state.pendingUntil === undefined || !(now <= state.pendingUntil))
    return { accept: false, reason: 'expired' };
  if (h.kind === 'repeated' || !SECRET.test(h.value)) return { accept: false, reason: 'malformed_secret' };
  if (body.length > 0 && new TextDecoder().decode(body).trim() !== '')
    return { accept: false, reason: 'body_not_empty' };
  return { accept: true, secret: h.value, responseHeaders: { 'X-Hook-Secret': h.value } };
}
