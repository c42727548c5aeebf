// 公开统计 (issue 11 §4), no login: the nation's counts, level distribution and 行业指数 Top 10 (the dashboard's
// sections, with their tables, CSV and Excel), how the index is computed, the JSON of the same figures, and
// seed 004's practice patterns with their cases and the policy library to browse.
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { api } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { cellText, IndustriesSection, LevelsSection } from '../dashboard/tables.tsx';
import { PolicyLibrary, PracticePatternLibrary } from './libraries.tsx';

const STATISTICS_JSON = '/api/public/statistics';

function Figures() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useLoad(() => api.publicStatistics(), []);
  if (error !== undefined) return <LoadError error={error} onRetry={reload} />;
  if (loading || !data) return <Skeleton active />;
  const k = data.minGroupSize;
  const { count } = cellText(t, k);
  const file = (what: string) => `${what}-全国`;
  return (
    <>
      <details className="data-details dash-method" open>
        <summary>{t('dash.method.title')}</summary>
        <Alert type="info" title={t('pub.method', { k })} />
      </details>
      <Row gutter={[16, 16]} className="dash-kpis">
        <Col xs={24} sm={12}>
          <Card>
            <Statistic title={t('dash.kpi.enterprises')} value={count(data.enterprises)} data-testid="pub-kpi-enterprises" />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card>
            <Statistic title={t('dash.kpi.diagnoses')} value={count(data.diagnoses)} data-testid="pub-kpi-diagnoses" />
          </Card>
        </Col>
      </Row>
      <LevelsSection data={data} file={file} />
      <IndustriesSection data={data} file={file} />
      <Typography.Paragraph type="secondary">{t('pub.asOf', { at: new Date(data.asOf).toLocaleString() })}</Typography.Paragraph>
    </>
  );
}

export function PublicStatisticsPage() {
  const { t } = useI18n();
  return (
    <div className="page page-wide">
      <Typography.Title>{t('pub.title')}</Typography.Title>
      <Typography.Paragraph>{t('pub.intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('pub.json')} <a href={STATISTICS_JSON}>{STATISTICS_JSON}</a>
      </Typography.Paragraph>
      <Figures />
      <PracticePatternLibrary />
      <PolicyLibrary />
    </div>
  );
}
