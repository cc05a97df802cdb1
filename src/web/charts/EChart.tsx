import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { CSSProperties } from 'react';
import { type ChartOption, echarts } from './echarts-setup.ts';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the chart itself is an image to them). */
  label: string;
  height: number;
  style?: CSSProperties;
}

/** A thin wrapper: SVG rendering (crisp, and the same library renders PDFs on the server). */
export function EChart({ option, label, height, style }: EChartProps) {
  return (
    <div role="img" aria-label={label} style={{ width: '100%', height, ...style }}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ width: '100%', height }}
      />
    </div>
  );
}
