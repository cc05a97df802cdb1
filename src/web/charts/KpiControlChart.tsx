import { useMemo } from 'react';
import { type ControlChartInput, controlChartOption } from '#shared/charts/control-chart-option';
import { EChart } from './EChart.tsx';

/** The KPI's series with XmR centre and limits, signals, target, baseline, process changes and forecast. */
export function KpiControlChart({
  label,
  analysis,
  metric,
  targets,
  baseline,
  processChanges,
}: ControlChartInput & { label: string }) {
  const option = useMemo(
    () => controlChartOption({ analysis, metric, targets, baseline, processChanges }),
    [analysis, metric, targets, baseline, processChanges],
  );
  return <EChart option={option} label={label} height={320} />;
}
