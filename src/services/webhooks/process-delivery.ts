/**
 * Processing a stored delivery from the durable queue (issue 9 §3): convert it with the
 * provider's converter and the connection's identities and options, apply the items and mark every
 * key of the batch processed — one transaction, so nothing is half stored. A delivery that does not
 * convert is marked failed with its error (shown under the connection in Settings → Integrations)
 * and not retried: the same bytes would fail the same way. A store error throws, and the job queue
 * retries it with backoff.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '#db/client';
import { identities } from '#db/schema/assistants';
import { type WebhookProvider, webhookConnections, webhookDeliveries } from '#db/schema/webhooks';
import { compileIdentityMap } from '#importers/identity-map';
import { convertAsana, convertAsanaTask } from '#webhooks/asana/index';
import { convertClockify } from '#webhooks/clockify/index';
import type { WebhookConvertInit } from '#webhooks/common/webhook-context';
import type { ConvertOutcome, WebhookItem } from '#webhooks/common/webhook-items';
import { convertSlack } from '#webhooks/slack/index';
import { convertToggl } from '#webhooks/toggl/index';
import { convertTrello } from '#webhooks/trello/index';
import { bumpDataVersion } from '../metrics/data-version.ts';
import type { ServiceDeps } from '../service-context.ts';
import { ItemApplier, type TaskFetcher } from './apply-webhook-items.ts';
import type { ConnectionRow } from './webhook-connections.ts';

/** The fields `convertAsanaTask` reads (docs/webhooks.md, `refreshTask`). */
const ASANA_TASK_FIELDS =
  'name,assignee,assignee.email,completed,completed_at,created_at,created_by,due_at,due_on,tags.name,memberships.project.name,memberships.section.name,parent';

export interface ProcessOptions {
  /** Asana's API base (tests point it at a local server). */
  asanaApiUrl?: string;
}

export const ASANA_API_URL = 'https://app.asana.com/api/1.0';

function asanaFetcher(token: string, base: string): TaskFetcher {
  return async (gid) => {
    const res = await fetch(`${base}/tasks/${encodeURIComponent(gid)}?opt_fields=${ASANA_TASK_FIELDS}`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    // A failed fetch throws: the job is retried with backoff, and nothing of the batch is stored.
    if (!res.ok) throw new Error(`Asana answered ${res.status} for task ${gid}`);
    return new Uint8Array(await res.arrayBuffer());
  };
}

function convert(
  provider: WebhookProvider,
  body: Uint8Array,
  headers: Record<string, unknown>,
  init: WebhookConvertInit,
  options: Record<string, unknown>,
  receivedAt: number,
): ConvertOutcome {
  switch (provider) {
    case 'trello':
      return convertTrello(body, init, options);
    case 'slack':
      return convertSlack(body, init);
    case 'asana':
      return convertAsana(body, init);
    case 'toggl':
      return convertToggl(body, init, options);
    case 'clockify':
      return convertClockify(
        body,
        typeof headers.eventType === 'string' ? headers.eventType : '',
        init,
        options,
        receivedAt,
      );
  }
}

/** The workspace's mapped identities, then the connection's own (the import's precedence). */
async function initOf(tx: Tx, conn: ConnectionRow): Promise<WebhookConvertInit> {
  const rows = await tx.select().from(identities).where(eq(identities.workspaceId, conn.workspaceId));
  const map = {
    ...Object.fromEntries(rows.map((r) => [`${r.provider}:${r.externalId}`, r.assistantId])),
    ...((conn.identities as Record<string, string>) ?? {}),
  };
  return {
    identities: compileIdentityMap(map),
    ...(conn.assistantId ? { assistant: conn.assistantId } : {}),
    ...(conn.timezone ? { timezone: conn.timezone } : {}),
  };
}

async function finish(
  tx: Tx,
  ws: string,
  provider: WebhookProvider,
  batchKey: string,
  set: Partial<typeof webhookDeliveries.$inferInsert>,
): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set(set)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, ws),
        eq(webhookDeliveries.provider, provider),
        eq(webhookDeliveries.batchKey, batchKey),
      ),
    );
}

/**
 * Reads the batch and returns the writes to run in the transaction that completes the job (so the
 * delivery is applied, marked and its job done in one commit), or undefined when there is nothing
 * to do (already processed, or the connection is gone).
 */
export async function processDelivery(
  deps: ServiceDeps,
  ws: string,
  payload: { connectionId: string; provider: WebhookProvider; batchKey: string },
  opts: ProcessOptions = {},
): Promise<((tx: Tx) => Promise<void>) | undefined> {
  const { provider, batchKey } = payload;
  const [conn] = await deps.db
    .select()
    .from(webhookConnections)
    .where(and(eq(webhookConnections.workspaceId, ws), eq(webhookConnections.id, payload.connectionId)));
  const batch = await deps.db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.workspaceId, ws),
        eq(webhookDeliveries.provider, provider),
        eq(webhookDeliveries.batchKey, batchKey),
      ),
    );
  const head = batch.find((r) => r.deliveryKey === batchKey);
  // Already processed (a retried job after a crash between commit and completion), or gone.
  if (!conn || !head || head.status !== 'queued' || head.body === null) return undefined;
  const keys = new Set(batch.map((r) => r.deliveryKey));
  const body = new Uint8Array(Buffer.from(head.body, 'base64'));
  const options = (conn.options as Record<string, unknown>) ?? {};
  const fetchTask =
    provider === 'asana' && conn.apiToken
      ? asanaFetcher(conn.apiToken, opts.asanaApiUrl ?? ASANA_API_URL)
      : undefined;
  const now = new Date(deps.now());

  return async (tx: Tx) => {
    const init = await initOf(tx, conn);
    const out = convert(
      provider,
      body,
      head.headers as Record<string, unknown>,
      init,
      options,
      head.receivedAt.getTime(),
    );
    if (!out.ok) {
      await finish(tx, ws, provider, batchKey, {
        status: 'failed',
        processedAt: now,
        errorCode: out.error.code,
        errorMessage: out.error.message.slice(0, 1000),
      });
      return;
    }
    // An Asana batch may repeat events stored with an earlier delivery: apply only this batch's keys.
    const items: WebhookItem[] = out.value.items.filter((i) => keys.has(i.deliveryKey));
    const applier = new ItemApplier(tx, ws, init.timezone ?? 'UTC', fetchTask, (bytes, key) => {
      const t = convertAsanaTask(bytes, init, options, key);
      return t.ok ? t.value.items : { error: `${t.error.code}: ${t.error.message}` };
    });
    await applier.prepare(items);
    for (const item of items) await applier.apply(item);
    if (applier.report.changed > 0) await bumpDataVersion(tx, ws);
    await finish(tx, ws, provider, batchKey, {
      status: 'processed',
      processedAt: now,
      body: null,
      events: applier.report.changed,
      report: {
        items: items.length,
        unmapped: out.value.unmapped,
        skipped: [...out.value.skipped, ...applier.report.skipped].slice(0, 100),
        lateMoves: applier.report.lateMoves,
      },
    });
  };
}
