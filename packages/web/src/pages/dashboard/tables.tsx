// What the dashboard and the public statistics page share: a table as shown (with its CSV and Excel of exactly
// those cells), the bar chart beside it, and the tables of the level distribution and the 行业指数 Top 10.
import { Button, Empty, Space, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { CSV_TYPE, csvOf, download, XLSX_TYPE } from './csv.ts';
import { xlsxOf } from './xlsx.ts';

export type Count = Dashboard['enterprises'];

/** A table as shown: a caption, a header and rows of text; `rowAction` turns a row's first cell into a button. */
export interface ShownTable {
  id: string;
  caption: string;
  header: string[];
  rows: string[][];
  numeric: boolean[];
  rowAction?: (index: number) => void;
  rowActionLabel?: (index: number) => string;
}

/** `fileName` without extension: the CSV and the workbook take .csv and .xlsx. */
export function DataTable({ table, fileName }: { table: ShownTable; fileName: string }) {
  const { t } = useI18n();
  const captionId = `${table.id}-caption`;
  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="data-table" data-testid={`${table.id}-table`}>
          <caption id={captionId}>{table.caption}</caption>
          <thead>
            <tr>
              {table.header.map((h, i) => (
                <th scope="col" key={h} className={table.numeric[i] ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th scope="row" key={i}>
                      {table.rowAction ? (
                        <Button type="link" size="small" className="dash-drill" aria-label={table.rowActionLabel?.(r)} onClick={() => table.rowAction!(r)}>
                          {cell}
                        </Button>
                      ) : (
                        cell
                      )}
                    </th>
                  ) : (
                    <td key={i} className={table.numeric[i] ? 'num' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Space size="small" className="dash-downloads">
        <Button size="small" aria-label={t('dash.csvLabel', { table: table.caption })} onClick={() => download(`${fileName}.csv`, csvOf(table.header, table.rows), CSV_TYPE)} data-testid={`${table.id}-csv`}>
          {t('dash.csv')}
        </Button>
        <Button
          size="small"
          aria-label={t('dash.xlsxLabel', { table: table.caption })}
          onClick={() => download(`${fileName}.xlsx`, xlsxOf(table.caption, table.header, table.rows, table.numeric), XLSX_TYPE)}
          data-testid={`${table.id}-xlsx`}
        >
          {t('dash.xlsx')}
        </Button>
      </Space>
    </>
  );
}

export const barOption = (names: string[], values: (number | null)[], horizontal: boolean, name: string): ChartOption => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
  ...(horizontal
    ? { xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 140, overflow: 'truncate' } } }
    : { xAxis: { type: 'category', data: names }, yAxis: { type: 'value', minInterval: 1 } }),
  series: [{ type: 'bar', name, data: values.map((v) => v ?? 0), itemStyle: { color: '#1677ff' }, cursor: 'pointer' }],
});

/** How counts and shares read in a table: a suppressed count says so. */
export function cellText(t: Translate, k: number) {
  return {
    count: (c: Count) => (c.suppressed ? t('dash.suppressed', { k }) : String(c.value)),
    share: (s: number | null) => (s === null ? '—' : s.toFixed(1)),
  };
}

type Figures = Pick<Dashboard, 'minGroupSize' | 'levels' | 'bands' | 'industries'>;

export function levelsTable(data: Figures, t: Translate): ShownTable {
  const { count, share } = cellText(t, data.minGroupSize);
  return {
    id: 'dash-levels',
    caption: t('dash.levels.caption'),
    header: [t('dash.levels.group'), t('dash.levels.enterprises'), t('dash.levels.share')],
    numeric: [false, true, true],
    rows: [
      ...data.levels.map((l) => [l.level === 0 ? t('dash.level.0') : t(levelLabelKey(l.level)), count(l.enterprises), share(l.share)]),
      ...data.bands.map((b) => [t('dash.bandRow', { band: t(`dash.band.${b.band}` as MessageKey) }), count(b.enterprises), share(b.share)]),
    ],
  };
}

const bandsOption = (data: Figures, t: Translate) =>
  barOption(data.bands.map((b) => t(`dash.band.${b.band}` as MessageKey)), data.bands.map((b) => b.enterprises.value), false, t('dash.levels.enterprises'));

export function industriesTable(data: Figures, t: Translate): ShownTable {
  return {
    id: 'dash-industries',
    caption: t('dash.industries.caption'),
    header: [t('dash.industries.industry'), t('dash.industries.rank'), t('dash.industries.index'), t('dash.industries.n')],
    numeric: [false, true, true, true],
    rows: data.industries.top.map((i, rank) => [`${i.name}（${i.code}）`, String(rank + 1), i.index.toFixed(2), String(i.enterprises)]),
  };
}

const industriesOption = (data: Figures, t: Translate) => barOption(data.industries.top.map((i) => i.name), data.industries.top.map((i) => i.index), true, t('dash.industries.index'));

/** 等级分布: the four bands as a chart, every level and band in the table. `file` names a download (without extension). */
export function LevelsSection({ data, file }: { data: Figures; file: (what: string) => string }) {
  const { t } = useI18n();
  const option = useMemo(() => bandsOption(data, t), [data, t]);
  return (
    <section aria-labelledby="dash-levels-title">
      <Typography.Title level={2} id="dash-levels-title">
        {t('dash.levels.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('dash.levels.chartBands')}</Typography.Text>
      <Chart option={option} height={220} testId="dash-levels-chart" />
      <DataTable table={levelsTable(data, t)} fileName={file('等级分布')} />
    </section>
  );
}

/** 行业指数 Top 10, with how many classes were left out below k. */
export function IndustriesSection({ data, file }: { data: Figures; file: (what: string) => string }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const option = useMemo(() => industriesOption(data, t), [data, t]);
  return (
    <section aria-labelledby="dash-industries-title">
      <Typography.Title level={2} id="dash-industries-title">
        {t('dash.industries.title')}
      </Typography.Title>
      {data.industries.top.length ? (
        <>
          <Chart option={option} height={data.industries.top.length * 28 + 48} testId="dash-industries-chart" />
          <DataTable table={industriesTable(data, t)} fileName={file('行业指数Top10')} />
        </>
      ) : (
        <Empty description={t('dash.industries.none', { k })} />
      )}
      {data.industries.suppressed > 0 && <Typography.Paragraph type="secondary">{t('dash.industries.hidden', { count: data.industries.suppressed, k })}</Typography.Paragraph>}
    </section>
  );
}
