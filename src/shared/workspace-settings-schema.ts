/**
 * The workspace's typed settings in the API (SPEC §5): `activeKpiLimit`, how many KPIs an
 * assistant may have active at once — 5 by default; a workspace may raise it, up to 20.
 */
import { z } from 'zod';
import { DEFAULT_ACTIVE_KPI_LIMIT, MAX_ACTIVE_KPI_LIMIT } from '#core/kpis/kpi-limit';
import { DEFAULT_QUALITY_SAMPLE_SIZE, MAX_QUALITY_SAMPLE_SIZE } from '#core/kpis/quality-sample';

const limit = z.number().int().min(DEFAULT_ACTIVE_KPI_LIMIT).max(MAX_ACTIVE_KPI_LIMIT);
const sampleSize = z.number().int().min(0).max(MAX_QUALITY_SAMPLE_SIZE);

export const WorkspaceSettings = z
  .object({
    activeKpiLimit: limit.describe(
      `Active KPIs per assistant (SPEC §5): ${DEFAULT_ACTIVE_KPI_LIMIT} unless the workspace raised it`,
    ),
    qualitySampleSize: sampleSize.describe(
      `Completed tasks drawn per assistant and week for the manager to rate with the rubric; ${DEFAULT_QUALITY_SAMPLE_SIZE} unless set, 0 turns sampling off`,
    ),
  })
  .meta({ id: 'WorkspaceSettings' });
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

/** A change to the settings: only the keys given change; null returns one to its default. */
export const WorkspaceSettingsPatch = z.strictObject({
  activeKpiLimit: limit
    .nullable()
    .optional()
    .describe(
      `${DEFAULT_ACTIVE_KPI_LIMIT}–${MAX_ACTIVE_KPI_LIMIT}: a workspace may raise the limit, not lower it; null: back to ${DEFAULT_ACTIVE_KPI_LIMIT}`,
    ),
  qualitySampleSize: sampleSize
    .nullable()
    .optional()
    .describe(
      `0–${MAX_QUALITY_SAMPLE_SIZE} tasks a week per assistant; null: back to ${DEFAULT_QUALITY_SAMPLE_SIZE}`,
    ),
});
