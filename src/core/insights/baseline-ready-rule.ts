/**
 * baseline_ready (SPEC §5, §7): the 14-day baseline of an active KPI is over and no target is set
 * yet → propose targets together, starting from the suggested one.
 */
import { baselineWindow, isBaselineComplete } from '../kpis/baseline.ts';
import { baselineValue } from '../kpis/baseline-value.ts';
import { kpiPoolKind } from '../kpis/kpi-definition.ts';
import { suggestTarget } from '../kpis/suggest-target.ts';
import type { InsightRule } from './insight.ts';

/** One insight per active KPI past its baseline without a target. */
export const baselineReadyRule: InsightRule = (input) =>
  input.kpis.flatMap((k) => {
    if (k.status !== 'active' || k.targets.length > 0 || k.startDate === undefined) return [];
    if (!isBaselineComplete(k, input.today)) return [];
    const a = input.analyses.get(k.id);
    const baseline = a ? baselineValue(a.series, a.weights, k.startDate, kpiPoolKind(k)) : null;
    const suggested = baseline === null ? null : suggestTarget(k, baseline);
    return [
      {
        id: 'baseline_ready' as const,
        severity: 'info' as const,
        assistant: input.assistant,
        kpi: k.id,
        data: {
          baselineEnds: baselineWindow(k.startDate).lastDay,
          baseline,
          suggestedTarget: suggested?.value ?? null,
          rule: suggested?.rule ?? null,
        },
      },
    ];
  });
