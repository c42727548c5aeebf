// 查看结果 (seed 001 §1.6): level, total score S, level scores, charts with their numbers, strengths
// and weak points, what stands between the enterprise and the next level, and its position among peers.
import { Alert, Button, Card, Descriptions, Skeleton, Space, Steps, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type RequirementNote, type ScoreResult, type SelfDiagnosisResult } from '../../api.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { ShowOriginal, TranslationNotice } from '../../components/ModelText.tsx';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime, gain2, GRADE_KEYS, levelLabelKey, score2, shortfall2 } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { ApplicationViewsSection } from './ApplicationViewsSection.tsx';
import { CapabilityProfileSection } from './CapabilityProfileSection.tsx';
import { PoliciesSection, ReportSection, RoadmapSection } from './ResultReport.tsx';
import { levelText } from './SelfDiagnosesPage.tsx';
import { SubmittedLevelButton } from './SubmittedLevel.tsx';

type Breakdown = NonNullable<ScoreResult['breakdown']['1']>;

/**
 * The breakdown the charts show: the first level not reached — where the enterprise is working, and
 * where the parts differ — or 五级 when every level is reached.
 */
export function chartLevel(result: ScoreResult): number {
  return result.gap?.targetLevel ?? result.level;
}

function ChartsSection({ breakdown, level }: { breakdown: Breakdown; level: number }) {
  const { t, lang } = useI18n();
  const elements = breakdown.elements.filter((e) => e.score !== null);
  const subdomains = breakdown.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.filter((s) => s.score !== null).map((s) => ({ ...s, element: e.name }))));
  const radar = useMemo<ChartOption>(
    () => ({
      tooltip: { valueFormatter: (v: unknown) => score2(Number(v)) },
      radar: { indicator: elements.map((e) => ({ name: e.name, max: 1 })), radius: '65%' },
      series: [{ type: 'radar', data: [{ value: elements.map((e) => e.score ?? 0), name: t('sd.chartScore'), areaStyle: { opacity: 0.2 } }] }],
      color: ['#0958d9'],
    }),
    [elements, t],
  );
  const bar = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => score2(Number(v)) },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'category', inverse: true, data: subdomains.map((s) => s.name), axisLabel: { width: 96, overflow: 'truncate' } },
      series: [{ type: 'bar', data: subdomains.map((s) => s.score ?? 0), itemStyle: { color: '#0958d9' }, label: { show: true, position: 'right', formatter: (p: { value: number }) => score2(p.value) } }],
    }),
    [subdomains],
  );
  const shown = t('sd.chartsOf', { level: levelText(t, level) });
  return (
    <section aria-labelledby="charts-title" className="section">
      <Typography.Title level={2} id="charts-title">
        {t('sd.chartsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="charts-level">
        {shown}
      </Typography.Paragraph>
      <div className="charts">
        <Card size="small" title={<h3 className="card-heading">{t('sd.radarTitle')}</h3>}>
          <Chart option={radar} height={300} testId="radar-chart" />
          <table className="data-table" data-testid="radar-table">
            <caption>{t('sd.radarCaption', { level: levelText(t, level) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sd.colElement')}</th>
                <th scope="col" className="num">{t('sd.colWeightShort')}</th>
                <th scope="col" className="num">{t('sd.colScore')}</th>
              </tr>
            </thead>
            <tbody>
              {breakdown.elements.map((e) => (
                <tr key={e.id}>
                  <th scope="row" lang={lang}>{e.name}</th>
                  <td className="num">{(e.weight * 100).toFixed(1)}%</td>
                  <td className="num">{score2(e.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card size="small" title={<h3 className="card-heading">{t('sd.barTitle')}</h3>}>
          <Chart option={bar} height={Math.max(240, subdomains.length * 22 + 24)} testId="bar-chart" />
          <details className="data-details">
            <summary>{t('sd.showTable')}</summary>
            <table className="data-table" data-testid="bar-table">
              <caption>{t('sd.barCaption', { level: levelText(t, level) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sd.colSubdomain')}</th>
                  <th scope="col" className="num">{t('sd.colScore')}</th>
                </tr>
              </thead>
              <tbody>
                {subdomains.map((s) => (
                  <tr key={s.id}>
                    <th scope="row" lang={lang}>{s.element} · {s.name}</th>
                    <td className="num">{score2(s.score)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
      </div>
    </section>
  );
}

function NoteList({ notes, testId }: { notes: RequirementNote[]; testId: string }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const shown = all ? notes : notes.slice(0, 8);
  if (!notes.length) return <Typography.Paragraph type="secondary">{t('sd.none')}</Typography.Paragraph>;
  return (
    <>
      <ul className="note-list" data-testid={testId}>
        {shown.map((n) => (
          <li key={n.requirementId}>
            <Tag color={n.grade === 'FI' ? 'success' : n.grade === 'LI' ? 'processing' : n.grade === 'PI' ? 'warning' : 'error'}>{t(GRADE_KEYS[n.grade])}</Tag>
            <span className="note-meta">
              {t(levelLabelKey(n.level))} · <span lang={lang}>{n.subdomainName} · {n.itemName}</span>
            </span>
            <p lang={lang} className="note-text">{n.text}</p>
            <ShowOriginal zh={n.textZh} />
          </li>
        ))}
      </ul>
      {notes.length > shown.length && <Button onClick={() => setAll(true)}>{t('sd.showAll', { count: notes.length })}</Button>}
    </>
  );
}

function GapSection({ data }: { data: SelfDiagnosisResult }) {
  const { t, lang } = useI18n();
  const [all, setAll] = useState(false);
  const gap = data.result.gap;
  if (!gap) return <Alert type="success" showIcon title={t('sd.gapNone')} className="section" />;
  const notes = new Map([...data.strengths, ...data.weakPoints].map((n) => [n.requirementId, n]));
  const target = levelText(t, gap.targetLevel);
  return (
    <section aria-labelledby="gap-title" className="section" data-testid="gap">
      <Typography.Title level={2} id="gap-title">
        {t('sd.gapTitle', { level: target })}
      </Typography.Title>
      <Typography.Paragraph>{t('sd.gapIntro', { level: target, score: score2(gap.levelScore), shortfall: shortfall2(gap.levelScore), holding: gap.holding.length })}</Typography.Paragraph>
      <Typography.Paragraph strong data-testid="gap-summary">
        {t('sd.gapImprove', { count: gap.improvements.length, level: target, after: score2(gap.scoreAfter) })}
      </Typography.Paragraph>
      <Table
        rowKey="requirementId"
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        className="gap-table"
        data-testid="gap-table"
        dataSource={all ? gap.improvements : gap.improvements.slice(0, 10)}
        columns={[
          {
            key: 'req',
            title: t('sd.colRequirement'),
            render: (_, imp) => {
              const n = notes.get(imp.requirementId);
              return n ? (
                <>
                  <span lang={lang}>
                    <strong>{n.subdomainName} · {n.itemName}</strong>
                    <br />
                    {n.text}
                  </span>
                  <ShowOriginal zh={n.textZh} />
                </>
              ) : (
                imp.requirementId
              );
            },
          },
          {
            key: 'change',
            title: <span className="keep-words">{t('sd.colChange')}</span>,
            // A grade name never breaks inside itself ("全部满/足"); the arrow is where a line may break.
            render: (_, imp) => (
              <>
                <span className="keep-words">{t(GRADE_KEYS[imp.from])}</span> → <span className="keep-words">{t(GRADE_KEYS[imp.to])}</span>
              </>
            ),
          },
          { key: 'gain', title: <span className="keep-words">{t('sd.colGain')}</span>, align: 'right', render: (_, imp) => <span className="keep-words">{gain2(imp.gain)}</span> },
        ]}
      />
      {!all && gap.improvements.length > 10 && (
        <Button className="section-tight" onClick={() => setAll(true)}>
          {t('sd.showAll', { count: gap.improvements.length })}
        </Button>
      )}
    </section>
  );
}

function Peers({ data }: { data: SelfDiagnosisResult }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="peers-title" className="section">
      <Typography.Title level={2} id="peers-title">
        {t('sd.peersTitle')}
      </Typography.Title>
      <ul className="peer-list" data-testid="peers">
        {data.peers.map((p) => (
          <li key={p.group}>
            <strong>{t(p.group === 'industry' ? 'sd.peersIndustry' : 'sd.peersRegion')}</strong> <span lang={lang}>{p.label}</span>
            {t('sd.colon')}
            {p.percentile === null ? t('sd.peersFew', { peers: p.peers }) : t('sd.peersPercentile', { peers: p.peers, percentile: p.percentile.toFixed(0) })}
          </li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary">{t('sd.peersNote')}</Typography.Paragraph>
    </section>
  );
}

function ResultView({ data }: { data: SelfDiagnosisResult }) {
  const { t } = useI18n();
  const { result, diagnosis } = data;
  const level = chartLevel(result);
  const breakdown = result.breakdown[`${level}` as '1'];
  const levels = Object.entries(result.levelScores).map(([lv, score]) => ({ level: Number(lv), score: score ?? 0, reached: result.breakdown[lv as '1']?.reached ?? false }));
  return (
    <div className="page page-wide">
      <Steps size="small" responsive={false} titlePlacement="vertical" current={2} className="sd-steps" items={[{ title: t('sd.stepSurvey') }, { title: t('sd.stepAnswer') }, { title: t('sd.stepResult') }]} />
      <Typography.Title>{t('sd.resultTitle')}</Typography.Title>
      <TranslationNotice detail />
      <div className="result-summary">
        <Card className="result-level-card">
          <div className="result-label">{t('sd.resultLevel')}</div>
          <div className="result-level" data-testid="result-level">
            {levelText(t, result.level)}
          </div>
          <div className="result-label">{t('sd.totalScore')}</div>
          <div className="result-score" data-testid="total-score">
            {score2(result.totalScore)}
          </div>
        </Card>
        <Card className="result-levels-card" title={<h2 className="card-heading">{t('sd.levelScores')}</h2>}>
          <table className="data-table" data-testid="level-scores">
            <caption className="sr-only">{t('sd.levelScores')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sd.colLevel')}</th>
                <th scope="col" className="num">{t('sd.colScore')}</th>
                <th scope="col">{t('sd.colReached')}</th>
              </tr>
            </thead>
            <tbody>
              {levels.map((l) => (
                <tr key={l.level}>
                  <th scope="row">{levelText(t, l.level)}</th>
                  <td className="num">{score2(l.score)}</td>
                  <td>{l.reached ? <Tag color="success">{t('sd.reachedYes')}</Tag> : <Tag>{t('sd.reachedNo')}</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Typography.Paragraph type="secondary" className="result-rule">
            {t('sd.scoreRule')}
          </Typography.Paragraph>
          <Space wrap size={8} data-testid="submitted-levels">
            {levels.map((l) => (
              <SubmittedLevelButton key={l.level} diagnosisId={diagnosis.id} level={l.level} label={t('sd.viewSubmitted', { level: t(levelLabelKey(l.level)) })} />
            ))}
          </Space>
        </Card>
      </div>
      <Descriptions
        size="small"
        className="section-tight"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'type', label: t('enterprise.enterpriseType'), children: t(diagnosis.enterpriseType === 'process' ? 'register.process' : 'register.discrete') },
          { key: 'created', label: t('sd.colDate'), children: beijingDateTime(diagnosis.createdAt) },
          { key: 'completed', label: t('sd.completedAt'), children: diagnosis.completedAt ? beijingDateTime(diagnosis.completedAt) : '—' },
          { key: 'valid', label: t('sd.validResult'), children: diagnosis.isValidResult ? t('sd.validYes') : t('sd.validNo') },
        ]}
      />
      <ReportSection data={data} />
      {breakdown && <ChartsSection breakdown={breakdown} level={level} />}
      <CapabilityProfileSection profile={data.profile} />
      <ApplicationViewsSection views={data.views} />
      <GapSection data={data} />
      <RoadmapSection data={data} />
      <PoliciesSection data={data} />
      <div className="notes section">
        <section aria-labelledby="strengths-title">
          <Typography.Title level={2} id="strengths-title">
            {t('sd.strengths', { count: data.strengths.length })}
          </Typography.Title>
          <NoteList notes={data.strengths} testId="strengths" />
        </section>
        <section aria-labelledby="weak-title">
          <Typography.Title level={2} id="weak-title">
            {t('sd.weakPoints', { count: data.weakPoints.length })}
          </Typography.Title>
          <NoteList notes={data.weakPoints} testId="weak-points" />
        </section>
      </div>
      <Peers data={data} />
      <div className="section">
        <Link to="/self-diagnoses">{t('sd.backToList')}</Link>
      </div>
    </div>
  );
}

function ResultLoader({ id }: { id: string }) {
  const { lang } = useI18n();
  const data = useLoad(() => api.selfDiagnosisResult(id, lang), [id, lang]);
  if (data.error !== undefined) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Skeleton active />;
  return <ResultView data={data.data} />;
}

export function ResultPage() {
  const { id = '' } = useParams();
  return <RequireAccount roles={['enterprise_user']}>{() => <ResultLoader id={id} />}</RequireAccount>;
}
