// An echarts chart (only the parts used: radar and bar on canvas; the dashboard's map adds its own). The
// picture is aria-hidden, or an image named by `label`: each chart comes with a text alternative (a table
// of the same numbers) next to it.
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, RadarChart, GridComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** onItemClick: a click on a data item (its index); the same action must be reachable from the table. label: what the picture shows, for a screen reader. */
export function Chart({ option, height, testId, label, onItemClick }: { option: ChartOption; height: number; testId?: string; label?: string; onItemClick?: (dataIndex: number) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onItemClick) return;
    const handler = (params: { dataIndex?: number }) => {
      if (params.dataIndex !== undefined) onItemClick(params.dataIndex);
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onItemClick]);
  const named = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return <div ref={ref} style={{ height, width: '100%' }} {...named} data-testid={testId} />;
}
