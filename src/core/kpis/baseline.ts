/**
 * The baseline (SPEC §5): the first 14 days from a KPI's start. No target can be set during it;
 * the error gives the date it ends. At its end a target is suggested (suggest-target.ts).
 */
import { AppError } from '../../errors.ts';
import type { Kpi } from './kpi.ts';
import { addDays } from './local-date.ts';

export const BASELINE_DAYS = 14;

export interface BaselineWindow {
  /** First day of the baseline (the KPI's start). */
  from: string;
  /** Last day of the baseline. */
  lastDay: string;
  /** First day a target can apply. */
  targetsFrom: string;
}

/** The baseline's days for a start date. */
export function baselineWindow(startDate: string): BaselineWindow {
  return {
    from: startDate,
    lastDay: addDays(startDate, BASELINE_DAYS - 1),
    targetsFrom: addDays(startDate, BASELINE_DAYS),
  };
}

/** True when the KPI has started and its baseline is over on `today` (local date). */
export function isBaselineComplete(kpi: Pick<Kpi, 'startDate'>, today: string): boolean {
  return kpi.startDate !== undefined && today >= baselineWindow(kpi.startDate).targetsFrom;
}

/** Throws `baseline_in_progress` (with the end date) unless a target may be set on `today`. */
export function assertTargetAllowed(kpi: Pick<Kpi, 'id' | 'startDate'>, today: string): void {
  if (kpi.startDate === undefined)
    throw new AppError(
      'baseline_in_progress',
      'A target is agreed after the 14-day baseline, which starts when both sides have agreed to the KPI.',
      { kpi: kpi.id, baselineEnds: null },
    );
  const w = baselineWindow(kpi.startDate);
  if (today < w.targetsFrom)
    throw new AppError(
      'baseline_in_progress',
      `The baseline runs until ${w.lastDay}; a target can be set from ${w.targetsFrom}, once both sides have seen where things stand.`,
      { kpi: kpi.id, baselineEnds: w.lastDay, targetsFrom: w.targetsFrom },
    );
}
