// 调查问卷指标 (issue 11 §2): the share of enterprises using each information system (chart and table), and the
// mean networked and numerically controlled equipment shares, for the region, by major class and by the regions
// one level down. Every table with its CSV and Excel workbook; figures below k are hidden by the server.
import { Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { INFORMATION_SYSTEM_NAMES, type INFORMATION_SYSTEMS } from '../../self-diagnosis/survey-options.ts';
import { barOption, cellText, DataTable, type ShownTable } from './tables.tsx';

type Survey = Dashboard['survey'];
type Figures = Pick<Survey, 'networked' | 'nc' | 'systems'>;

const decimal = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** A system's short name (its acronym, the same in both languages), for the wide group tables. */
const acronym = (id: string) => INFORMATION_SYSTEM_NAMES[id as (typeof INFORMATION_SYSTEMS)[number]]?.en ?? id;

/** The region's row, then one row per group: enterprises, the two means and every system's share. */
function groupTable(id: string, caption: string, head: string, total: { name: string; n: string; figures: Figures }, groups: Survey['byIndustry'], t: Translate): ShownTable {
  const row = (name: string, n: string, f: Figures) => [name, n, decimal(f.networked), decimal(f.nc), ...f.systems.map((s) => decimal(s.share))];
  const header = [head, t('dash.survey.group.n'), t('dash.survey.networked'), t('dash.survey.nc'), ...total.figures.systems.map((s) => acronym(s.id))];
  return {
    id,
    caption,
    header,
    numeric: header.map((_, i) => i > 0),
    rows: [row(total.name, total.n, total.figures), ...groups.map((g) => row(g.name === g.code ? g.code : `${g.name}（${g.code}）`, String(g.enterprises), g))],
  };
}

export function SurveySection({ data, file }: { data: Dashboard; file: (what: string) => string }) {
  const { t, lang } = useI18n();
  const k = data.minGroupSize;
  const survey = data.survey;
  const { count, share } = cellText(t, k);
  const systemName = (id: string) => {
    const names = INFORMATION_SYSTEM_NAMES[id as (typeof INFORMATION_SYSTEMS)[number]];
    return names ? (lang === 'en' ? names.en : names.zh) : id;
  };
  const systems: ShownTable = {
    id: 'dash-survey',
    caption: t('dash.survey.caption', { region: data.region.name }),
    header: [t('dash.survey.system'), t('dash.survey.users'), t('dash.survey.share')],
    numeric: [false, true, true],
    rows: survey.systems.map((s) => [systemName(s.id), count(s.users), share(s.share)]),
  };
  const shownSystems = useMemo(() => survey.systems.filter((s) => s.share !== null), [survey]);
  const option = useMemo(() => barOption(shownSystems.map((s) => systemName(s.id)), shownSystems.map((s) => s.share), true, t('dash.survey.share')), [shownSystems, t]); // systemName follows t's language
  const total = { name: data.region.name, n: count(survey.enterprises), figures: survey };
  return (
    <section aria-labelledby="dash-survey-title">
      <Typography.Title level={2} id="dash-survey-title">
        {t('dash.survey.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.survey.method', { n: count(survey.enterprises) })}</Typography.Paragraph>
      {survey.enterprises.suppressed ? (
        <Empty description={t('dash.survey.none', { k })} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12}>
              <Statistic title={t('dash.survey.networked')} value={decimal(survey.networked)} data-testid="dash-survey-networked" />
            </Col>
            <Col xs={24} sm={12}>
              <Statistic title={t('dash.survey.nc')} value={decimal(survey.nc)} data-testid="dash-survey-nc" />
            </Col>
          </Row>
          {shownSystems.length > 0 && <Chart option={option} height={shownSystems.length * 28 + 48} testId="dash-survey-chart" />}
          <DataTable table={systems} fileName={file('调查问卷-信息系统')} />
          <DataTable table={groupTable('dash-survey-industries', t('dash.survey.byIndustry'), t('dash.industries.industry'), total, survey.byIndustry, t)} fileName={file('调查问卷-行业')} />
          {data.regions.level !== null && (
            <DataTable table={groupTable('dash-survey-regions', t('dash.survey.byRegion', { region: data.region.name }), t('dash.regions.region'), total, survey.byRegion, t)} fileName={file('调查问卷-地区')} />
          )}
          {survey.suppressedGroups > 0 && <Typography.Paragraph type="secondary">{t('dash.survey.hidden', { count: survey.suppressedGroups, k })}</Typography.Paragraph>}
        </>
      )}
    </section>
  );
}
