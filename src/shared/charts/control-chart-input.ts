/**
 * The control chart's target line, baseline window and process changes as labels of the KPI's own
 * period, from the KPI analysis (the API's answer on the screen, the service's view on the server
 * for the review PDF), so both draw the same chart from the same numbers.
 */
import { bucketLabelOfDay, type Period, parseDate, periodOfLabel } from '#core/time/calendar';

/** The parts of a KPI analysis the chart's labels come from. */
export interface ChartSource {
  kpi: { processChanges?: readonly string[] | undefined };
  analysis: { period: Period; series: readonly { period: string }[] };
  points: readonly { period: string; target: number | null }[];
  baseline: { from: string; lastDay: string } | null;
}

/** A local date or a bucket label as a label of `period`. */
export function labelIn(dateOrLabel: string, period: Period): string | null {
  if (periodOfLabel(dateOrLabel) === period) return dateOrLabel;
  const day = parseDate(dateOrLabel);
  return day === null ? null : bucketLabelOfDay(day, period);
}

/** The baseline's first and last bucket in the KPI's period. */
export function baselineLabels(answer: ChartSource): { from: string; to: string } | null {
  const b = answer.baseline;
  if (!b) return null;
  const from = labelIn(b.from, answer.analysis.period);
  const to = labelIn(b.lastDay, answer.analysis.period);
  return from && to ? { from, to } : null;
}

export function processChangeLabels(answer: ChartSource): string[] {
  return (answer.kpi.processChanges ?? [])
    .map((c) => labelIn(c, answer.analysis.period))
    .filter((l): l is string => l !== null);
}

/** The target in force in each period of the series. */
export function targetsBySeries(answer: ChartSource): (number | null)[] {
  const byPeriod = new Map(answer.points.map((p) => [p.period, p.target]));
  return answer.analysis.series.map((p) => byPeriod.get(p.period) ?? null);
}
