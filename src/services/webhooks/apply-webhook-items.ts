/**
 * Applies a converted delivery's items to the store (the contract in docs/webhooks.md), inside the
 * caller's transaction — the one that marks the delivery processed — so a delivery is stored whole
 * or not at all (issue 9 §3). Events go through the same §3 keys and bulk upsert as an import, so
 * a webhook and an import of the same record name the same stored event.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EventType, RequestEvent, TandemEvent, TaskEvent } from '#core/events/event-types';
import type { Tx } from '#db/client';
import { eventColumns, eventKey } from '#db/queries/event-row';
import { upsertEvents } from '#db/queries/upsert-events';
import { assistants } from '#db/schema/assistants';
import { events } from '#db/schema/events';
import { applyTaskPatch } from '#webhooks/common/apply-task-patch';
import { keepPassedDeadline } from '#webhooks/common/keep-passed-deadline';
import type { SkippedRecord, WebhookItem } from '#webhooks/common/webhook-items';
import { answersRequest, blocksNewRequest } from '#webhooks/slack/index';

export interface ApplyReport {
  /** Events inserted, updated or removed. */
  changed: number;
  skipped: SkippedRecord[];
  lateMoves: { externalId: string; from: string; to: string | null; at: string }[];
}

/** Fetches a changed task whole (Asana) as the provider's JSON bytes. */
export type TaskFetcher = (externalId: string) => Promise<Uint8Array>;

/** Converts a refetched task into upserts (convertAsanaTask with the connection's init and options). */
export type TaskConverter = (body: Uint8Array, deliveryKey: string) => WebhookItem[] | { error: string };

async function stored<T extends TandemEvent>(
  tx: Tx,
  ws: string,
  type: EventType,
  source: string,
  externalId: string,
): Promise<T | undefined> {
  const [row] = await tx
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        eq(events.type, type),
        eq(events.key, eventKey({ id: '', source, externalId })),
      ),
    );
  return row?.data as T | undefined;
}

async function openSlackRequests(tx: Tx, ws: string, assistant: string): Promise<RequestEvent[]> {
  const rows = await tx
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.workspaceId, ws),
        eq(events.assistantId, assistant),
        eq(events.type, 'request'),
        eq(events.source, 'slack'),
        sql`${events.data}->>'firstResponseAt' is null`,
      ),
    );
  return rows.map((r) => r.data as RequestEvent);
}

export class ItemApplier {
  private readonly known = new Set<string>();
  readonly report: ApplyReport = { changed: 0, skipped: [], lateMoves: [] };

  constructor(
    private readonly tx: Tx,
    private readonly ws: string,
    private readonly zone: string,
    private readonly fetchTask: TaskFetcher | undefined,
    private readonly convertTask: TaskConverter,
  ) {}

  /** Loads which of the items' assistants exist: an event of an unknown one is skipped, not failed. */
  async prepare(items: readonly WebhookItem[]): Promise<void> {
    const ids = new Set<string>();
    for (const i of items) {
      if (i.kind === 'upsert' || i.kind === 'openRequest') ids.add(i.event.assistant);
      if (i.kind === 'patchTask') {
        if (i.patch.assistant) ids.add(i.patch.assistant);
        if (i.patch.seed) ids.add(i.patch.seed.assistant);
      }
    }
    if (ids.size === 0) return;
    const rows = await this.tx
      .select({ id: assistants.id })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, this.ws), inArray(assistants.id, [...ids])));
    for (const r of rows) this.known.add(r.id);
  }

  private async store(e: TandemEvent): Promise<void> {
    if (!this.known.has(e.assistant)) {
      const [row] = await this.tx
        .select({ id: assistants.id })
        .from(assistants)
        .where(and(eq(assistants.workspaceId, this.ws), eq(assistants.id, e.assistant)));
      if (!row) {
        this.report.skipped.push({
          ...(e.externalId !== undefined ? { externalId: e.externalId } : {}),
          reason: `unknown assistant ${JSON.stringify(e.assistant)}`,
        });
        return;
      }
      this.known.add(e.assistant);
    }
    const c = await upsertEvents(this.tx, this.ws, [eventColumns(e)]);
    this.report.changed += c.inserted + c.updated;
  }

  async apply(item: WebhookItem): Promise<void> {
    switch (item.kind) {
      case 'upsert':
        return this.store(item.event);
      case 'remove': {
        const gone = await this.tx
          .delete(events)
          .where(
            and(
              eq(events.workspaceId, this.ws),
              eq(events.type, item.type),
              eq(events.key, eventKey({ id: item.id, source: item.source, externalId: item.externalId })),
            ),
          )
          .returning({ id: events.id });
        this.report.changed += gone.length;
        return;
      }
      case 'patchTask': {
        const p = item.patch;
        const before = await stored<TaskEvent>(this.tx, this.ws, 'task', p.source, p.externalId);
        const out = applyTaskPatch(before, p);
        if (!out.ok) {
          this.report.skipped.push({ externalId: p.externalId, reason: out.reason });
          return;
        }
        if (out.lateMove) this.report.lateMoves.push({ externalId: p.externalId, ...out.lateMove });
        return this.store(out.event);
      }
      case 'openRequest': {
        const open = await openSlackRequests(this.tx, this.ws, item.event.assistant);
        if (open.some((o) => blocksNewRequest(o, item.event))) {
          this.report.skipped.push({
            externalId: item.event.externalId,
            reason: 'an open request of this assistant is already waiting there',
          });
          return;
        }
        return this.store(item.event);
      }
      case 'answerRequests': {
        const open = await openSlackRequests(this.tx, this.ws, item.answer.assistant);
        for (const r of open)
          if (answersRequest(r, item.answer)) await this.store({ ...r, firstResponseAt: item.answer.at });
        return;
      }
      case 'refreshTask': {
        if (!this.fetchTask) {
          this.report.skipped.push({
            externalId: item.externalId,
            reason: 'no Asana token on the connection to fetch the changed task',
          });
          return;
        }
        const converted = this.convertTask(await this.fetchTask(item.externalId), item.deliveryKey);
        if ('error' in converted) {
          this.report.skipped.push({ externalId: item.externalId, reason: converted.error });
          return;
        }
        for (const u of converted) {
          if (u.kind !== 'upsert' || u.event.type !== 'task') continue;
          const fresh = u.event;
          const before = await stored<TaskEvent>(this.tx, this.ws, 'task', 'asana', item.externalId);
          const kept = keepPassedDeadline(before, fresh, item.at, this.zone);
          if (kept.lateMove) this.report.lateMoves.push({ externalId: item.externalId, ...kept.lateMove });
          await this.store(kept.event);
        }
        return;
      }
    }
  }
}
