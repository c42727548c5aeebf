// 合规性审查、公示与证书 of one formal assessment (seed 002 评估流程: 专家委员会合规性审查 → 公示 → 授予证书),
// at /formal-assessments/:id/review: the steps 最终评估结果 → 合规性审查 → 公示 → 颁发证书 with a line on
// what comes next for the viewer; the final result in brief; the automatic checks (通过 / 未通过 in words
// and an icon, with each message); the lead's 提交合规性审查 at 'final'; the reviewer's 审查通过 (not while
// a check fails) and 退回评估组 (with reasons); the review history; the public notice; the objections (the
// reviewer dismisses or upholds each); 颁发证书; and the certificate. The server does not list these
// actions in the view yet: certification-view.ts derives them from the stage and the viewer.
import { Alert, Button, Descriptions, Form, Input, Radio, Skeleton, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { beijingDateTime, levelLabelKey, score2 } from '../../self-diagnosis/format.ts';
import { useLoad, type Loaded } from '../../use-load.ts';
import { formalApi } from '../formal-assessment/formal-api.ts';
import { AssessmentLoading, AssessmentTags, Section, StageProgress, useAction, useDescriptionsLayout, Zh } from '../formal-assessment/parts.tsx';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { noticesApi, type PublicNotice } from '../public-notices/notices-api.ts';
import { certificationApi, type Objection, type ReviewCheck, type ReviewRecord } from './certification-api.ts';
import { CertificateSection } from './CertificateSection.tsx';
import { CheckStatus, CountedHelp, IssueAlert, ObjectionStatusTag, ReviewDecisionTag, useConfirm, type Located } from './certification-parts.tsx';
import {
  certificationRoleOf,
  checkIssueCode,
  failedChecks,
  hasReview,
  isKnownCheck,
  isLeadOf,
  isStageRefusal,
  newestFirst,
  NOTICE_STAGES,
  objectionCounts,
  REVIEW_STEPS,
  reviewStepOf,
  type CertificationRole,
  type ReviewStep,
} from './certification-view.ts';
import { ratingApi, type FormalAssessment } from './rating-api.ts';
import { RatingStageTag, stageKey } from './rating-parts.tsx';

const PAGE_TITLE = 'review-page-title';

const STEP_TITLES: Record<ReviewStep, MessageKey> = {
  final: 'cert.step.final',
  review: 'cert.step.review',
  notice: 'cert.step.notice',
  certificate: 'cert.step.certificate',
};

const checkName = (t: Translate, code: string): string => (isKnownCheck(code) ? t(`cert.check.name.${code}`) : code);

function nextText(t: Translate, stage: FormalAssessment['stage'], role: CertificationRole): string {
  switch (stage) {
    case 'final':
      return t(role.canSubmitForReview ? 'cert.next.finalLead' : 'cert.next.final');
    case 'under_review':
      return t(role.canReview ? 'cert.next.reviewReviewer' : 'cert.next.review');
    case 'publicized':
      return t(role.canIssueCertificate ? 'cert.next.noticeReviewer' : 'cert.next.notice');
    case 'certified':
      return t('cert.next.certified');
    default:
      return t('cert.next.notYet');
  }
}

function Header({ view, role }: { view: FormalAssessment; role: CertificationRole }) {
  const { t } = useI18n();
  const step = reviewStepOf(view.stage);
  const path = `/formal-assessments/${encodeURIComponent(view.id)}`;
  return (
    <header>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        <Space wrap separator={<span aria-hidden>·</span>}>
          <Link to={path}>{t('rating.back')}</Link>
          <Link to={`${path}/working-sheet`}>{t('cert.toRating')}</Link>
        </Space>
      </Typography.Paragraph>
      <Typography.Title id={PAGE_TITLE} tabIndex={-1} style={{ marginTop: 0, fontSize: 'clamp(22px, 5vw, 30px)', outline: 'none' }}>
        {t('cert.review.pageTitle')}
        {t('sd.colon')}
        <Zh>{view.enterpriseName}</Zh>
      </Typography.Title>
      <AssessmentTags view={view} stageTag={<RatingStageTag stage={view.stage} />} />
      <StageProgress
        currentText={t('rating.step.current', { stage: t(stageKey(view.stage)) })}
        current={step.current}
        status={step.status}
        titles={REVIEW_STEPS.map((key) => t(STEP_TITLES[key]))}
        testId="review-steps"
        margin="16px 0 8px"
      />
      <Typography.Paragraph strong data-testid="next-step">
        {nextText(t, view.stage, role)}
      </Typography.Paragraph>
    </header>
  );
}

/** The final result in brief (the 正式评估 page has it in full). */
function ResultSummary({ view }: { view: FormalAssessment }) {
  const { t } = useI18n();
  const layout = useDescriptionsLayout();
  const result = useLoad(() => ratingApi.result(view.id), [view.id, view.stage]);
  const data = result.data;
  return (
    <Section id="final-result" title={t('cert.result.finalTitle')}>
      {result.error !== undefined ? (
        isStageRefusal(result.error) ? (
          <Typography.Paragraph type="secondary" data-testid="result-unavailable">
            {t('cert.result.unavailable')}
          </Typography.Paragraph>
        ) : (
          <LoadError error={result.error} onRetry={result.reload} />
        )
      ) : !data ? (
        <Skeleton active />
      ) : (
        <Descriptions
          bordered
          size="small"
          column={1}
          layout={layout}
          data-testid="result-summary"
          items={[
            ...(data.assessmentType === 'predefined'
              ? [
                  { key: 'level', label: t('rating.result.level'), children: <strong>{levelText(t, data.level)}</strong> },
                  { key: 'score', label: t('rating.result.score'), children: score2(data.totalScore) },
                ]
              : [
                  {
                    key: 'capability',
                    label: t('rating.result.capabilityTitle'),
                    children: (
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {data.capability.map((d) => (
                          <li key={d.id}>
                            <Zh>{d.name}</Zh>
                            {t('sd.colon')}
                            {d.capabilityLevel <= 0 ? t('rating.result.capabilityNone') : t(levelLabelKey(d.capabilityLevel))}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]),
            { key: 'at', label: t('rating.result.ratedAt'), children: beijingDateTime(data.ratedAt) },
            ...(data.lastMeeting ? [{ key: 'meeting', label: t('cert.result.meetingOn'), children: data.lastMeeting.heldOn }] : []),
          ]}
        />
      )}
      <Typography.Paragraph className="section-tight">
        <Link to={`/formal-assessments/${encodeURIComponent(view.id)}/working-sheet`}>
          {t('cert.result.full')} <span aria-hidden>→</span>
        </Link>
      </Typography.Paragraph>
    </Section>
  );
}

function CheckList({ checks, testId, idPrefix }: { checks: readonly ReviewCheck[]; testId?: string; idPrefix?: string }) {
  const { t } = useI18n();
  return (
    <ul className="note-list" data-testid={testId}>
      {checks.map((c) => (
        <li key={c.code} id={idPrefix ? `${idPrefix}${c.code}` : undefined} tabIndex={idPrefix ? -1 : undefined} data-code={c.code} data-passed={c.passed} style={{ outline: 'none' }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px', alignItems: 'baseline' }}>
            <CheckStatus passed={c.passed} />
            <strong>{checkName(t, c.code)}</strong>
          </div>
          <p lang="zh-CN" className="note-text">
            {c.message}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ChecksSection({ checks }: { checks: readonly ReviewCheck[] }) {
  const { t } = useI18n();
  const failed = failedChecks(checks);
  return (
    <Section id="checks" title={t('cert.check.title')}>
      <Typography.Paragraph type="secondary">{t('cert.check.intro')}</Typography.Paragraph>
      <Typography.Paragraph strong data-testid="checks-summary">
        {failed.length === 0 ? t('cert.check.allPassed', { total: checks.length }) : t('cert.check.someFailed', { failed: failed.length, total: checks.length })}
      </Typography.Paragraph>
      <CheckList checks={checks} testId="checks" idPrefix="check-" />
    </Section>
  );
}

/** The lead's 提交合规性审查, the reviewer's 审查通过 / 退回评估组. */
function DecisionSection({ view, checks, role, onChanged }: { view: FormalAssessment; checks: readonly ReviewCheck[] | undefined; role: CertificationRole; onChanged: () => void }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const submit = useAction(onChanged);
  const approve = useAction(onChanged);
  const giveBack = useAction(onChanged);
  const [form] = Form.useForm<{ reasons?: string }>();
  const failed = failedChecks(checks ?? []);
  const blocked = !checks || failed.length > 0;
  const locate = (path: string): Located | undefined => {
    const code = checkIssueCode(path);
    return code ? { elementId: `check-${code}`, name: checkName(t, code) } : undefined;
  };
  if (!role.canSubmitForReview && !role.canReview) {
    if (view.stage !== 'under_review') return null;
    return (
      <Section id="decision" title={t('cert.review.decisionTitle')}>
        <Typography.Paragraph type="secondary">{t('cert.review.waiting')}</Typography.Paragraph>
      </Section>
    );
  }
  return (
    <Section id="decision" title={t(role.canReview ? 'cert.review.decisionTitle' : 'cert.review.submitTitle')}>
      {role.canSubmitForReview && (
        <>
          <Typography.Paragraph>{t('cert.review.submitIntro')}</Typography.Paragraph>
          {failed.length > 0 && <Alert type="warning" showIcon className="page-note" title={t('cert.review.submitFailedChecks', { count: failed.length })} />}
          <Button
            type="primary"
            loading={submit.busy === 'submit'}
            data-testid="submit-review"
            onClick={() =>
              confirm({
                title: t('cert.review.submitConfirmTitle'),
                content: t('cert.review.submitConfirmText'),
                okText: t('cert.review.submit'),
                focusAfter: PAGE_TITLE,
                run: () => submit.run('submit', () => certificationApi.submitForReview(view.id)),
              })
            }
          >
            {t('cert.review.submit')}
          </Button>
          <IssueAlert error={submit.error} testId="submit-review-error" />
        </>
      )}
      {role.canReview && (
        <>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('cert.review.approveTitle')}
          </Typography.Title>
          <Typography.Paragraph>{t('cert.review.approveIntro')}</Typography.Paragraph>
          <Button
            type="primary"
            disabled={blocked}
            aria-describedby={blocked ? 'approve-blocked' : undefined}
            loading={approve.busy === 'approve'}
            data-testid="approve"
            onClick={() =>
              confirm({
                title: t('cert.review.approveConfirmTitle'),
                content: t('cert.review.approveConfirmText'),
                okText: t('cert.review.approve'),
                focusAfter: PAGE_TITLE,
                run: () => approve.run('approve', () => certificationApi.decideReview(view.id, { approve: true })),
              })
            }
          >
            {t('cert.review.approve')}
          </Button>
          {blocked && (
            <Typography.Paragraph type="danger" id="approve-blocked" className="section-tight" data-testid="approve-blocked">
              {checks ? t('cert.review.approveBlocked', { count: failed.length }) : t('cert.review.approveLoading')}
            </Typography.Paragraph>
          )}
          <IssueAlert error={approve.error} locate={locate} testId="approve-error" />

          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }} id="return-title">
            {t('cert.review.returnTitle')}
          </Typography.Title>
          <Form<{ reasons?: string }>
            form={form}
            layout="vertical"
            name="return-review"
            aria-labelledby="return-title"
            scrollToFirstError={{ block: 'center', focus: true }}
            data-testid="return-form"
            onFinish={(values) =>
              confirm({
                title: t('cert.review.returnConfirmTitle'),
                content: t('cert.review.returnConfirmText'),
                okText: t('cert.review.return'),
                danger: true,
                focusAfter: PAGE_TITLE,
                run: () => giveBack.run('return', () => certificationApi.decideReview(view.id, { approve: false, reasons: (values.reasons ?? '').trim() })),
              })
            }
          >
            <Form.Item name="reasons" label={t('cert.review.reasons')} extra={<CountedHelp>{t('cert.review.reasonsHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.review.reasons'))]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
            </Form.Item>
            <Button danger htmlType="submit" loading={giveBack.busy === 'return'} data-testid="return">
              {t('cert.review.return')}
            </Button>
          </Form>
          <IssueAlert error={giveBack.error} testId="return-error" />
        </>
      )}
    </Section>
  );
}

function HistorySection({ reviews }: { reviews: readonly ReviewRecord[] }) {
  const { t } = useI18n();
  return (
    <Section id="review-history" title={t('cert.review.historyTitle')}>
      {reviews.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="review-history-none">
          {t('cert.review.historyNone')}
        </Typography.Paragraph>
      ) : (
        <ul className="note-list" data-testid="review-history">
          {newestFirst(reviews).map((r) => {
            const failed = failedChecks(r.checks);
            return (
              <li key={r.id}>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                  <ReviewDecisionTag decision={r.decision} />
                  <span className="note-meta">{beijingDateTime(r.decidedAt)}</span>
                </div>
                {r.reasons && (
                  <p className="note-text">
                    <strong>{t('cert.review.reasons')}</strong>
                    {t('sd.colon')}
                    <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.reasons}
                    </span>
                  </p>
                )}
                <details className="data-details">
                  <summary>{failed.length === 0 ? t('cert.review.historyChecksPassed', { total: r.checks.length }) : t('cert.review.historyChecksFailed', { failed: failed.length, total: r.checks.length })}</summary>
                  <CheckList checks={r.checks} />
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

function NoticeSection({ view, notice }: { view: FormalAssessment; notice: Loaded<PublicNotice | undefined> }) {
  const { t } = useI18n();
  const period = notice.data;
  return (
    <Section id="notice" title={t('cert.step.notice')}>
      {period ? (
        <Typography.Paragraph strong data-testid="notice-period">
          {t('cert.notice.period', { from: period.startsOn, to: period.endsOn })}
        </Typography.Paragraph>
      ) : view.stage === 'certified' ? (
        <Typography.Paragraph>{t('cert.notice.ended')}</Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">{t('cert.notice.about')}</Typography.Paragraph>
      {view.stage === 'publicized' && (
        <Link to="/public-notices">
          {t('cert.notice.link')} <span aria-hidden>→</span>
        </Link>
      )}
    </Section>
  );
}

interface ResolveValues {
  uphold?: boolean;
  resolution?: string;
}

function ResolveForm({ view, objection, onChanged }: { view: FormalAssessment; objection: Objection; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResolveValues>();
  const confirm = useConfirm();
  const resolve = useAction(onChanged);
  const run = (values: ResolveValues) => resolve.run('resolve', () => certificationApi.resolveObjection(view.id, objection.id, { uphold: values.uphold === true, resolution: (values.resolution ?? '').trim() }));
  const onFinish = (values: ResolveValues) => {
    if (values.uphold !== true) {
      void run(values).then((done) => {
        if (done) window.setTimeout(() => document.getElementById('objections-title')?.focus(), 0);
      });
      return;
    }
    confirm({ title: t('cert.objection.upholdConfirmTitle'), content: t('cert.objection.upholdConfirmText'), okText: t('cert.objection.uphold'), danger: true, focusAfter: PAGE_TITLE, run: () => run(values) });
  };
  return (
    <Form<ResolveValues>
      form={form}
      layout="vertical"
      name={`resolve-${objection.id}`}
      onFinish={onFinish}
      scrollToFirstError={{ block: 'center', focus: true }}
      role="group"
      aria-label={t('cert.objection.resolveOf', { at: beijingDateTime(objection.filedAt) })}
      data-testid="resolve-form"
      style={{ marginTop: 8 }}
    >
      <Form.Item name="uphold" label={t('cert.objection.decision')} rules={[requiredChoice(t, t('cert.objection.decision'))]}>
        <Radio.Group>
          <Space orientation="vertical">
            <Radio value={false}>{t('cert.objection.dismissOption')}</Radio>
            <Radio value={true}>{t('cert.objection.upholdOption')}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="resolution" label={t('cert.objection.resolution')} extra={<CountedHelp>{t('cert.objection.resolutionHelp')}</CountedHelp>} rules={[requiredText(t, t('cert.objection.resolution'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={resolve.busy === 'resolve'} data-testid="resolve">
        {t('cert.objection.resolve')}
      </Button>
      <IssueAlert error={resolve.error} />
    </Form>
  );
}

function ObjectionsSection({ view, objections, role, onChanged }: { view: FormalAssessment; objections: Loaded<Objection[] | undefined>; role: CertificationRole; onChanged: () => void }) {
  const { t } = useI18n();
  const list = objections.data ?? [];
  const counts = objectionCounts(list);
  return (
    <section aria-labelledby="objections-title" className="form-section fa-section" data-testid="section-objections" style={{ paddingBottom: 16 }}>
      <Typography.Title level={2} id="objections-title" tabIndex={-1} style={{ outline: 'none' }}>
        {t('cert.objection.title')}
      </Typography.Title>
      {objections.error !== undefined ? (
        <LoadError error={objections.error} onRetry={objections.reload} />
      ) : !objections.data ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Typography.Paragraph type="secondary" data-testid="objections-none">
          {t('cert.objection.none')}
        </Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph strong data-testid="objection-counts">
            {t('cert.objection.counts', { total: list.length, ...counts })}
          </Typography.Paragraph>
          <ul className="note-list" data-testid="objections">
            {list.map((o) => (
              <li key={o.id} data-status={o.status}>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
                  <ObjectionStatusTag status={o.status} />
                  <span className="note-meta">{t('cert.objection.filedAt', { at: beijingDateTime(o.filedAt) })}</span>
                  {role.seesObjectorContact && (
                    <span className="note-meta">
                      <Zh>{o.name}</Zh> · <span className="mono">{o.contact}</span>
                    </span>
                  )}
                </div>
                <p lang="zh-CN" className="note-text" style={{ whiteSpace: 'pre-wrap' }}>
                  {o.text}
                </p>
                {o.resolution && (
                  <p className="note-text">
                    <strong>{t('cert.objection.resolution')}</strong>
                    {t('sd.colon')}
                    <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
                      {o.resolution}
                    </span>
                    {o.resolvedAt && <span className="note-meta"> {t('cert.objection.resolvedAt', { at: beijingDateTime(o.resolvedAt) })}</span>}
                  </p>
                )}
                {role.canResolveObjections && o.status === 'open' && <ResolveForm view={view} objection={o} onChanged={onChanged} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function IssueSection({ view, notice, openObjections, onChanged }: { view: FormalAssessment; notice: PublicNotice | undefined; openObjections: number; onChanged: () => void }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  const issue = useAction(onChanged);
  const explain = (code: string): string | undefined => {
    if (code === 'NOTICE_NOT_ENDED') return notice ? t('cert.issue.notEndedOn', { to: notice.endsOn }) : t('cert.issue.notEnded');
    if (code === 'OBJECTIONS_OPEN') return t('cert.issue.objectionsOpen');
    return undefined;
  };
  return (
    <Section id="issue" title={t('cert.issue.title')}>
      <Typography.Paragraph>{notice ? t('cert.issue.introOn', { to: notice.endsOn }) : t('cert.issue.intro')}</Typography.Paragraph>
      {openObjections > 0 && <Alert type="warning" showIcon className="page-note" title={t('cert.issue.openObjections', { count: openObjections })} />}
      <Button
        type="primary"
        loading={issue.busy === 'issue'}
        data-testid="issue-certificate"
        onClick={() =>
          confirm({
            title: t('cert.issue.confirmTitle'),
            content: t('cert.issue.confirmText'),
            okText: t('cert.issue.button'),
            focusAfter: PAGE_TITLE,
            run: () => issue.run('issue', () => certificationApi.issueCertificate(view.id)),
          })
        }
      >
        {t('cert.issue.button')}
      </Button>
      <IssueAlert error={issue.error} explain={explain} testId="issue-error" />
    </Section>
  );
}

/** The notice of this assessment, from the public list (the assessment's view does not carry it). */
async function findNotice(assessmentId: string): Promise<PublicNotice | undefined> {
  const page = await noticesApi.list(1, 100);
  return page.items.find((n) => n.assessmentId === assessmentId);
}

function ReviewView({ id, account }: { id: string; account: AccountView }) {
  const { t } = useI18n();
  const loaded = useLoad(() => ratingApi.read(id), [id]);
  const stage = loaded.data?.stage;
  const reviewable = stage !== undefined && hasReview(stage);
  const noticed = stage !== undefined && NOTICE_STAGES.includes(stage);
  const review = useLoad(() => (reviewable ? certificationApi.review(id) : Promise.resolve(undefined)), [id, reviewable]);
  const objections = useLoad(() => (noticed ? certificationApi.objections(id) : Promise.resolve(undefined)), [id, noticed]);
  const notice = useLoad(() => (stage === 'publicized' ? findNotice(id).catch(() => undefined) : Promise.resolve(undefined)), [id, stage]);
  const assessor = account.role === 'assessor' || account.role === 'lead_assessor';
  const own = useLoad(() => (assessor ? formalApi.ownAssessor().catch(() => undefined) : Promise.resolve(undefined)), [assessor]);

  const reloadView = loaded.reload;
  const reloadReview = review.reload;
  const reloadObjections = objections.reload;
  const reloadNotice = notice.reload;
  const onChanged = useCallback(() => {
    reloadView();
    reloadReview();
    reloadObjections();
    reloadNotice();
  }, [reloadView, reloadReview, reloadObjections, reloadNotice]);

  const view = loaded.data;
  if (!view) return <AssessmentLoading loaded={loaded} />;
  const role = certificationRoleOf(view, { role: account.role, lead: isLeadOf(view.team, own.data?.id) });
  const checks = reviewable ? review.data?.checks : undefined;
  const openObjections = objectionCounts(objections.data ?? []).open;

  return (
    <div className="page page-wide" data-testid="review-page" data-stage={view.stage}>
      <Header view={view} role={role} />
      {loaded.error !== undefined && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {!reviewable ? (
        <Alert type="info" showIcon className="page-note" data-testid="review-not-yet" title={t('cert.review.notYetTitle')} description={t('cert.review.notYetText')} />
      ) : (
        <>
          <ResultSummary view={view} />
          {review.error !== undefined ? (
            <div className="page-note">
              <LoadError error={review.error} onRetry={review.reload} />
            </div>
          ) : !review.data ? (
            <Skeleton active />
          ) : (
            <ChecksSection checks={review.data.checks} />
          )}
          <DecisionSection view={view} checks={checks} role={role} onChanged={onChanged} />
          {review.data && <HistorySection reviews={review.data.reviews} />}
          {noticed && <NoticeSection view={view} notice={notice} />}
          {noticed && <ObjectionsSection view={view} objections={objections} role={role} onChanged={onChanged} />}
          {role.canIssueCertificate && <IssueSection view={view} notice={notice.data} openObjections={openObjections} onChanged={onChanged} />}
          {view.stage === 'certified' && <CertificateSection view={view} account={account} />}
        </>
      )}
      <div className="section-tight">
        <Link to={`/formal-assessments/${encodeURIComponent(view.id)}`}>{t('rating.back')}</Link>
      </div>
    </div>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  return <RequireAccount>{(account) => <ReviewView key={`${id}-${account.id}`} id={id} account={account} />}</RequireAccount>;
}
