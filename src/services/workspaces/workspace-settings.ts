/**
 * The workspace's typed settings: `activeKpiLimit`, how many KPIs an assistant may have active at
 * once (SPEC §5: 5 by default; the workspace may raise it, up to 20), and `qualitySampleSize`, how
 * many completed tasks a week are drawn per assistant for rating (3 by default, 0 turns it off). Settings are stored
 * as JSON; reading tolerates an old or hand-edited value by falling back to the default.
 */
import { eq } from 'drizzle-orm';
import { assertActiveKpiLimit, DEFAULT_ACTIVE_KPI_LIMIT, MAX_ACTIVE_KPI_LIMIT } from '#core/kpis/kpi-limit';
import { DEFAULT_QUALITY_SAMPLE_SIZE, MAX_QUALITY_SAMPLE_SIZE } from '#core/kpis/quality-sample';
import type { Db, Tx } from '#db/client';
import { workspaces } from '#db/schema/workspaces';
import { AppError } from '#src/errors';

export interface WorkspaceSettings {
  activeKpiLimit: number;
  /** Completed tasks drawn per assistant and week for rating (issue 8 quality sampling); 0: off. */
  qualitySampleSize: number;
}

/** A change to the settings: a value sets it, `null` returns it to the default. */
export interface WorkspaceSettingsPatch {
  activeKpiLimit?: number | null | undefined;
  qualitySampleSize?: number | null | undefined;
}

/** The settings in force, from the stored JSON. */
export function readWorkspaceSettings(stored: Record<string, unknown>): WorkspaceSettings {
  const v = stored.activeKpiLimit;
  const valid =
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= DEFAULT_ACTIVE_KPI_LIMIT &&
    v <= MAX_ACTIVE_KPI_LIMIT;
  const q = stored.qualitySampleSize;
  const sample = typeof q === 'number' && Number.isInteger(q) && q >= 0 && q <= MAX_QUALITY_SAMPLE_SIZE;
  return {
    activeKpiLimit: valid ? v : DEFAULT_ACTIVE_KPI_LIMIT,
    qualitySampleSize: sample ? q : DEFAULT_QUALITY_SAMPLE_SIZE,
  };
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
  if (patch.qualitySampleSize === null) delete next.qualitySampleSize;
  else if (patch.qualitySampleSize !== undefined) {
    const q = patch.qualitySampleSize;
    if (!Number.isInteger(q) || q < 0 || q > MAX_QUALITY_SAMPLE_SIZE)
      throw new AppError(
        'validation_failed',
        `settings.qualitySampleSize: a whole number from 0 (off) to ${MAX_QUALITY_SAMPLE_SIZE}`,
        { field: 'settings.qualitySampleSize' },
      );
    next.qualitySampleSize = q;
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
