/**
 * Producers on the KPI write path (SPEC §5 co-creation): when one side proposes a KPI, changes a
 * proposal's terms, or proposes a target, the other side is asked to agree. Called inside the KPI
 * change's own transaction (kpis/kpi-change.ts), so the request is queued exactly when the change
 * commits. Keyed by the instant of the proposal: the same proposal never asks twice, a new one
 * asks again. The same request goes to the outbound webhooks (`agreement.requested`, issue 9
 * item 5) under the same key, in the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { Party } from '#core/kpis/kpi';
import type { Tx } from '#db/client';
import { assistants } from '#db/schema/assistants';
import { formatMetricValue } from '#shared/format/metric-format';
import type { NamedKpi } from '../kpis/kpi-record.ts';
import { queueOutboundEvent } from '../outbound-webhooks/queue-outbound-event.ts';
import type { Actor } from '../service-context.ts';
import { queueNotification } from './notify.ts';

const other = (p: Party): Party => (p === 'manager' ? 'assistant' : 'manager');

/** The KPI as an outbound webhook names it (issue 9 item 5): its terms, never anyone's pulse. */
const kpiFacts = (k: NamedKpi) => ({
  id: k.id,
  name: k.name,
  metric: k.metric,
  direction: k.direction,
  assistant: k.assistant,
  status: k.status,
});

export async function assistantLabel(tx: Tx, ws: string, id: string): Promise<string> {
  const row = (
    await tx
      .select({ name: assistants.name })
      .from(assistants)
      .where(and(eq(assistants.workspaceId, ws), eq(assistants.id, id)))
  )[0];
  return row?.name ?? id;
}

/** Queues `agreement_requested` when `after` waits for the other side and `before` did not ask it. */
export async function queueAgreementRequests(
  tx: Tx,
  actor: Actor,
  before: NamedKpi | null,
  after: NamedKpi,
  now: number,
): Promise<void> {
  const ws = actor.workspaceId;
  const link = `/w/${ws}/kpis/${encodeURIComponent(after.id)}`;
  const who = await assistantLabel(tx, ws, after.assistant);
  const base = { workspaceId: ws, kind: 'agreement_requested' as const, assistantId: after.assistant };
  // A KPI waiting for one side: the side that has not agreed to the current terms is asked.
  if (after.status === 'proposed') {
    const waiting = (['manager', 'assistant'] as const).find((p) => after.agreed[p] === undefined);
    const askedAt = Object.values(after.agreed).sort().at(-1) ?? after.proposedAt;
    const sameAsk =
      before?.status === 'proposed' &&
      JSON.stringify(before.agreed) === JSON.stringify(after.agreed) &&
      before.proposedAt === after.proposedAt;
    if (waiting && !sameAsk) {
      const key = `agreement:${ws}:${after.id}:kpi:${askedAt}`;
      await queueOutboundEvent(
        tx,
        {
          workspaceId: ws,
          type: 'agreement.requested',
          key,
          at: now,
          data: { subject: 'kpi', waitingFor: waiting, requestedBy: actor.userId, kpi: kpiFacts(after) },
        },
        now,
      );
      await queueNotification(
        tx,
        {
          ...base,
          key,
          kpiId: after.id,
          audience: waiting === 'assistant' ? 'assistant' : 'managers',
          title: `KPI to agree: ${after.name} (${who})`,
          body: `"${after.name}" for ${who} is proposed and waits for your agreement. Agree it as it is, or change it together: a KPI counts only once both sides agree.`,
          link,
          except: [actor.userId],
        },
        now,
      );
    }
  }
  const pending = after.pendingTarget;
  if (pending && pending.proposedAt !== before?.pendingTarget?.proposedAt) {
    const key = `agreement:${ws}:${after.id}:target:${pending.proposedAt}`;
    await queueOutboundEvent(
      tx,
      {
        workspaceId: ws,
        type: 'agreement.requested',
        key,
        at: now,
        data: {
          subject: 'target',
          waitingFor: other(pending.proposedBy),
          requestedBy: actor.userId,
          kpi: kpiFacts(after),
          target: { value: pending.value, effectiveFrom: pending.effectiveFrom },
        },
      },
      now,
    );
    await queueNotification(
      tx,
      {
        ...base,
        key,
        kpiId: after.id,
        audience: other(pending.proposedBy) === 'assistant' ? 'assistant' : 'managers',
        title: `Target to agree: ${after.name} (${who})`,
        body: `A target of ${formatMetricValue(after.metric, pending.value)} from ${pending.effectiveFrom} is proposed for "${after.name}". Agree it, or propose the value you think is realistic.`,
        link,
        except: [actor.userId],
      },
      now,
    );
  }
}
