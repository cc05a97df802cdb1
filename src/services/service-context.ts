/**
 * What every use case receives: the store, the clock and instance settings as values (no globals),
 * and who is acting. Scopes come from the server's permission matrix; services only apply them.
 */
import type { Db } from '#db/client';
import type { Role } from '#db/schema/members';
import type { KpiViewCache } from './kpis/kpi-view-cache.ts';
import type { PreparedRowsCache } from './metrics/prepared-rows-cache.ts';

export interface ServiceDeps {
  db: Db;
  /** The current instant in ms. */
  now: () => number;
  /** Base URL for links (TANDEM_PUBLIC_URL). */
  publicUrl: string;
  /** scrypt cost parameter N (a power of two); lower only in tests. */
  scryptN?: number;
  /** Prepared metric rows reused while a workspace's data is unchanged. */
  metricsCache?: PreparedRowsCache;
  /** KPI summaries and insights reused while a workspace's data, the KPI and the asOf step are unchanged. */
  kpiViews?: KpiViewCache;
}

/** Which assistants an action may touch: every one in the workspace, or only these. */
export type AssistantScope = 'all' | readonly string[];

export interface Actor {
  /** User id, or `cli` for commands run by the operator on the server. */
  userId: string;
  workspaceId: string;
  role: Role;
  /** The assistant this member is (role assistant). */
  assistantId: string | null;
}

/** True when the scope includes that assistant. */
export function inScope(scope: AssistantScope, assistantId: string): boolean {
  return scope === 'all' || scope.includes(assistantId);
}
