// One formal assessment (seed 003 §8.2): the header, the steps 申请 → 受理 → 组建评估组 → 计划确认 →
// 预评估 → 可行/终止, how it ended when it has, then the sections. Buttons come from the view's
// `actions` (the server decides again); every change re-loads the view.
import { App, Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { CertificateSection } from '../formal-rating/CertificateSection.tsx';
import { hasReview, stageHintKey } from '../formal-rating/certification-view.ts';
import { AcceptanceSection } from './AcceptanceSection.tsx';
import { ApplicationInfo } from './ApplicationInfo.tsx';
import { EffortSection } from './EffortSection.tsx';
import { formalApi, type FormalAssessment } from './formal-api.ts';
import { reachedStep, STEPS, stepsStateOf, type StepKey } from './formal-view.ts';
import { ActionError, AssessmentLoading, AssessmentTags, StageProgress, StageTag, stageKey, useAction, Zh, type SectionProps } from './parts.tsx';
import { PlansSection } from './PlansSection.tsx';
import { PreAssessmentSection } from './PreAssessmentSection.tsx';
import { TeamSection } from './TeamSection.tsx';
import { WeightsSection } from './WeightsSection.tsx';

const STEP_TITLES: Record<StepKey, MessageKey> = {
  apply: 'fa.step.apply',
  accept: 'fa.step.accept',
  team: 'fa.step.team',
  plans: 'fa.step.plans',
  pre: 'fa.step.pre',
  outcome: 'fa.step.outcome',
};

function StageSteps({ view }: { view: FormalAssessment }) {
  const { t } = useI18n();
  const state = stepsStateOf(view);
  const title = (key: StepKey, index: number): string => {
    if (index === state.current && state.ended === 'declined') return t('fa.step.declined');
    if (index === state.current && state.ended === 'withdrawn') return t('fa.step.withdrawn');
    if (key === 'outcome' && state.ended === 'feasible') return t('fa.step.feasible');
    if (key === 'outcome' && state.ended === 'closed') return t('fa.step.closed');
    return t(STEP_TITLES[key]);
  };
  return (
    <StageProgress
      currentText={t('fa.step.current', { stage: t(stageKey(view.stage)) })}
      current={state.current}
      status={state.status}
      titles={STEPS.map((key, index) => title(key, index))}
      testId="stage-steps"
      margin="16px 0"
    />
  );
}

/** How it ended, with the reasons the enterprise must see. */
function Outcome({ view }: { view: FormalAssessment }) {
  const { t } = useI18n();
  const reasons = (text: string | null | undefined) =>
    text ? (
      <>
        <strong>{t('fa.outcome.reasons')}</strong>
        {t('sd.colon')}
        <span lang="zh-CN" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </span>
      </>
    ) : undefined;
  switch (view.stage) {
    case 'declined':
      return <Alert type="error" showIcon className="page-note" data-testid="outcome" title={t('fa.outcome.declined')} description={reasons(view.acceptance.declineReason)} />;
    case 'withdrawn':
      return <Alert type="info" showIcon className="page-note" data-testid="outcome" title={t('fa.outcome.withdrawn')} />;
    case 'closed':
      return <Alert type="error" showIcon className="page-note" data-testid="outcome" title={t('fa.outcome.closed')} description={reasons(view.preAssessment?.closeReasons)} />;
    case 'feasible':
      return <Alert type="success" showIcon className="page-note" data-testid="outcome" title={t('fa.outcome.feasible')} description={t('fa.outcome.feasibleNext')} />;
    default:
      return null;
  }
}

function Header({ view, reload }: { view: FormalAssessment; reload: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const withdraw = useAction(reload);
  const confirmWithdraw = () =>
    modal.confirm({
      title: t('fa.withdraw.title'),
      content: t('fa.withdraw.text'),
      okText: t('fa.withdraw.ok'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      onOk: () => withdraw.run('withdraw', () => formalApi.withdraw(view.id)),
    });
  return (
    <header>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
        {t('fa.detail.kicker')}
      </Typography.Paragraph>
      <Typography.Title style={{ marginTop: 0 }}>
        <Zh>{view.enterpriseName}</Zh>
      </Typography.Title>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
        <AssessmentTags view={view} stageTag={<StageTag stage={view.stage} />} />
        {view.actions.includes('withdraw') && (
          <Button danger onClick={confirmWithdraw} loading={withdraw.busy === 'withdraw'}>
            {t('fa.withdraw.button')}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        className="section-tight"
        column={{ xs: 1, sm: 2, md: 4 }}
        items={[
          { key: 'body', label: t('fa.col.body'), children: <Zh>{view.bodyName}</Zh> },
          { key: 'lead', label: t('fa.col.lead'), children: view.leadName ? <Zh>{view.leadName}</Zh> : t('fa.leadUnassigned') },
          { key: 'submitted', label: t('fa.col.submittedAt'), children: beijingDateTime(view.submittedAt) },
          { key: 'updated', label: t('fa.detail.updatedAt'), children: beijingDateTime(view.updatedAt) },
        ]}
      />
      <ActionError error={withdraw.error} />
    </header>
  );
}

function FormalAssessmentView({ id, account }: { id: string; account: AccountView }) {
  const { t } = useI18n();
  const loaded = useLoad(() => formalApi.read(id), [id]);
  const reload = loaded.reload;
  const onChanged = useCallback(() => reload(), [reload]);
  if (!loaded.data) return <AssessmentLoading loaded={loaded} />;
  const view = loaded.data;
  const reached = reachedStep(view);
  const props: SectionProps = { view, account, reload: onChanged };
  const hint = stageHintKey(view.stage);
  return (
    <div className="page page-wide" data-testid="formal-assessment" data-stage={view.stage}>
      <Header view={view} reload={onChanged} />
      <StageSteps view={view} />
      {loaded.error !== undefined && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      <Outcome view={view} />
      {(['feasible', 'assessing', 'rated', 'communicating', 'final', 'under_review', 'publicized', 'certified'] as const).some((stage) => stage === view.stage) && (
        <div className="page-note">
          {hint && <Typography.Paragraph data-testid="stage-hint">{t(hint)}</Typography.Paragraph>}
          <Space wrap size={[24, 8]}>
            <Link to={`/formal-assessments/${encodeURIComponent(view.id)}/working-sheet`} data-testid="enter-rating" style={{ fontSize: 16, fontWeight: 600 }}>
              {t('rating.enter')} <span aria-hidden>→</span>
            </Link>
            {hasReview(view.stage) && (
              <Link to={`/formal-assessments/${encodeURIComponent(view.id)}/review`} data-testid="enter-review" style={{ fontSize: 16, fontWeight: 600 }}>
                {t('cert.review.link')} <span aria-hidden>→</span>
              </Link>
            )}
          </Space>
        </div>
      )}
      <CertificateSection view={view} account={account} />
      <ApplicationInfo {...props} />
      <AcceptanceSection {...props} />
      {(reached >= 2 || view.team.length > 0) && <TeamSection {...props} />}
      {reached >= 2 && <EffortSection {...props} />}
      {reached >= 2 && <WeightsSection {...props} />}
      {(reached >= 3 || view.plans.pre !== null || view.plans.formal !== null) && <PlansSection {...props} />}
      {(reached >= 4 || view.preAssessment !== null) && <PreAssessmentSection {...props} />}
      <div className="section-tight">
        <Link to="/formal-assessments">{t('fa.backToList')}</Link>
      </div>
    </div>
  );
}

export function FormalAssessmentPage() {
  const { id = '' } = useParams();
  return <RequireAccount>{(account) => <FormalAssessmentView key={id} id={id} account={account} />}</RequireAccount>;
}
