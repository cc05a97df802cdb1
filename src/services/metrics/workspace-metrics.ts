/**
 * The metrics of a workspace (SPEC §13): exactly the array `tandem compute` prints for the
 * workspace's events, limited to the assistants the caller may see.
 */
import { computePrepared, type MetricFilter, type MetricRecord } from '#core/compute';
import type { Period } from '#core/time/calendar';
import { AppError } from '#src/errors';
import type { AssistantScope, ServiceDeps } from '../service-context.ts';
import { loadComputeData } from './load-compute-data.ts';

export interface MetricsQuery {
  period: Period;
  asOf: number;
  assistant?: string | undefined;
  filter?: MetricFilter;
}

export async function workspaceMetrics(
  deps: ServiceDeps,
  workspaceId: string,
  scope: AssistantScope,
  q: MetricsQuery,
): Promise<MetricRecord[]> {
  let effective: AssistantScope = scope;
  if (q.assistant !== undefined) {
    if (scope !== 'all' && !scope.includes(q.assistant))
      throw new AppError('not_found', `No assistant ${q.assistant} here`, { assistant: q.assistant });
    effective = [q.assistant];
  }
  const data = await loadComputeData(deps.db, workspaceId, effective, deps.metricsCache);
  if (q.assistant !== undefined && !data.assistants.has(q.assistant))
    throw new AppError('not_found', `No assistant ${q.assistant} here`, { assistant: q.assistant });
  const opts = { period: q.period, asOf: q.asOf, ...(q.filter ? { filter: q.filter } : {}) };
  return computePrepared(data, opts);
}
