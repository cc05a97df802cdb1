/** raise_bar (SPEC §5, §7): a target met 3 consecutive complete months → raise it or move up. */
import { raiseBar } from '../kpis/raise-bar.ts';
import type { InsightRule } from './insight.ts';

/** One insight per active KPI whose last 3 complete months all met the target. */
export const raiseBarRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    if (k.status !== 'active') return [];
    const months = raiseBar(input.months.get(k.id) ?? []);
    const last = months?.at(-1);
    if (!months || !last || last.target === null) return [];
    return [
      {
        id: 'raise_bar' as const,
        severity: 'positive' as const,
        assistant: input.assistant,
        kpi: k.id,
        data: {
          months: months.map(({ period, value, target }) => ({ period, value, target })),
          target: last.target,
        },
      },
    ];
  });
