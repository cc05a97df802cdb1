import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts-setup.ts';

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, for screen readers (the chart itself is an image to them). */
  label: string;
  height: number;
  style?: CSSProperties;
}

/**
 * A thin echarts wrapper: one SVG chart per element (crisp, and the same library renders PDFs
 * on the server), the option replaced when it changes, resized with its box, disposed on unmount.
 */
export function EChart({ option, label, height, style }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, ...style }} />;
}
