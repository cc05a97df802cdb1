/**
 * The target suggested at the end of the baseline (SPEC §5; every rule in docs/kpis.md): a
 * realistic step from where things stand, toward the best end of the metric's scale.
 */
import type { Scale } from '../stats/scale.ts';
import type { Direction, KpiDefinition } from './kpi-definition.ts';
import { kpiScale } from './kpi-definition.ts';

export interface SuggestedTarget {
  value: number;
  baseline: number;
  /** The rule applied, in words, for the screen and the audit log. */
  rule: string;
}

/** Share of the gap to the best possible value a rate or score target closes. */
export const GAP_SHARE = 0.25;
/** Lower-is-better metrics aim 15 % below the baseline. */
export const LOWER_FACTOR = 0.85;
/** Counts aim 15 % higher, at least one more. */
export const COUNT_FACTOR = 1.15;
/** Manual KPIs without a scale move 10 % of the baseline. */
export const MANUAL_SHARE = 0.1;

function rule(scale: Scale, direction: Direction, b: number): { value: number; rule: string } {
  const higher = direction === 'higher';
  switch (scale) {
    case 'rate':
      return higher
        ? { value: b + GAP_SHARE * (1 - b), rule: 'baseline + 25 % of the gap to 100 %' }
        : { value: b * LOWER_FACTOR, rule: 'baseline × 0.85' };
    case 'score':
      return higher
        ? { value: b + GAP_SHARE * (5 - b), rule: 'baseline + 25 % of the gap to 5' }
        : { value: 1 + LOWER_FACTOR * (b - 1), rule: '15 % of the way from the baseline down to 1' };
    case 'minutes':
      return higher
        ? { value: b * COUNT_FACTOR, rule: 'baseline × 1.15' }
        : { value: b * LOWER_FACTOR, rule: 'baseline × 0.85' };
    case 'count':
      return higher
        ? {
            value: Math.max(Math.ceil(b * COUNT_FACTOR), Math.floor(b) + 1),
            rule: 'baseline × 1.15 rounded up to a whole number, at least one more than the baseline',
          }
        : { value: b * LOWER_FACTOR, rule: 'baseline × 0.85' };
    case 'unbounded':
      return higher
        ? { value: b + MANUAL_SHARE * Math.abs(b), rule: 'baseline + 10 % of its size' }
        : { value: b - MANUAL_SHARE * Math.abs(b), rule: 'baseline − 10 % of its size' };
  }
}

/** The suggested target for a KPI from its baseline value (SPEC §5). */
export function suggestTarget(
  kpi: Pick<KpiDefinition, 'metric' | 'direction' | 'scale'>,
  baseline: number,
): SuggestedTarget {
  return { baseline, ...rule(kpiScale(kpi), kpi.direction, baseline) };
}
