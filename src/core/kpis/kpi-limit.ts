/**
 * The active-KPI limit (SPEC §5): at most 5 active KPIs per assistant unless the workspace raises
 * it; activating one more is refused with the reason. Proposing more is allowed (too_many advises).
 */
import { AppError } from '../../errors.ts';

export const DEFAULT_ACTIVE_KPI_LIMIT = 5;
/** The highest limit a workspace may set: the setting only raises the default (SPEC §5). */
export const MAX_ACTIVE_KPI_LIMIT = 20;

/** Throws `validation_failed` unless `limit` is a whole number from the default (5) to 20. */
export function assertActiveKpiLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < DEFAULT_ACTIVE_KPI_LIMIT || limit > MAX_ACTIVE_KPI_LIMIT)
    throw new AppError(
      'validation_failed',
      `The active-KPI limit is a whole number from ${DEFAULT_ACTIVE_KPI_LIMIT} to ${MAX_ACTIVE_KPI_LIMIT}: a workspace may raise the default of ${DEFAULT_ACTIVE_KPI_LIMIT}, not lower it`,
      { field: 'settings.activeKpiLimit', min: DEFAULT_ACTIVE_KPI_LIMIT, max: MAX_ACTIVE_KPI_LIMIT },
    );
}

/** Throws `kpi_limit_reached` when `active` KPIs already fill the limit. */
export function assertCanActivate(active: number, limit: number = DEFAULT_ACTIVE_KPI_LIMIT): void {
  if (active >= limit)
    throw new AppError(
      'kpi_limit_reached',
      `This assistant already has ${active} active KPIs and the limit is ${limit}. Retire or replace one first — a few KPIs that both sides watch work better than many.`,
      { limit, active },
    );
}
