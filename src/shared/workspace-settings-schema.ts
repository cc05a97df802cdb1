/**
 * The workspace's typed settings in the API (SPEC §5): `activeKpiLimit`, how many KPIs an
 * assistant may have active at once — 5 by default; a workspace may raise it, up to 20.
 */
import { z } from 'zod';
import { DEFAULT_ACTIVE_KPI_LIMIT, MAX_ACTIVE_KPI_LIMIT } from '#core/kpis/kpi-limit';

const limit = z.number().int().min(DEFAULT_ACTIVE_KPI_LIMIT).max(MAX_ACTIVE_KPI_LIMIT);

export const WorkspaceSettings = z
  .object({
    activeKpiLimit: limit.describe(
      `Active KPIs per assistant (SPEC §5): ${DEFAULT_ACTIVE_KPI_LIMIT} unless the workspace raised it`,
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
});
