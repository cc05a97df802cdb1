import type { OverviewKpi } from '#shared/kpi-schemas';
import { TREND_LOOK } from '../../components/kpi/TrendArrow.tsx';
import { formatMetricValue } from '../../format/metric-format.ts';
import classes from './KpiGrid.module.css';

const STATUS_WORD = { met: 'target met', near: 'near target', below: 'below target' };

/** A cell's colour: none during the baseline, when no target is judged yet. */
export function cellStatus(k: OverviewKpi): OverviewKpi['status'] {
  return k.inBaseline ? null : k.status;
}

/** The words under a cell's value, so that its colour is never the only sign. */
export function statusWord(k: OverviewKpi): string {
  if (k.kpiStatus === 'proposed') return 'awaiting agreement';
  if (k.inBaseline) return 'baseline';
  const status = cellStatus(k);
  return status ? STATUS_WORD[status] : 'no target';
}

/** A KPI's latest value in words for people (`92 %`, `1 h 25 min`). */
export function valueText(k: OverviewKpi): string {
  return formatMetricValue(k.metric, k.latest?.value ?? null);
}

/**
 * An active KPI's trend arrow: TrendArrow's compact look and words in one plain element, since
 * the overview draws a thousand of them. Nothing before a trend can be told (the cell's words
 * say enough).
 */
export function TrendMark({ k }: { k: OverviewKpi }) {
  const look = k.kpiStatus === 'active' && k.trend ? TREND_LOOK[k.trend.direction] : undefined;
  if (!look || !k.trend) return null;
  return (
    <span
      role="img"
      className={classes.arrow}
      data-trend={k.trend.direction}
      aria-label={`Trend: ${look.word}`}
      title={`${look.word} (p = ${k.trend.p.toFixed(3)})`}
    >
      {look.arrow}
    </span>
  );
}

/** A KPI's latest value with its trend arrow on one line (the phone's list). */
export function KpiValue({ k }: { k: OverviewKpi }) {
  return (
    <span className={classes.value}>
      {valueText(k)}
      <TrendMark k={k} />
    </span>
  );
}
