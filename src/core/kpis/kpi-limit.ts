/**
 * The active-KPI limit (SPEC §5): at most 5 active KPIs per assistant unless the workspace raises
 * it; activating one more is refused with the reason. Proposing more is allowed (too_many advises).
 */
import { AppError } from '../../errors.ts';

export const DEFAULT_ACTIVE_KPI_LIMIT = 5;

/** Throws `kpi_limit_reached` when `active` KPIs already fill the limit. */
export function assertCanActivate(active: number, limit: number = DEFAULT_ACTIVE_KPI_LIMIT): void {
  if (active >= limit)
    throw new AppError(
      'kpi_limit_reached',
      `This assistant already has ${active} active KPIs and the limit is ${limit}. Retire or replace one first — a few KPIs that both sides watch work better than many.`,
      { limit, active },
    );
}
