/**
 * The workspace's typed settings. Today one: `activeKpiLimit`, how many KPIs an assistant may have
 * active at once (SPEC §5: 5 by default; the workspace may raise it, up to 20). Settings are stored
 * as JSON; reading tolerates an old or hand-edited value by falling back to the default.
 */
import { eq } from 'drizzle-orm';
import { assertActiveKpiLimit, DEFAULT_ACTIVE_KPI_LIMIT, MAX_ACTIVE_KPI_LIMIT } from '#core/kpis/kpi-limit';
import type { Db, Tx } from '#db/client';
import { workspaces } from '#db/schema/workspaces';

export interface WorkspaceSettings {
  activeKpiLimit: number;
}

/** A change to the settings: a value sets it, `null` returns it to the default. */
export interface WorkspaceSettingsPatch {
  activeKpiLimit?: number | null | undefined;
}

/** The settings in force, from the stored JSON. */
export function readWorkspaceSettings(stored: Record<string, unknown>): WorkspaceSettings {
  const v = stored.activeKpiLimit;
  const valid =
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= DEFAULT_ACTIVE_KPI_LIMIT &&
    v <= MAX_ACTIVE_KPI_LIMIT;
  return { activeKpiLimit: valid ? v : DEFAULT_ACTIVE_KPI_LIMIT };
}

/** The stored JSON after a patch; throws `validation_failed` for a value out of range. */
export function applySettingsPatch(
  stored: Record<string, unknown>,
  patch: WorkspaceSettingsPatch,
): Record<string, unknown> {
  const next = { ...stored };
  if (patch.activeKpiLimit === null) delete next.activeKpiLimit;
  else if (patch.activeKpiLimit !== undefined) {
    assertActiveKpiLimit(patch.activeKpiLimit);
    next.activeKpiLimit = patch.activeKpiLimit;
  }
  return next;
}

/** The settings of one workspace (defaults when it has none). */
export async function workspaceSettings(db: Db | Tx, ws: string): Promise<WorkspaceSettings> {
  const row = (
    await db.select({ settings: workspaces.settings }).from(workspaces).where(eq(workspaces.id, ws))
  )[0];
  return readWorkspaceSettings(row?.settings ?? {});
}
