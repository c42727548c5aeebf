// Pieces the 标准符合性评估 pages share: the stage tag, the type and level texts, a section box, a rule's
// message beside its field, and running an action that re-loads the view.
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Grid, Skeleton, Space, Steps, Tag, Typography, type StepsProps } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import type { Loaded } from '../../use-load.ts';
import { levelText } from '../self-diagnosis/SelfDiagnosesPage.tsx';
import { ApiError, type AccountView } from '../../api.ts';
import type { ApplicationCheck, AssessmentType, FormalAssessment, FormalStage, QualificationGrade, TeamRole } from './formal-api.ts';

/** What every section of the assessment page gets. */
export interface SectionProps {
  view: FormalAssessment;
  account: AccountView;
  reload: () => void;
}

export const stageKey = (stage: FormalStage): MessageKey => `fa.stage.${stage}` as MessageKey;
export const gradeKey = (grade: QualificationGrade): MessageKey => `fa.grade.${grade}` as MessageKey;
export const teamRoleKey = (role: TeamRole): MessageKey => `fa.teamRole.${role}` as MessageKey;
export const typeKey = (type: AssessmentType): MessageKey => (type === 'predefined' ? 'fa.type.predefined' : 'fa.type.custom');

const STAGE_COLOURS: Record<FormalStage, string> = {
  submitted: 'blue',
  accepted: 'blue',
  team_formed: 'geekblue',
  plans_confirmed: 'geekblue',
  pre_assessment: 'purple',
  feasible: 'success',
  closed: 'error',
  declined: 'error',
  withdrawn: 'default',
  assessing: 'purple',
  rated: 'purple',
  communicating: 'orange',
  final: 'cyan',
  under_review: 'gold',
  publicized: 'gold',
  certified: 'success',
};

export function StageTag({ stage }: { stage: FormalStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLOURS[stage]} data-testid="stage-tag" data-stage={stage}>
      {t(stageKey(stage))}
    </Tag>
  );
}

/** 三级（集成级） for a predefined assessment; 自定义评估 has no level of its own. */
export function appliedLevelText(t: Translate, type: AssessmentType, level: number | null): string {
  if (type === 'custom' || level === null) return t('fa.levelCustom');
  return levelText(t, level);
}

/** A name or text in Chinese, marked so (the English page keeps the enterprise's own words). */
export const Zh = ({ children }: { children: ReactNode }) => <span lang="zh-CN">{children}</span>;

/** Under an assessment page's title: its type, its level and its stage (each page has its own stage tag). */
export function AssessmentTags({ view, stageTag }: { view: Pick<FormalAssessment, 'assessmentType' | 'targetLevel'>; stageTag: ReactNode }) {
  const { t } = useI18n();
  return (
    <Space wrap size={[8, 8]} data-testid="assessment-tags">
      <Tag color="blue">{t(typeKey(view.assessmentType))}</Tag>
      <Tag color="blue">{appliedLevelText(t, view.assessmentType, view.targetLevel)}</Tag>
      {stageTag}
    </Space>
  );
}

/**
 * An assessment page's steps, with the current stage in words for a screen reader (the steps show it
 * by colour and position only).
 */
export function StageProgress({
  currentText,
  current,
  status,
  titles,
  testId,
  margin,
}: {
  currentText: string;
  current: number;
  status: StepsProps['status'];
  titles: readonly string[];
  testId: string;
  margin: string;
}) {
  return (
    <>
      <p className="sr-only">{currentText}</p>
      <Steps
        size="small"
        responsive
        titlePlacement="vertical"
        current={current}
        status={status}
        className="sd-steps"
        style={{ maxWidth: 'none', margin }}
        data-testid={testId}
        items={titles.map((title) => ({ title }))}
      />
    </>
  );
}

