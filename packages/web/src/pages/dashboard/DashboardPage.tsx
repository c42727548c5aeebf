// 数据看板 (issue 11 §2): the platform admin's nation, a region admin's region, with drill-down to the
// regions below (?region=…, so the browser's back button works). Every chart (aria-hidden) comes with
// its table, and every table with a CSV of exactly the cells it shows.
import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Dashboard } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { csvOf, downloadCsv } from './csv.ts';

type Count = Dashboard['enterprises'];

/** A table as shown: a caption, a header and rows of text; `rowAction` turns a row's first cell into a button. */
interface ShownTable {
  id: string;
  caption: string;
  header: string[];
  rows: string[][];
  numeric: boolean[];
  rowAction?: (index: number) => void;
  rowActionLabel?: (index: number) => string;
}

function DataTable({ table, fileName }: { table: ShownTable; fileName: string }) {
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
      <Button size="small" className="dash-csv" aria-label={t('dash.csvLabel', { table: table.caption })} onClick={() => downloadCsv(fileName, csvOf(table.header, table.rows))} data-testid={`${table.id}-csv`}>
        {t('dash.csv')}
      </Button>
    </>
  );
}

const barOption = (names: string[], values: (number | null)[], horizontal: boolean, name: string): ChartOption => ({
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
  ...(horizontal
    ? { xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: names, axisLabel: { width: 140, overflow: 'truncate' } } }
    : { xAxis: { type: 'category', data: names }, yAxis: { type: 'value', minInterval: 1 } }),
  series: [{ type: 'bar', name, data: values.map((v) => v ?? 0), itemStyle: { color: '#1677ff' }, cursor: 'pointer' }],
});

