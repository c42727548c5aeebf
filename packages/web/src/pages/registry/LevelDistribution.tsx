// The level distribution of the registry's current selection: a stacked bar per province (echarts,
// aria-hidden) with the same numbers in words and as a table — the text alternative.
import { LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import type { RegistryDistribution } from './registry-api.ts';

echarts.use([LegendComponent]);

/** 一级 → 五级, light to dark. */
const LEVEL_COLOURS = ['#bae0ff', '#69b1ff', '#1677ff', '#0958d9', '#002c8c'];

export function LevelDistribution({ distribution }: { distribution: RegistryDistribution }) {
  const { t } = useI18n();
  const provinces = distribution.byProvince;
  const unknown = t('registry.dist.unknownProvince');
  const provinceName = (p: (typeof provinces)[number]) => p.provinceName ?? unknown;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: provinces.map((p) => p.provinceName ?? unknown), axisLabel: { width: 120, overflow: 'truncate' } },
      series: [1, 2, 3, 4, 5].map((level) => ({
        name: t(levelLabelKey(level)),
        type: 'bar',
        stack: 'levels',
        data: provinces.map((p) => p.counts[level - 1] ?? 0),
        itemStyle: { color: LEVEL_COLOURS[level - 1] },
      })),
    }),
    [provinces, t, unknown],
  );
  const summary = t('registry.dist.summary', {
    total: distribution.total,
    provinces: provinces.length,
    levels: distribution.byLevel
      .filter((l) => l.count > 0)
      .map((l) => t('registry.dist.levelCount', { level: t(levelLabelKey(l.level)), count: l.count }))
      // 自定义评估 certificates have no level: counted in the total and named here, not in the chart's levels.
      .concat(distribution.custom > 0 ? [t('registry.dist.levelCount', { level: t('registry.custom'), count: distribution.custom })] : [])
      .join(t('registry.dist.separator')),
  });
  if (distribution.total === 0) return <p data-testid="registry-distribution-summary">{summary}</p>;
  return (
    <>
      <p data-testid="registry-distribution-summary">{summary}</p>
      <Chart option={option} height={Math.max(200, provinces.length * 26 + 56)} testId="registry-distribution-chart" />
      <details className="data-details">
        <summary>{t('registry.dist.showTable')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="registry-distribution-caption">
          <table className="data-table" data-testid="registry-distribution-table">
            <caption id="registry-distribution-caption">{t('registry.dist.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.dist.province')}</th>
                {[1, 2, 3, 4, 5].map((level) => (
                  <th scope="col" className="num" key={level}>
                    {t(levelLabelKey(level))}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('registry.dist.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {provinces.map((p) => (
                <tr key={p.provinceCode ?? 'unknown'}>
                  <th scope="row" lang="zh-CN">
                    {provinceName(p)}
                  </th>
                  {p.counts.map((count, i) => (
                    <td className="num" key={i}>
                      {count}
                    </td>
                  ))}
                  <td className="num">{p.total}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('registry.dist.total')}</th>
                {distribution.byLevel.map((l) => (
                  <td className="num" key={l.level}>
                    {l.count}
                  </td>
                ))}
                <td className="num">{distribution.total}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
    </>
  );
}
