// 等级判定 (seed 003 §8.3.4): once every requirement has its consensus, the lead determines the level
// (the consensus through the same engine as the self-diagnosis); then the result: the level and S, the
// level scores, the capability profile (自定义评估), the comparison with the enterprise's own
// self-diagnosis, and the findings by kind. The lead may reopen the rating. Once the result is shared,
// each finding carries the enterprise's 再次论证 and the lead's decision (FindingResponses.tsx).
import { FilePdfOutlined } from '@ant-design/icons';
import { App, Alert, Button, Checkbox, Descriptions, Skeleton, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { beijingDateTime, levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import type { Loaded } from '../../use-load.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { useAction, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { findingElementId } from './certification-parts.tsx';
import { findingEntries, hasReview, isShared, isStageRefusal, responseCounts, type CertificationRole } from './certification-view.ts';
import { FindingResponsePanel } from './FindingResponses.tsx';
import { ratingApi, type FormalAssessment, type FormalResult, type FormalResultView, type SheetRow, type WorkingSheet } from './rating-api.ts';
import { claimText, GradeTag, kindKey, RatingSection, RefusalAlert } from './rating-parts.tsx';
import { FINDING_KIND_ORDER, findingRequired, hasResult, type RatingRole } from './rating-view.ts';

/** A table that scrolls sideways on a phone; the region is focusable so that a keyboard can scroll it. */
function DataTable({ id, caption, head, children, testId }: { id: string; caption: ReactNode; head: ReactNode[]; children: ReactNode; testId?: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="data-table" data-testid={testId}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={i} style={{ whiteSpace: 'nowrap' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const capabilityText = (t: Translate, level: number | null): string => (level === null ? '—' : level <= 0 ? t('rating.result.capabilityNone') : t(levelLabelKey(level)));

function Capability({ result, caption }: { result: FormalResult; caption: string }) {
  const { t } = useI18n();
  return (
    <DataTable id="capability" caption={caption} testId="capability" head={[t('rating.result.domain'), t('rating.result.target'), t('rating.result.capability'), t('rating.result.levelScores')]}>
      {result.capability.map((d) => (
        <tr key={d.id}>
          <th scope="row">
            <Zh>{d.name}</Zh>
          </th>
          <td>{capabilityText(t, d.target)}</td>
          <td style={{ fontWeight: 600 }}>{capabilityText(t, d.capabilityLevel)}</td>
          <td>
            {d.levels.map((l) => (
              <div key={l.level} style={{ whiteSpace: 'nowrap' }}>
                {t('rating.result.levelScore', { level: t(levelLabelKey(l.level)), score: score2(l.score) })} {l.reached ? t('rating.result.reached') : t('rating.result.notReached')}
              </div>
            ))}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** The findings by kind; once shared, each with the enterprise's response and what the viewer may do about it. */
function Findings({ view, result, certRole, onChanged }: { view: FormalAssessment; result: FormalResultView; certRole: CertificationRole; onChanged: () => void }) {
  const { t } = useI18n();
  const shared = isShared(view.stage);
  const entries = findingEntries(result.findings, shared ? result.responses : []);
  const counts = responseCounts(shared ? result.responses : []);
  const [onlyResponded, setOnlyResponded] = useState(false);
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('rating.findings.title')}
      </Typography.Title>
      {shared && certRole.canRespond && <Alert type="info" showIcon className="page-note" data-testid="respond-guide" title={t('cert.findings.respondGuide')} />}
      {view.stage === 'communicating' && counts.accepted > 0 && <Alert type="info" showIcon className="page-note" title={t('cert.findings.acceptedNote')} />}
      {counts.total > 0 && (
        <Checkbox checked={onlyResponded} onChange={(e) => setOnlyResponded(e.target.checked)} style={{ marginBottom: 8 }} data-testid="only-responded">
          {t('cert.findings.onlyResponded', { count: counts.total, pending: counts.pending })}
        </Checkbox>
      )}
      {FINDING_KIND_ORDER.map((kind) => {
        const all = entries.filter((e) => e.finding.kind === kind);
        const shown = onlyResponded ? all.filter((e) => e.response) : all;
        return (
          <section key={kind} aria-labelledby={`findings-${kind}`} data-testid={`findings-${kind}`}>
            <Typography.Title level={4} id={`findings-${kind}`} style={{ fontSize: 15 }}>
              {t('rating.findings.kindCount', { kind: t(kindKey(kind)), count: all.length })}
            </Typography.Title>
            {shown.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('sd.none')}</Typography.Paragraph>
            ) : (
              <ul className="note-list">
                {shown.map((entry) => {
                  const f = entry.finding;
                  return (
                    <li key={f.requirementId} id={shared ? findingElementId(f.requirementId) : undefined} tabIndex={shared ? -1 : undefined} style={{ outline: 'none' }}>
                      <GradeTag grade={f.grade} />
                      <span className="note-meta">
                        {t(levelLabelKey(f.level))} · <Zh>{f.domainName} · {f.itemName}</Zh>
                      </span>
                      <p lang="zh-CN" className="note-text" style={{ whiteSpace: 'pre-wrap' }}>
                        {f.text}
                      </p>
                      {shared && <FindingResponsePanel assessmentId={view.id} entry={entry} role={certRole} onChanged={onChanged} />}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The 评估报告 PDF of the result as it stands (a 征求意见稿 until the final result), in the page's language. */
function ReportLink({ assessmentId }: { assessmentId: string }) {
  const { t, lang } = useI18n();
  const href = `/api/formal-assessments/${encodeURIComponent(assessmentId)}/report.pdf?lang=${lang === 'en' ? 'en' : 'zh'}`;
  return (
    <Typography.Paragraph className="page-note">
      <a href={href} download data-testid="formal-report-pdf">
        <FilePdfOutlined aria-hidden /> {t('rating.result.reportPdf')}
      </a>
    </Typography.Paragraph>
  );
}

function ResultView({ assessmentId, result, rows, findings }: { assessmentId: string; result: FormalResult; rows: readonly SheetRow[]; findings: ReactNode }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  const predefined = result.assessmentType === 'predefined';
  const levelScores = Object.entries(result.levelScores)
    .map(([level, score]) => ({ level: Number(level), score }))
    .sort((a, b) => a.level - b.level);
  const texts = new Map(rows.map((r) => [r.requirementId, r]));
  const c = result.comparison;
  return (
    <div data-testid="formal-result">
      <Descriptions
        bordered
        size="small"
        column={1}
        layout={layout}
        className="page-note"
        items={[
          { key: 'type', label: t('rating.result.type'), children: t(predefined ? 'fa.type.predefined' : 'fa.type.custom') },
          ...(predefined
            ? [
                { key: 'level', label: t('rating.result.level'), children: <strong data-testid="result-level" style={{ fontSize: 18 }}>{levelText(t, result.level)}</strong> },
                { key: 'score', label: t('rating.result.score'), children: <strong data-testid="result-score" style={{ fontSize: 18 }}>{score2(result.totalScore)}</strong> },
              ]
            : []),
          { key: 'at', label: t('rating.result.ratedAt'), children: beijingDateTime(result.ratedAt) },
        ]}
      />
      <ReportLink assessmentId={assessmentId} />

      {predefined && levelScores.length > 0 && (
        <DataTable id="level-scores" caption={t('rating.result.levelScoresCaption')} testId="level-scores" head={[t('rating.result.levelCol'), t('rating.result.scoreCol')]}>
          {levelScores.map((l) => (
            <tr key={l.level}>
              <th scope="row">{levelText(t, l.level)}</th>
              <td className="num">{score2(l.score)}</td>
            </tr>
          ))}
        </DataTable>
      )}

      {result.capability.length > 0 &&
        (predefined ? (
          <details className="data-details">
            <summary>{t('rating.result.capabilityReference')}</summary>
            <Capability result={result} caption={t('rating.result.capabilityReference')} />
          </details>
        ) : (
          <>
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
              {t('rating.result.capabilityTitle')}
            </Typography.Title>
            <Capability result={result} caption={t('rating.result.capabilityCaption')} />
          </>
        ))}

      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
        {t('rating.compare.title')}
      </Typography.Title>
      <DataTable id="compare-summary" caption={t('rating.compare.summaryCaption')} testId="compare-summary" head={[t('rating.compare.item'), t('rating.compare.self'), t('rating.compare.formal')]}>
        {predefined && (
          <>
            <tr>
              <th scope="row">{t('rating.result.level')}</th>
              <td>{levelText(t, c.selfLevel)}</td>
              <td>{levelText(t, result.level)}</td>
            </tr>
            <tr>
              <th scope="row">{t('rating.result.score')}</th>
              <td className="num">{score2(c.selfTotalScore)}</td>
              <td className="num">{score2(result.totalScore)}</td>
            </tr>
          </>
        )}
        {!predefined && (
          <tr>
            <th scope="row">{t('rating.result.level')}</th>
            <td>{levelText(t, c.selfLevel)}</td>
            <td>{t('rating.compare.customLevel')}</td>
          </tr>
        )}
      </DataTable>

      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
        {t('rating.compare.requirementsTitle', { count: c.requirements.length })}
      </Typography.Title>
      {c.requirements.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('rating.compare.requirementsNone')}</Typography.Paragraph>
      ) : (
        <DataTable
          id="compare-requirements"
          caption={<span className="sr-only">{t('rating.compare.requirementsTitle', { count: c.requirements.length })}</span>}
          testId="compare-requirements"
          head={[t('rating.result.levelCol'), t('rating.col.requirement'), t('rating.compare.selfClaim'), t('rating.compare.consensus')]}
        >
          {c.requirements.map((r) => {
            const row = texts.get(r.requirementId);
            const self = r.self === 'FI' || r.self === 'LI' || r.self === 'PI' || r.self === 'NI' || r.self === 'NA' ? r.self : null;
            return (
              <tr key={r.requirementId}>
                <td style={{ whiteSpace: 'nowrap' }}>{t(levelLabelKey(r.level))}</td>
                <th scope="row">
                  <Zh>{r.itemName}</Zh>
                  {row && (
                    <Typography.Text type="secondary" lang="zh-CN" style={{ display: 'block', fontSize: 12 }}>
                      {row.text}
                    </Typography.Text>
                  )}
                </th>
                <td style={{ whiteSpace: 'nowrap' }}>{claimText(t, self)}</td>
                <td>
                  <GradeTag grade={r.formal} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}

      <details className="data-details">
        <summary>{t('rating.compare.domainsTitle')}</summary>
        <DataTable id="compare-domains" caption={t('rating.compare.domainsTitle')} testId="compare-domains" head={[t('rating.result.domain'), t('rating.result.levelCol'), t('rating.compare.selfScore'), t('rating.compare.formalScore')]}>
          {c.domains.map((d) => (
            <tr key={`${d.domainId}-${d.level}`}>
              <th scope="row">
                <Zh>{d.domainName}</Zh>
              </th>
              <td>{t(levelLabelKey(d.level))}</td>
              <td className="num">{score2(d.self)}</td>
              <td className="num">{score2(d.formal)}</td>
            </tr>
          ))}
        </DataTable>
      </details>

      {findings}
    </div>
  );
}

export function LevelSection({
  view,
  sheet,
  role,
  certRole,
  result,
  onChanged,
  onShowRow,
}: {
  view: FormalAssessment;
  sheet: WorkingSheet | undefined;
  role: RatingRole;
  certRole: CertificationRole;
  result: Loaded<FormalResultView | undefined>;
  onChanged: () => void;
  onShowRow: (requirementId: string) => void;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const rollUp = useAction(onChanged);
  const reopen = useAction(onChanged);
  const rows = sheet?.rows ?? [];
  const missingConsensus = rows.filter((r) => r.consensus === null).length;
  const missingFinding = rows.filter((r) => r.consensus && findingRequired(r.consensus.grade) && !r.consensus.finding);

  const confirmRollUp = () =>
    modal.confirm({
      title: t('rating.rollUp.confirmTitle'),
      content: t('rating.rollUp.confirmText'),
      okText: t('rating.rollUp.button'),
      cancelText: t('form.cancel'),
      onOk: () =>
        rollUp.run('rollUp', () => ratingApi.rollUp(view.id)).then((done) => {
          if (done) void message.success(t('rating.rollUp.done'));
        }),
    });
  const confirmReopen = () =>
    modal.confirm({
      title: t('rating.reopen.confirmTitle'),
      content: t('rating.reopen.confirmText'),
      okText: t('rating.reopen.button'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      onOk: () =>
        reopen.run('reopen', () => ratingApi.reopenRating(view.id)).then((done) => {
          if (done) void message.success(t('rating.reopen.done'));
        }),
    });

  return (
    <RatingSection
      id="level"
      title={t(hasReview(view.stage) ? 'cert.result.finalTitle' : hasResult(view.stage) ? 'cert.result.draftTitle' : 'rating.level.title')}
      extra={
        role.canReopen && (
          <Button danger onClick={confirmReopen} loading={reopen.busy === 'reopen'} data-testid="reopen-rating">
            {t('rating.reopen.button')}
          </Button>
        )
      }
    >
      <RefusalAlert error={reopen.error} rows={rows} />
      {hasResult(view.stage) ? (
        result.error !== undefined ? (
          isStageRefusal(result.error) ? (
            <Typography.Paragraph type="secondary" data-testid="result-unavailable">
              {t(view.stage === 'rated' ? 'cert.result.notShared' : 'cert.result.unavailable')}
            </Typography.Paragraph>
          ) : (
            <LoadError error={result.error} onRetry={result.reload} />
          )
        ) : result.data ? (
          <ResultView assessmentId={view.id} result={result.data} rows={rows} findings={<Findings view={view} result={result.data} certRole={certRole} onChanged={onChanged} />} />
        ) : (
          <Skeleton active />
        )
      ) : role.leadsRollUp ? (
        <>
          <Typography.Paragraph type="secondary">{t('rating.rollUp.intro')}</Typography.Paragraph>
          {!role.consensusComplete ? (
            <Alert type="info" showIcon data-testid="roll-up-waiting" title={t('rating.rollUp.waiting', { count: missingConsensus, total: rows.length })} />
          ) : (
            <>
              {missingFinding.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  className="page-note"
                  data-testid="findings-missing"
                  title={t('rating.rollUp.findingsMissing', { count: missingFinding.length })}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {missingFinding.map((r) => (
                        <li key={r.requirementId}>
                          {t(levelLabelKey(r.level))} · <Zh>{r.itemName}</Zh>{' '}
                          <Button type="link" size="small" onClick={() => onShowRow(r.requirementId)} aria-label={t('rating.showRowOf', { name: r.itemName })}>
                            {t('rating.showRow')}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Button type="primary" onClick={confirmRollUp} loading={rollUp.busy === 'rollUp'} data-testid="roll-up">
                {t('rating.rollUp.button')}
              </Button>
            </>
          )}
          <RefusalAlert error={rollUp.error} rows={rows} onShowRow={onShowRow} testId="roll-up-error" />
        </>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="level-pending">
          {t('rating.level.pending')}
        </Typography.Paragraph>
      )}
    </RatingSection>
  );
}