/** An assessment page until its view has loaded: the failure with a retry (or a skeleton), and the way back to the list. */
export function AssessmentLoading({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useI18n();
  return (
    <div className="page page-wide">
      {loaded.error !== undefined ? <LoadError error={loaded.error} onRetry={loaded.reload} /> : <Skeleton active />}
      <div className="section-tight">
        <Link to="/formal-assessments">{t('fa.backToList')}</Link>
      </div>
    </div>
  );
}

/**
 * A section with a real heading (h2) and its `extra` beside it. `focusable` lets the focus return to the
 * heading (after a dialog, or a change that removed the button that had it).
 */
export function Section({
  id,
  title,
  extra,
  children,
  testId,
  className = 'form-section fa-section',
  focusable = false,
}: {
  id: string;
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
  focusable?: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={className} data-testid={testId ?? `section-${id}`} style={{ paddingBottom: 16 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
        <Typography.Title level={2} id={`${id}-title`} {...(focusable ? { tabIndex: -1, style: { outline: 'none' } } : {})}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** Red for a block (the application cannot be submitted), amber for a warning; WCAG AA on white. */
export const BLOCK_COLOUR = '#cf1322';
export const WARNING_COLOUR = '#ad4e00';

/** The rules' messages for one field, under it. */
export function CheckNotes({ checks, testId }: { checks: readonly ApplicationCheck[] | undefined; testId?: string }) {
  const { t } = useI18n();
  if (!checks?.length) return null;
  return (
    <ul className="fa-checks" data-testid={testId} style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
      {checks.map((c) => (
        <li key={`${c.code}-${c.path}`} data-severity={c.severity} data-code={c.code} style={{ color: c.severity === 'block' ? BLOCK_COLOUR : WARNING_COLOUR, lineHeight: 1.6 }}>
          {c.severity === 'block' ? <CloseCircleFilled aria-hidden /> : <ExclamationCircleFilled aria-hidden />}{' '}
          <span className="sr-only">{t(c.severity === 'block' ? 'fa.check.block' : 'fa.check.warning')}</span>
          <span lang="zh-CN">{c.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** A change on the view: one at a time, then re-load; the server's message on failure. */
export function useAction(onDone: () => void) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<{ key: string; message: string; cause: unknown } | undefined>(undefined);
  const run = useCallback(
    /** `instead` replaces the re-load on success (e.g. leaving a page one may no longer see). */
    async (key: string, action: () => Promise<unknown>, instead?: () => void): Promise<boolean> => {
      setBusy(key);
      setError(undefined);
      try {
        await action();
        (instead ?? onDone)();
        return true;
      } catch (cause) {
        setError({ key, message: errorMessage(cause, lang, t), cause });
        onDone(); // what the server now says (the stage may have moved on)
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [onDone, lang, t],
  );
  const clear = useCallback(() => setError(undefined), []);
  return { run, busy, error, clear };
}

/**
 * How every refused change is shown: an alert with the server's message (in Chinese) as its title and
 * what more the caller has to say (the further reasons) under it.
 */
export function RefusalFrame({ message, testId, children }: { message: string; testId?: string; children?: ReactNode }) {
  return <Alert type="error" showIcon role="alert" className="section-tight" data-testid={testId} title={<span lang="zh-CN">{message}</span>} description={children} />;
}

/** A refused change: the server's message, and every further reason it gave (e.g. all that keeps a team from being formed). */
export function ActionError({ error, testId }: { error: { message: string; cause: unknown } | undefined; testId?: string }) {
  if (!error) return null;
  const more = error.cause instanceof ApiError ? [...new Set(error.cause.issues.map((i) => i.message))].filter((m) => m && m !== error.message) : [];
  return (
    <RefusalFrame message={error.message} testId={testId}>
      {more.length ? (
        <ul style={{ margin: 0, paddingLeft: 18 }} lang="zh-CN">
          {more.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : undefined}
    </RefusalFrame>
  );
}

/** Label beside value from the sm breakpoint on; on a phone the label goes above (narrow labels wrap letter by letter). */
export function useDescriptionsLayout(): 'horizontal' | 'vertical' {
  const screens = Grid.useBreakpoint();
  return screens.sm === false ? 'vertical' : 'horizontal';
}
