// The report's charts as SVG strings, drawn by echarts' server-side renderer. Every text uses the
// CJK font the PDF embeds (FONT_FAMILY), so pdfmake draws chart labels with the same glyphs.
import * as echarts from 'echarts';
import type { ChartData } from './report-view.ts';

/** The family name the PDF registers the embedded Noto Sans SC under. */
export const FONT_FAMILY = 'NotoSansSC';

const BLUE = '#1f5fa8';
const ORANGE = '#e08a1e';
const GREEN = '#2e8b57';
const GREY = '#9aa5b1';
const RED = '#c0392b';
const TEXT = '#333333';

type Option = echarts.EChartsCoreOption;

/** Two decimals rounded down, like the tables (a bar never reads 0.80 below the threshold). */
const floor2 = (x: number): string => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);

function render(option: Option, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY, color: TEXT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const textStyle = (fontSize: number, extra: object = {}) => ({ fontFamily: FONT_FAMILY, fontSize, color: TEXT, ...extra });

/** Element scores on a radar, one series per level shown, with the 0.8 threshold as a dashed ring. */
export function elementRadar(charts: ChartData, width = 480, height = 300): string {
  const { indicators, series } = charts.radar;
  const colours = [BLUE, ORANGE];
  return render(
    {
      legend: { bottom: 0, textStyle: textStyle(10), data: [...series.map((s) => s.name), charts.threshold] },
      radar: {
        center: ['50%', '48%'],
        radius: '68%',
        indicator: indicators.map((name) => ({ name, max: 1, min: 0 })),
        axisName: textStyle(11),
        splitNumber: 5,
        splitLine: { lineStyle: { color: '#d5dbe1' } },
        splitArea: { areaStyle: { color: ['#ffffff', '#f6f8fa'] } },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          data: [
            ...series.map((s, i) => ({
              name: s.name,
              value: s.values.map((v) => v ?? 0),
              lineStyle: { color: colours[i % 2], width: 2 },
              itemStyle: { color: colours[i % 2] },
              areaStyle: { color: colours[i % 2], opacity: 0.12 },
            })),
            {
              name: charts.threshold,
              value: indicators.map(() => 0.8),
              symbol: 'none',
              lineStyle: { color: RED, type: 'dashed', width: 1 },
              itemStyle: { color: RED },
            },
          ],
        },
      ],
    },
    width,
    height,
  );
}

/** Subdomain scores as horizontal bars, weakest visible at a glance against the 0.8 line. */
export function subdomainBars(charts: ChartData, width = 500, height = 430): string {
  const { names, values } = charts.subdomains;
  const rev = <T>(xs: readonly T[]) => [...xs].reverse();
  return render(
    {
      grid: { left: 84, right: 40, top: 22, bottom: 26 },
      xAxis: { type: 'value', min: 0, max: 1, interval: 0.2, axisLabel: textStyle(9), splitLine: { lineStyle: { color: '#e5e8eb' } } },
      yAxis: { type: 'category', data: rev(names), axisLabel: textStyle(9, { interval: 0 }), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barWidth: '62%',
          data: rev(values).map((v) => ({ value: v ?? 0, itemStyle: { color: v === null ? GREY : v >= 0.8 ? GREEN : v >= 0.5 ? ORANGE : RED } })),
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? floor2(p.value) : ''), ...textStyle(8) },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [{ xAxis: 0.8 }],
            lineStyle: { color: RED, type: 'dashed' },
            label: { formatter: charts.threshold, position: 'end', ...textStyle(8, { color: RED }) },
          },
        },
      ],
    },
    width,
    height,
  );
}

