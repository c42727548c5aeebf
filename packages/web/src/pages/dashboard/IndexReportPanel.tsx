// 指数报告 (issue 11 §3): on the dashboard, make a 全国, 区域 (the region shown) or 行业 (a major class, within
// the region shown) report; the server generates it as a job, whose steps show as progress here; then 下载 PDF.
import { Alert, Button, Card, Progress, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, type Dashboard, type IndexReportJob, type IndexReportRequest } from '../../api.ts';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';

type Kind = IndexReportRequest['kind'];
/** How often the page asks for the job's progress. */
const POLL_MS = 1000;

export function IndexReportPanel({ data }: { data: Dashboard }) {
  const { t, lang } = useI18n();
  const region = data.region.code;
  // the nation is offered only to whom the dashboard shows it (the platform admin)
  const canNation = data.path.some((r) => r.code === null);
  const [kind, setKind] = useState<Kind>(region === null ? 'national' : 'region');
  const [industry, setIndustry] = useState<string | undefined>();
  const [job, setJob] = useState<IndexReportJob | null>(null);
  const [error, setError] = useState<unknown>();
  const [starting, setStarting] = useState(false);
  const industries = useLoad(() => api.industries(lang === 'en' ? 'en' : 'zh-CN'), [lang]);

  useEffect(() => {
    if (!job || job.status !== 'running') return;
    const timer = setTimeout(() => {
      api.indexReport(job.id).then(setJob, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setError(undefined);
    setJob(null);
    setStarting(true);
    try {
      const body: IndexReportRequest = kind === 'national' ? { kind } : kind === 'region' ? { kind, region: region! } : { kind, industry: industry!, ...(region ? { region } : {}) };
      setJob(await api.startIndexReport(body));
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };

  const running = starting || job?.status === 'running';
  const ready = kind !== 'industry' || industry !== undefined;
  const percent = job ? Math.round((job.done / job.steps) * 100) : 0;
  return (
    <section aria-labelledby="dash-index-report-title">
      <Typography.Title level={2} id="dash-index-report-title">
        {t('ir.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          {t('ir.intro', { k: data.minGroupSize })}
          {region === null && ` ${t('ir.regionHint')}`}
        </Typography.Paragraph>
        <Space wrap align="center">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label={t('ir.kind')} disabled={running}>
            {canNation && <Radio.Button value="national">{t('ir.kind.national')}</Radio.Button>}
            {region !== null && <Radio.Button value="region">{t('ir.kind.region', { region: data.region.name })}</Radio.Button>}
            <Radio.Button value="industry">{t('ir.kind.industry')}</Radio.Button>
          </Radio.Group>
          {kind === 'industry' && (
            <Select
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 280 }}
              placeholder={t('ir.industry.placeholder')}
              aria-label={t('ir.industry')}
              value={industry}
              onChange={setIndustry}
              loading={industries.loading}
              disabled={running}
              options={(industries.data ?? []).map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
            />
          )}
          <Button type="primary" onClick={() => void start()} loading={running} disabled={!ready} data-testid="ir-generate">
            {t('ir.generate')}
          </Button>
        </Space>
        {job && (
          <div className="ir-job" aria-live="polite" style={{ marginTop: 16 }}>
            <Typography.Text>{t('ir.scope', { scope: job.scope })}</Typography.Text>
            <Progress percent={percent} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} aria-label={t('ir.progress')} data-testid="ir-progress" />
            {job.status === 'running' && <Typography.Text type="secondary">{t(`ir.step.${job.step ?? 'figures'}`)}</Typography.Text>}
            {job.status === 'done' && (
              <Button href={api.indexReportPdf(job.id)} download={`${job.fileName ?? 'index-report'}.pdf`} data-testid="ir-download">
                {t('ir.download')}
              </Button>
            )}
            {job.status === 'failed' && <Alert type="error" showIcon title={errorMessage(new ApiError(500, job.error ?? 'INDEX_REPORT_FAILED', ''), lang, t)} />}
          </div>
        )}
        {error !== undefined && <Alert type="error" showIcon title={errorMessage(error, lang, t)} style={{ marginTop: 16 }} />}
      </Card>
    </section>
  );
}
