/**
 * One attempt at an outbound webhook delivery (issue 9 item 5), run by the `webhook` job: sign the
 * stored body the Standard Webhooks way (webhooks/outbound), POST it with a timeout, and record the
 * attempt in the delivery log. A 2xx answer completes the delivery (recorded in the transaction
 * that marks the job done); anything else — another status, a redirect, a timeout, a refused
 * connection — is recorded with when the next try is due and thrown, so the queue retries with
 * its exponential backoff until the job's attempts are spent.
 *
 * The `webhook-id` is the delivery's id on every attempt, so a receiver deduplicates on it; the
 * `webhook-timestamp` is the attempt's, as the spec asks (it guards against replays, not against
 * retries). Redirects are not followed: the receiver's URL is the one the owner registered.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '#db/client';
import { backoffMs, type ClaimedJob } from '#db/queries/job-queue';
import { outboundAttempts, outboundDeliveries, webhookEndpoints } from '#db/schema/outbound-webhooks';
import { signStandardWebhook } from '#webhooks/outbound/index';
import type { ServiceDeps } from '../service-context.ts';

export interface WebhookDeliveryOptions {
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** The queue's first backoff (the worker's `backoffMs`), to record when the next try is due. */
  retryBaseMs?: number;
}

/** At most this much of an error or answer is kept in the log. */
const MAX_ERROR = 500;

interface Outcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

async function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number) {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Tandem-Webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the answer so the connection is released; its text is kept only on a failure.
    const text = await res.text().catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    return {
      statusCode: res.status,
      error: ok ? null : `HTTP ${res.status}${text ? `: ${text.slice(0, MAX_ERROR)}` : ''}`,
      durationMs: ms(),
    } satisfies Outcome;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const message =
      e.name === 'TimeoutError'
        ? `No answer within ${timeoutMs} ms`
        : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`;
    return { statusCode: null, error: message.slice(0, MAX_ERROR), durationMs: ms() } satisfies Outcome;
  }
}

async function record(
  tx: Tx,
  ws: string,
  deliveryId: string,
  attempt: number,
  at: number,
  o: Outcome,
  next: number | null,
  status: 'pending' | 'succeeded' | 'failed',
): Promise<void> {
  await tx
    .insert(outboundAttempts)
    .values({
      workspaceId: ws,
      deliveryId,
      attempt,
      at: new Date(at),
      statusCode: o.statusCode,
      durationMs: o.durationMs,
      error: o.error,
      nextRetryAt: next === null ? null : new Date(next),
    })
    .onConflictDoNothing();
  await tx
    .update(outboundDeliveries)
    .set({
      status,
      attempts: sql`greatest(${outboundDeliveries.attempts}, ${attempt})`,
      finishedAt: status === 'pending' ? null : new Date(at),
    })
    .where(and(eq(outboundDeliveries.workspaceId, ws), eq(outboundDeliveries.id, deliveryId)));
}

/** The `webhook` job's handler. */
export async function deliverOutboundWebhook(
  deps: ServiceDeps,
  job: ClaimedJob,
  opts: WebhookDeliveryOptions = {},
): Promise<((tx: Tx) => Promise<void>) | undefined> {
  const ws = job.workspaceId;
  const deliveryId = typeof job.payload.deliveryId === 'string' ? job.payload.deliveryId : null;
  if (!ws || !deliveryId) return undefined;
  const row = (
    await deps.db
      .select({
        body: outboundDeliveries.body,
        status: outboundDeliveries.status,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
        enabled: webhookEndpoints.enabled,
      })
      .from(outboundDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.workspaceId, outboundDeliveries.workspaceId),
          eq(webhookEndpoints.id, outboundDeliveries.endpointId),
        ),
      )
      .where(and(eq(outboundDeliveries.workspaceId, ws), eq(outboundDeliveries.id, deliveryId)))
  )[0];
  // The endpoint was deleted (its log with it), or the message already went out.
  if (!row || row.status === 'succeeded') return undefined;
  if (!row.enabled)
    // Disabled meanwhile: nothing is sent, and the log says so.
    return async (tx) => {
      await tx
        .update(outboundDeliveries)
        .set({ status: 'skipped', finishedAt: new Date(deps.now()) })
        .where(and(eq(outboundDeliveries.workspaceId, ws), eq(outboundDeliveries.id, deliveryId)));
    };
  const at = deps.now();
  const signed = signStandardWebhook({ id: deliveryId, timestamp: Math.floor(at / 1000), body: row.body }, [
    row.secret,
  ]);
  if (!signed.ok) throw new Error(`Cannot sign: ${signed.error}`);
  const outcome = await post(row.url, row.body, signed.headers, opts.timeoutMs ?? 10_000);
  if (outcome.error === null)
    return (tx) => record(tx, ws, deliveryId, job.attempts, at, outcome, null, 'succeeded');
  const last = job.attempts >= job.maxAttempts;
  const next = last ? null : deps.now() + backoffMs(job.attempts, opts.retryBaseMs ?? 5000);
  await deps.db.transaction((tx) =>
    record(tx, ws, deliveryId, job.attempts, at, outcome, next, last ? 'failed' : 'pending'),
  );
  throw new Error(outcome.error);
}
