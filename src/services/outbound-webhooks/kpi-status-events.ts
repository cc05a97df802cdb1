/**
 * The `kpi.status_changed` producer (issue 9 item 5), run by the `schedule` job beside the signal
 * and raise-the-bar notifications, since a KPI's status moves with time and data rather than with
 * one write. For every active KPI with a target, the SPEC §5 target status (met / near / below,
 * against the target in force on each bucket's first day, as the KPI screen shows it) of its last
 * complete bucket is compared with the bucket before; when they differ, the change is sent once,
 * keyed by the KPI and the bucket, so the schedule running again every 15 minutes sends nothing
 * twice. A bucket with no value or no target has no status, and so no change.
 */
import { targetForBucket } from '#core/kpis/target-history';
import { targetStatus } from '#core/kpis/target-status';
import { kpiSummaries } from '../kpis/kpi-analysis.ts';
import type { ServiceDeps } from '../service-context.ts';
import { anyEndpointFor, queueOutboundEvent } from './queue-outbound-event.ts';

/** Queues the status changes of the workspace's KPIs as of `now`; the number of deliveries queued. */
export async function queueKpiStatusChanges(deps: ServiceDeps, ws: string, now: number): Promise<number> {
  // Computing every KPI's series is the costly part: skip it when nobody listens.
  if (!(await anyEndpointFor(deps.db, ws, 'kpi.status_changed'))) return 0;
  let queued = 0;
  for (const s of await kpiSummaries(deps, ws, 'all', now)) {
    const k = s.kpi;
    const [prev, last] = s.recent.slice(-2);
    if (k.status !== 'active' || !prev || !last) continue;
    const lastTarget = targetForBucket(k, last.period);
    const prevTarget = targetForBucket(k, prev.period);
    const status = targetStatus(last.value, lastTarget, k.direction);
    const previousStatus = targetStatus(prev.value, prevTarget, k.direction);
    if (status === null || previousStatus === null || status === previousStatus) continue;
    queued += await deps.db.transaction((tx) =>
      queueOutboundEvent(
        tx,
        {
          workspaceId: ws,
          type: 'kpi.status_changed',
          key: `kpi.status_changed:${ws}:${k.id}:${last.period}`,
          at: now,
          data: {
            kpi: { id: k.id, name: k.name, metric: k.metric, direction: k.direction, assistant: k.assistant },
            period: last.period,
            status,
            value: last.value,
            target: lastTarget,
            previous: { period: prev.period, status: previousStatus, value: prev.value, target: prevTarget },
          },
        },
        now,
      ),
    );
  }
  return queued;
}