function DashboardView({ data, open }: { data: Dashboard; open: (code: string | null) => void }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const count = (c: Count) => (c.suppressed ? t('dash.suppressed', { k }) : String(c.value));
  const share = (s: number | null) => (s === null ? '—' : s.toFixed(1));
  const fixed = (x: number | null) => (x === null ? t('dash.suppressed', { k }) : x.toFixed(2));
  const file = (what: string) => `${what}-${data.region.code ?? '000000'}.csv`;

  const levels: ShownTable = {
    id: 'dash-levels',
    caption: t('dash.levels.caption'),
    header: [t('dash.levels.group'), t('dash.levels.enterprises'), t('dash.levels.share')],
    numeric: [false, true, true],
    rows: [
      ...data.levels.map((l) => [l.level === 0 ? t('dash.level.0') : t(levelLabelKey(l.level)), count(l.enterprises), share(l.share)]),
      ...data.bands.map((b) => [t('dash.bandRow', { band: t(`dash.band.${b.band}` as MessageKey) }), count(b.enterprises), share(b.share)]),
    ],
  };
  const industries: ShownTable = {
    id: 'dash-industries',
    caption: t('dash.industries.caption'),
    header: [t('dash.industries.industry'), t('dash.industries.rank'), t('dash.industries.index'), t('dash.industries.n')],
    numeric: [false, true, true, true],
    rows: data.industries.top.map((i, rank) => [`${i.name}（${i.code}）`, String(rank + 1), i.index.toFixed(2), String(i.enterprises)]),
  };
  const regions: ShownTable = {
    id: 'dash-regions',
    caption: t('dash.regions.caption', { region: data.region.name }),
    header: [t('dash.regions.region'), t('dash.regions.index'), t('dash.industries.n')],
    numeric: [false, true, true],
    rows: data.regions.rows.map((r) => [r.name, fixed(r.index), count(r.enterprises)]),
    rowAction: (i) => open(data.regions.rows[i]!.code),
    rowActionLabel: (i) => t('dash.regions.open', { region: data.regions.rows[i]!.name }),
  };
  const months: ShownTable = {
    id: 'dash-months',
    caption: t('dash.months.caption'),
    header: [t('dash.months.month'), t('dash.months.diagnoses')],
    numeric: [false, true],
    rows: data.months.map((m) => [`${Math.floor(m.month / 100)}-${String(m.month % 100).padStart(2, '0')}`, count(m.diagnoses)]),
  };

  const bandsOption = useMemo(
    () => barOption(data.bands.map((b) => t(`dash.band.${b.band}` as MessageKey)), data.bands.map((b) => b.enterprises.value), false, t('dash.levels.enterprises')),
    [data, t],
  );
  const industriesOption = useMemo(() => barOption(data.industries.top.map((i) => i.name), data.industries.top.map((i) => i.index), true, t('dash.industries.index')), [data, t]);
  const shownRegions = data.regions.rows.filter((r) => r.index !== null);
  const regionsOption = useMemo(() => barOption(shownRegions.map((r) => r.name), shownRegions.map((r) => r.index), true, t('dash.regions.index')), [shownRegions, t]);
  const monthsOption = useMemo(() => barOption(months.rows.map((r) => r[0]!), data.months.map((m) => m.diagnoses.value), false, t('dash.months.diagnoses')), [data, months.rows, t]);

  return (
    <>
      <Row gutter={[16, 16]} className="dash-kpis">
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('dash.kpi.enterprises')} value={count(data.enterprises)} data-testid="dash-kpi-enterprises" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('dash.kpi.diagnoses')} value={count(data.diagnoses)} data-testid="dash-kpi-diagnoses" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('dash.kpi.regions')} value={data.regions.rows.length} />
          </Card>
        </Col>
      </Row>

      <section aria-labelledby="dash-levels-title">
        <Typography.Title level={2} id="dash-levels-title">
          {t('dash.levels.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('dash.levels.chartBands')}</Typography.Text>
        <Chart option={bandsOption} height={220} testId="dash-levels-chart" />
        <DataTable table={levels} fileName={file('等级分布')} />
      </section>

      <section aria-labelledby="dash-industries-title">
        <Typography.Title level={2} id="dash-industries-title">
          {t('dash.industries.title')}
        </Typography.Title>
        {data.industries.top.length ? (
          <>
            <Chart option={industriesOption} height={data.industries.top.length * 28 + 48} testId="dash-industries-chart" />
            <DataTable table={industries} fileName={file('行业指数Top10')} />
          </>
        ) : (
          <Empty description={t('dash.industries.none', { k })} />
        )}
        {data.industries.suppressed > 0 && <Typography.Paragraph type="secondary">{t('dash.industries.hidden', { count: data.industries.suppressed, k })}</Typography.Paragraph>}
      </section>

      <section aria-labelledby="dash-regions-title">
        <Typography.Title level={2} id="dash-regions-title">
          {t('dash.regions.title')}
        </Typography.Title>
        {data.regions.level === null ? (
          <Typography.Paragraph type="secondary">{t('dash.regions.county')}</Typography.Paragraph>
        ) : data.regions.rows.length ? (
          <>
            {shownRegions.length > 0 && <Chart option={regionsOption} height={shownRegions.length * 28 + 48} testId="dash-regions-chart" onItemClick={(i) => open(shownRegions[i]!.code)} />}
            <DataTable table={regions} fileName={file('地区排名')} />
          </>
        ) : (
          <Empty description={t('dash.regions.none')} />
        )}
      </section>

      <section aria-labelledby="dash-months-title">
        <Typography.Title level={2} id="dash-months-title">
          {t('dash.months.title')}
        </Typography.Title>
        {data.months.length ? (
          <>
            <Chart option={monthsOption} height={220} testId="dash-months-chart" />
            <DataTable table={months} fileName={file('按月自诊断')} />
          </>
        ) : (
          <Empty description={t('dash.months.none')} />
        )}
      </section>
    </>
  );
}

function DashboardContent() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const { data, error, loading, reload } = useLoad(() => api.dashboard(region), [region]);
  const open = (code: string | null) => setParams(code ? { region: code } : {});
  return (
    <div className="page page-wide">
      <Typography.Title>{t('dash.title')}</Typography.Title>
      {data && (
        <nav aria-label={t('dash.breadcrumb')}>
          <Breadcrumb
            items={data.path.map((r, i) => ({
              key: r.code ?? 'nation',
              title:
                i === data.path.length - 1 ? (
                  <span aria-current="page">{r.name}</span>
                ) : (
                  <a
                    href={r.code ? `?region=${r.code}` : '?'}
                    onClick={(e) => {
                      e.preventDefault();
                      open(r.code);
                    }}
                  >
                    {r.name}
                  </a>
                ),
            }))}
          />
        </nav>
      )}
      <details className="data-details dash-method">
        <summary>{t('dash.method.title')}</summary>
        <Alert type="info" title={t('dash.method.body', { k: data?.minGroupSize ?? 5 })} />
      </details>
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      {loading && !data ? <Skeleton active /> : data && <DashboardView data={data} open={open} />}
    </div>
  );
}

export function DashboardPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{() => <DashboardContent />}</RequireAccount>;
}
