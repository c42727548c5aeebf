// 数据看板 (issue 11 §2): the platform admin's nation, a region admin's region, with drill-down to the
// regions below (?region=…, so the browser's back button works), also from the operator's map where it
// supplied one. Every chart comes with its table, and every table with a CSV and an Excel workbook of
// exactly the cells it shows.
import { Alert, Breadcrumb, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { barOption, cellText, DataTable, IndustriesSection, LevelsSection, type ShownTable } from './tables.tsx';
import { IndexReportPanel } from './IndexReportPanel.tsx';
import { WeakSubdomainsSection } from './WeakSubdomainsSection.tsx';
import { CalibrationSection } from './CalibrationSection.tsx';
import { CertifiedSection } from './CertifiedSection.tsx';
import { SurveySection } from './SurveySection.tsx';
import { RegionMapChart } from './RegionMapChart.tsx';

function DashboardView({ data, open }: { data: Dashboard; open: (code: string | null) => void }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const { count } = cellText(t, k);
  const fixed = (x: number | null) => (x === null ? t('dash.suppressed', { k }) : x.toFixed(2));
  const file = (what: string) => `${what}-${data.region.code ?? '000000'}`;

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

      <LevelsSection data={data} file={file} />
      <IndustriesSection data={data} file={file} />
      <WeakSubdomainsSection data={data} file={file} />
      <SurveySection data={data} file={file} />
      <CertifiedSection data={data} file={file} />
      <CalibrationSection data={data} file={file} />

      <section aria-labelledby="dash-regions-title">
        <Typography.Title level={2} id="dash-regions-title">
          {t('dash.regions.title')}
        </Typography.Title>
        {data.regions.level === null ? (
          <Typography.Paragraph type="secondary">{t('dash.regions.county')}</Typography.Paragraph>
        ) : data.regions.rows.length ? (
          <>
            <RegionMapChart data={data} open={open} />
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

      <IndexReportPanel data={data} />
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
        <Alert type="info" title={t('dash.method.indicators', { k: data?.minGroupSize ?? 5 })} />
      </details>
      {error !== undefined && <LoadError error={error} onRetry={reload} />}
      {loading && !data ? <Skeleton active /> : data && <DashboardView data={data} open={open} />}
    </div>
  );
}

export function DashboardPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{() => <DashboardContent />}</RequireAccount>;
}
