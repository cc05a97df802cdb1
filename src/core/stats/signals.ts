/**
 * Signals within phases that have limits (SPEC §6): `outside` at each value beyond a limit; `run` at
 * the 8th successive non-null value strictly on one side of the centre, once per run. A value equal
 * to the centre, or the start of a phase, ends a run; nulls are skipped. Listed by period, `outside`
 * before `run` in the same period.
 */
import type { SeriesPoint } from './kpi-series.ts';
import type { Limits } from './xmr-limits.ts';

export type Side = 'above' | 'below';

export interface Signal {
  period: string;
  rule: 'outside' | 'run';
  side: Side;
}

export interface PhaseSpan {
  /** Index of the phase's first bucket in the series. */
  start: number;
  /** Index after its last bucket. */
  end: number;
  limits: Limits;
}

/** Values needed in a row on one side for a `run`. */
export const RUN_LENGTH = 8;

/** Every signal of a series, given its phases and their limits. */
export function detectSignals(series: readonly SeriesPoint[], phases: readonly PhaseSpan[]): Signal[] {
  const out: Signal[] = [];
  for (const { start, end, limits } of phases) {
    const { centre, lower, upper } = limits;
    if (centre === null || lower === null || upper === null) continue;
    let runSide: Side | null = null;
    let runLength = 0;
    for (let i = start; i < end; i++) {
      const point = series[i];
      if (!point || point.value === null) continue;
      const v = point.value;
      if (v > upper) out.push({ period: point.period, rule: 'outside', side: 'above' });
      else if (v < lower) out.push({ period: point.period, rule: 'outside', side: 'below' });
      const side: Side | null = v > centre ? 'above' : v < centre ? 'below' : null;
      if (side === null) {
        runSide = null;
        runLength = 0;
        continue;
      }
      if (side === runSide) runLength++;
      else {
        runSide = side;
        runLength = 1;
      }
      if (runLength === RUN_LENGTH) out.push({ period: point.period, rule: 'run', side });
    }
  }
  return out;
}
