// The result page's report side (seed 001 §1.7): 查看报告 (the PDF in the UI language) with the report
// number and its public check, the exports (Excel, JSON for `cmmm score`), the improvement roadmap and
// the policies of the enterprise's region. Roadmap and policy texts come from Chinese sources: lang="zh-CN".
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Table, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { downloads, type PolicyMatch, type RoadmapEntry, type SelfDiagnosisResult } from '../../api.ts';
import { ShowOriginal } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import { levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { levelText } from './SelfDiagnosesPage.tsx';

/** 查看报告 as a plain download link (same origin: the session cookie goes along). */
export function ReportLink({ id, button = false }: { id: string; button?: boolean }) {
  const { t, lang } = useI18n();
  const content = (
    <>
      {t('sd.viewReport')}
      <span className="sr-only">{t('sd.pdfHint')}</span>
    </>
  );
  if (!button) {
    return (
      <a href={downloads.reportPdf(id, lang)} download data-testid="view-report">
        {content}
      </a>
    );
  }
  return (
    <Button type="primary" icon={<FilePdfOutlined aria-hidden />} href={downloads.reportPdf(id, lang)} download data-testid="view-report">
      {content}
    </Button>
  );
}

/** A sentence with one placeholder shown as code: "… {command} …". */
function withCode(text: string, code: string): ReactNode {
  const [before, after = ''] = text.split('{command}');
  return (
    <>
      {before}
      <code>{code}</code>
      {after}
    </>
  );
}

export function ReportSection({ data }: { data: SelfDiagnosisResult }) {
  const { t } = useI18n();
  const { diagnosis } = data;
  return (
    <section aria-labelledby="report-title" className="section report-section" data-testid="report-section">
      <Typography.Title level={2} id="report-title">
        {t('sd.reportTitle')}
      </Typography.Title>
      <Typography.Paragraph>{t('sd.reportIntro', { lang: t('sd.reportLang') })}</Typography.Paragraph>
      {diagnosis.reportNumber && (
        <p className="report-number" data-testid="report-number">
          <span>{t('sd.reportNumber')}{t('sd.colon')}</span>
          <span className="mono">{diagnosis.reportNumber}</span>
          <a href={downloads.verify(diagnosis.reportNumber)}>{t('sd.verifyReport')}</a>
        </p>
      )}
      <div className="report-actions">
        <ReportLink id={diagnosis.id} button />
        <Button icon={<DownloadOutlined aria-hidden />} href={downloads.exportXlsx(diagnosis.id)} download data-testid="export-xlsx" aria-describedby="export-xlsx-note">
          {t('sd.exportExcel')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={downloads.exportJson(diagnosis.id)} download data-testid="export-json" aria-describedby="export-json-note">
          {t('sd.exportJson')}
        </Button>
      </div>
      <ul className="report-notes">
        <li id="export-xlsx-note">{t('sd.exportExcelNote')}</li>
        <li id="export-json-note">{withCode(t('sd.exportJsonNote'), 'cmmm score')}</li>
      </ul>
    </section>
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function RoadmapCase({ entry, headingId }: { entry: RoadmapEntry; headingId: string }) {
  const { t } = useI18n();
  const c = entry.case;
  if (!c) return null;
  const hasChange = c.kpis.some((k) => k.change);
  return (
    <div className="roadmap-block">
      <h4 id={headingId} className="roadmap-subtitle">
        {t('sd.roadmapCase')}
        {t('sd.colon')}
        <span lang="zh-CN">{c.enterprise}</span>
      </h4>
      <p lang="zh-CN" className="roadmap-text">{c.summary}</p>
      {c.kpis.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="data-table" data-testid={`roadmap-kpis-${entry.patternId}`}>
            <caption>{t('sd.kpiCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sd.kpiName')}</th>
                <th scope="col">{t('sd.kpiBefore')}</th>
                <th scope="col">{t('sd.kpiAfter')}</th>
                {hasChange && <th scope="col">{t('sd.kpiChange')}</th>}
              </tr>
            </thead>
            <tbody lang="zh-CN">
              {c.kpis.map((k) => (
                <tr key={k.name}>
                  <th scope="row">{k.name}</th>
                  <td>{k.before ?? '—'}</td>
                  <td>{k.after ?? '—'}</td>
                  {hasChange && <td>{k.change ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RoadmapCard({ entry, index, targetLevel }: { entry: RoadmapEntry; index: number; targetLevel: number }) {
  const { t, lang } = useI18n();
  const titleId = `roadmap-${entry.patternId}-title`;
  return (
    <li className="roadmap-item">
      <Card
        size="small"
        data-testid={`roadmap-${entry.patternId}`}
        title={
          <h3 id={titleId} className="card-heading roadmap-name">
            <span className="roadmap-index">{index + 1}.</span> <span lang="zh-CN">{entry.name}</span>
          </h3>
        }
      >
        <h4 className="roadmap-subtitle">{t('sd.roadmapReason')}</h4>
        <p lang="zh-CN" className="roadmap-text">{entry.reason}</p>
        <h4 className="roadmap-subtitle">{t('sd.roadmapSubdomains')}</h4>
        <ul className="roadmap-subdomains">
          {entry.subdomains.map((s) => (
            <li key={s.id}>
              <span lang={lang}>{s.name}</span>
              <span className="note-meta">
                {' · '}
                {t('sd.roadmapSubdomainScore', { score: score2(s.score), weight: pct(s.weight), level: t(levelLabelKey(targetLevel)) })}
              </span>
            </li>
          ))}
        </ul>
        <h4 className="roadmap-subtitle">{t('sd.roadmapPath')}</h4>
        <ol className="roadmap-path" lang="zh-CN">
          {entry.path.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
        {entry.targets.length > 0 && (
          <>
            <h4 className="roadmap-subtitle">{t('sd.roadmapTargets', { level: t(levelLabelKey(targetLevel)) })}</h4>
            <ul className="roadmap-targets">
              {entry.targets.map((r) => (
                <li key={r.requirementId}>
                  <span lang={lang}>{r.text}</span>
                  <ShowOriginal zh={r.textZh} />
                </li>
              ))}
            </ul>
          </>
        )}
        <RoadmapCase entry={entry} headingId={`roadmap-${entry.patternId}-case`} />
      </Card>
    </li>
  );
}

export function RoadmapSection({ data }: { data: SelfDiagnosisResult }) {
  const { t } = useI18n();
  const gap = data.result.gap;
  if (!gap) return null; // 五级 reached: the gap section says so, there is no roadmap
  return (
    <section aria-labelledby="roadmap-title" className="section" data-testid="roadmap">
      <Typography.Title level={2} id="roadmap-title">
        {t('sd.roadmapTitle')}
      </Typography.Title>
      {data.roadmap.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('sd.roadmapNone')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('sd.roadmapIntro', { level: levelText(t, gap.targetLevel) })}</Typography.Paragraph>
          <details className="data-details" data-testid="roadmap-method">
            <summary>{t('sd.roadmapMethod')}</summary>
            <p>{t('sd.roadmapMethodText', { level: levelText(t, gap.targetLevel) })}</p>
          </details>
          <ol className="roadmap-list">
            {data.roadmap.map((entry, i) => (
              <RoadmapCard key={entry.patternId} entry={entry} index={i} targetLevel={gap.targetLevel} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A reward text, one line per item (the items are joined with "；"). */
function Reward({ text }: { text: string }) {
  const parts = text.split('；');
  return (
    <span lang="zh-CN">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              ；<br />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}

const policyKey = (p: PolicyMatch) => `${p.policyId}-${p.applies}`;

/** The policies as a table, or on a phone as a list of cards (a table is too wide for it). */
function PolicyList({ policies, forText, testId }: { policies: PolicyMatch[]; forText?: (p: PolicyMatch) => string; testId: string }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const reward = (p: PolicyMatch) => (p.reward ? <Reward text={p.reward} /> : <span className="note-meta">{t('sd.policyNoLevel')}</span>);
  const tag = (p: PolicyMatch) =>
    forText && (
      <Tag color={p.applies === 'current' ? 'success' : 'processing'} className="policy-for">
        {forText(p)}
      </Tag>
    );
  if (narrow) {
    return (
      <ul className="policy-list" data-testid={`${testId}-list`}>
        {policies.map((p) => (
          <li key={policyKey(p)} className="policy-card">
            {tag(p)}
            <dl className="policy-fields">
              <dt>{t('sd.colRegion')}</dt>
              <dd lang="zh-CN">{p.region}</dd>
              <dt>{t('sd.colDocument')}</dt>
              <dd lang="zh-CN">{p.document}</dd>
              <dt>{t('sd.colReward')}</dt>
              <dd>{reward(p)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<PolicyMatch>
      rowKey={policyKey}
      size="small"
      pagination={false}
      scroll={{ x: 720 }}
      dataSource={policies}
      data-testid={`${testId}-table`}
      columns={[
        { key: 'region', title: t('sd.colRegion'), width: 150, render: (_, p) => <span lang="zh-CN">{p.region}</span> },
        { key: 'document', title: t('sd.colDocument'), width: 240, render: (_, p) => <span lang="zh-CN">{p.document}</span> },
        { key: 'reward', title: t('sd.colReward'), render: (_, p) => reward(p) },
        ...(forText ? [{ key: 'for', title: t('sd.colFor'), width: 150, render: (_: unknown, p: PolicyMatch) => tag(p) }] : []),
      ]}
    />
  );
}

export function PoliciesSection({ data }: { data: SelfDiagnosisResult }) {
  const { t } = useI18n();
  const current = data.result.level;
  const matched = data.policies.filter((p) => p.applies !== 'related');
  const related = data.policies.filter((p) => p.applies === 'related');
  const forText = (p: PolicyMatch) =>
    p.applies === 'current' ? t('sd.forCurrent', { level: t(levelLabelKey(current)) }) : t('sd.forNext', { level: t(levelLabelKey(current + 1)) });
  return (
    <section aria-labelledby="policies-title" className="section" data-testid="policies">
      <Typography.Title level={2} id="policies-title">
        {t('sd.policiesTitle')}
      </Typography.Title>
      {matched.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="policies-none">
          {t('sd.policiesNone')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>{t('sd.policiesIntro')}</Typography.Paragraph>
          <PolicyList policies={matched} forText={forText} testId="policies" />
        </>
      )}
      {related.length > 0 && (
        <section aria-labelledby="related-policies-title" className="section-tight" data-testid="related-policies">
          <Typography.Title level={3} id="related-policies-title">
            {t('sd.relatedPoliciesTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('sd.relatedPoliciesIntro')}</Typography.Paragraph>
          <PolicyList policies={related} testId="related-policies" />
        </section>
      )}
    </section>
  );
}
