/**
 * signal (SPEC §6, §7): a process signal in the latest complete bucket of an active KPI —
 * something changed; talk about what.
 */
import type { InsightRule } from './insight.ts';

/** One insight per signal in the last bucket of each active KPI's series. */
export const signalRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    if (k.status !== 'active') return [];
    const a = input.analyses.get(k.id);
    const last = a?.series.at(-1);
    if (!a || !last) return [];
    const phase = [...a.phases].reverse().find((p) => p.from <= last.period);
    return a.signals
      .filter((s) => s.period === last.period)
      .map((s) => {
        const favourable = (s.side === 'above') === (k.direction === 'higher');
        return {
          id: 'signal' as const,
          severity: favourable ? ('positive' as const) : ('attention' as const),
          assistant: input.assistant,
          kpi: k.id,
          data: {
            period: s.period,
            rule: s.rule,
            side: s.side,
            favourable,
            value: last.value,
            centre: phase?.centre ?? null,
            lower: phase?.lower ?? null,
            upper: phase?.upper ?? null,
          },
        };
      });
  });
