import { useMemo } from 'react';
import { type TrendChartInput, trendChartOption } from '#shared/charts/trend-chart-option';
import { EChart } from './EChart.tsx';

/** A report's trend per period with the target line, from the option builder the report PDF draws with. */
export function ReportTrendChart({ label, metric, series, target }: TrendChartInput & { label: string }) {
  const option = useMemo(() => trendChartOption({ metric, series, target }), [metric, series, target]);
  return <EChart option={option} label={label} height={220} />;
}
