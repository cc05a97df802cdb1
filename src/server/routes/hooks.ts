/**
 * The webhook receiver (issue 9 items 2–4): `POST /hooks/{provider}/{connectionId}` and Trello's
 * `HEAD` check (Hono answers HEAD with the GET route). No account: the signature is the credential.
 * The body is read raw, capped at WEBHOOK_MAX_BODY_BYTES (413) — by Content-Length before reading,
 * then while reading — and handed to the verifier before anything parses it.
 */
import { z } from 'zod';
import { connectionProbe, receiveDelivery } from '#services/webhooks/receive-delivery';
import { ErrorResponse } from '#shared/api-schemas';
import { AppError } from '#src/errors';
import { exceedsBodyCap, WEBHOOK_MAX_BODY_BYTES } from '#webhooks/common/body-cap';
import type { AppContext } from '../app-env.ts';
import type { TandemApp } from '../openapi-app.ts';
import { route } from '../route-kit.ts';

const tags = ['integrations'];
const HookParams = z.object({
  provider: z.string().min(1).max(32),
  connectionId: z.string().min(1).max(128),
});
const err = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorResponse } },
});

const receive = route({
  method: 'post',
  path: '/hooks/{provider}/{connectionId}',
  tags,
  summary: "Receive a provider's webhook (signed; see docs/webhooks.md)",
  description:
    '401 `invalid_signature` for a missing, malformed or wrong signature (and a refused Asana handshake); 404 for an unknown connection or another provider; 410 `connection_revoked` once removed or its creator left the workspace; 413 over 1 MiB. A duplicate is answered 200 and ignored.',
  request: { params: HookParams },
  responses: {
    200: { description: 'Stored and queued, a duplicate, or a signed challenge answered' },
    410: err('The connection was removed'),
    413: err('Body over 1 MiB'),
  },
});
const probe = route({
  method: 'get',
  path: '/hooks/{provider}/{connectionId}',
  tags,
  summary: "Trello's HEAD check of a callback URL: 200 while the connection lives, then 410",
  request: { params: HookParams },
  responses: { 200: { description: 'The connection exists' }, 410: err('The connection was removed') },
});

/** The raw body, refused with 413 past the cap (declared length first, then as it streams). */
async function rawBody(c: AppContext): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && exceedsBodyCap(Number(declared)))
    throw new AppError(
      'payload_too_large',
      `The webhook body is over the ${WEBHOOK_MAX_BODY_BYTES} byte limit`,
    );
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (exceedsBodyCap(size)) {
      await reader.cancel().catch(() => undefined);
      throw new AppError(
        'payload_too_large',
        `The webhook body is over the ${WEBHOOK_MAX_BODY_BYTES} byte limit`,
      );
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const ch of chunks) {
    out.set(ch, at);
    at += ch.length;
  }
  return out;
}

export function registerHookRoutes(app: TandemApp): void {
  app.openapi(receive, async (c) => {
    const { provider, connectionId } = c.req.valid('param');
    const body = await rawBody(c);
    const answer = await receiveDelivery(c.get('deps'), {
      provider,
      connectionId,
      headers: c.req.raw.headers,
      body,
    });
    if ('headers' in answer && answer.headers)
      for (const [k, v] of Object.entries(answer.headers)) c.header(k, v);
    return c.json(answer.json, answer.status);
  });
  app.openapi(probe, async (c) => {
    const { provider, connectionId } = c.req.valid('param');
    return c.body(null, await connectionProbe(c.get('deps'), provider, connectionId));
  });
}
