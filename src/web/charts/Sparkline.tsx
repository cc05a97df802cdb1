import type { SeriesPoint } from '#core/stats/kpi-series';
import { EChart } from './EChart.tsx';

/** A small line of a KPI's recent values; gaps where a period had no value. */
export function Sparkline({ series, label }: { series: readonly SeriesPoint[]; label: string }) {
  return (
    <EChart
      label={label}
      height={40}
      option={{
        animation: false,
        grid: { left: 2, right: 2, top: 4, bottom: 4 },
        xAxis: { type: 'category', show: false, data: series.map((p) => p.period) },
        yAxis: { type: 'value', show: false, scale: true },
        series: [
          {
            type: 'line',
            data: series.map((p) => p.value),
            connectNulls: false,
            symbol: 'none',
            lineStyle: { width: 2, color: '#0b7285' },
          },
        ],
      }}
    />
  );
}