/** The five level scores, reached ones in green, with the 0.8 threshold. */
export function levelBars(charts: Pick<ChartData, 'levels' | 'threshold'>, width = 480, height = 220): string {
  const { names, values, reached } = charts.levels;
  return render(
    {
      grid: { left: 40, right: 70, top: 20, bottom: 26 },
      xAxis: { type: 'category', data: names, axisLabel: textStyle(10), axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, max: 1, interval: 0.2, axisLabel: textStyle(9), splitLine: { lineStyle: { color: '#e5e8eb' } } },
      series: [
        {
          type: 'bar',
          barWidth: '45%',
          data: values.map((v, i) => ({ value: v, itemStyle: { color: reached[i] ? GREEN : GREY } })),
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? floor2(p.value) : ''), ...textStyle(9) },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [{ yAxis: 0.8 }],
            lineStyle: { color: RED, type: 'dashed' },
            label: { formatter: charts.threshold, position: 'end', ...textStyle(8, { color: RED }) },
          },
        },
      ],
    },
    width,
    height,
  );
}

/** 自定义评估: each domain's capability level (0–5) over its target (a pale bar behind). */
export function capabilityBars(data: { names: readonly string[]; levels: readonly number[]; targets: readonly number[]; legend: [assessed: string, target: string] }, width = 480, height = 60 + 26 * data.names.length): string {
  const rev = <T>(xs: readonly T[]) => [...xs].reverse();
  return render(
    {
      legend: { bottom: 0, textStyle: textStyle(9), data: [...data.legend] },
      grid: { left: 84, right: 30, top: 10, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: 5, interval: 1, axisLabel: textStyle(9), splitLine: { lineStyle: { color: '#e5e8eb' } } },
      yAxis: { type: 'category', data: rev(data.names), axisLabel: textStyle(9, { interval: 0 }), axisTick: { show: false } },
      series: [
        { name: data.legend[1], type: 'bar', barWidth: '56%', barGap: '-100%', data: rev(data.targets), itemStyle: { color: '#dbe6f3' }, silent: true },
        {
          name: data.legend[0],
          type: 'bar',
          barWidth: '56%',
          itemStyle: { color: BLUE },
          data: rev(data.levels).map((v, i) => ({ value: v, itemStyle: { color: v >= rev(data.targets)[i]! ? GREEN : BLUE } })),
          label: { show: true, position: 'right', ...textStyle(8) },
        },
      ],
    },
    width,
    height,
  );
}

/** 指数报告: shares (%) or indexes as vertical bars, one colour, the value on each bar. */
export function distributionBars(data: { names: readonly string[]; values: readonly number[]; unit: string }, width = 480, height = 220): string {
  return render(
    {
      grid: { left: 44, right: 20, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: data.names, axisLabel: textStyle(10, { interval: 0 }), axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, axisLabel: textStyle(9, { formatter: `{value}${data.unit}` }), splitLine: { lineStyle: { color: '#e5e8eb' } } },
      series: [{ type: 'bar', barWidth: '45%', data: [...data.values], itemStyle: { color: BLUE }, label: { show: true, position: 'top', formatter: `{c}${data.unit}`, ...textStyle(9) } }],
    },
    width,
    height,
  );
}

/** 指数报告: a ranking (first on top) as horizontal bars with the value at the end of each. */
export function rankingBars(data: { names: readonly string[]; values: readonly number[]; unit: string }, width = 500, height = 50 + 24 * data.names.length): string {
  const rev = <T>(xs: readonly T[]) => [...xs].reverse();
  return render(
    {
      grid: { left: 150, right: 50, top: 10, bottom: 24 },
      xAxis: { type: 'value', min: 0, axisLabel: textStyle(9, { formatter: `{value}${data.unit}` }), splitLine: { lineStyle: { color: '#e5e8eb' } } },
      yAxis: { type: 'category', data: rev(data.names), axisLabel: textStyle(9, { interval: 0, width: 140, overflow: 'truncate' }), axisTick: { show: false } },
      series: [{ type: 'bar', barWidth: '60%', data: rev(data.values), itemStyle: { color: BLUE }, label: { show: true, position: 'right', formatter: `{c}${data.unit}`, ...textStyle(8) } }],
    },
    width,
    height,
  );
}
