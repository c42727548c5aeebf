// Pieces the 正式评估 page shares: grade tags and labels (the self-diagnosis's 全部满足 … 不满足), the
// stage tag, the names of evidence methods and finding kinds, the 分歧 tag, returning focus after a
// dialog, and a refusal's issues with a way to the requirement each names.
import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useCallback, useRef, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { GRADE_KEYS } from '../../self-diagnosis/format.ts';
import type { EvidenceMethod, FindingKind, FormalStage, RatedGradeCode, SheetRow } from './rating-api.ts';
import { RefusalFrame, Section } from '../formal-assessment/parts.tsx';
import { issueRequirementId } from './rating-view.ts';

export const stageKey = (stage: FormalStage): MessageKey => `rating.stage.${stage}`;
export const methodKey = (method: EvidenceMethod): MessageKey => `rating.method.${method}`;
export const kindKey = (kind: FindingKind): MessageKey => `rating.kind.${kind}`;
export const teamRoleText = (t: Translate, role: string): string =>
  role === 'lead' || role === 'member' || role === 'internal' ? t(`fa.teamRole.${role}`) : role;

/** 全部满足 … 不满足 (the self-diagnosis's words); 不涉及 for the enterprise's NA. */
export function claimText(t: Translate, grade: RatedGradeCode | 'NA' | null | undefined): string {
  if (grade === null || grade === undefined) return t('rating.claim.none');
  if (grade === 'NA') return t('rating.claim.NA');
  return t(GRADE_KEYS[grade]);
}

const GRADE_COLOURS: Record<RatedGradeCode, string> = { FI: 'success', LI: 'processing', PI: 'warning', NI: 'error' };

/** The grade in words (never the colour alone). */
export function GradeTag({ grade, testId }: { grade: RatedGradeCode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={GRADE_COLOURS[grade]} data-testid={testId} data-grade={grade} style={{ marginInlineEnd: 4 }}>
      {t(GRADE_KEYS[grade])}
    </Tag>
  );
}

const STAGE_COLOURS: Partial<Record<FormalStage, string>> = { feasible: 'success', assessing: 'processing', rated: 'success', communicating: 'processing', final: 'success', under_review: 'processing', publicized: 'processing', certified: 'success', closed: 'error', declined: 'error' };

export function RatingStageTag({ stage }: { stage: FormalStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLOURS[stage] ?? 'blue'} data-testid="stage-tag" data-stage={stage}>
      {t(stageKey(stage))}
    </Tag>
  );
}

/** 分歧: an icon and the word, and how far apart the ratings are. */
export function DisagreementTag({ spread }: { spread: number | null }) {
  const { t } = useI18n();
  return (
    <Tag color="warning" icon={<WarningOutlined aria-hidden />} data-testid="disagreement" style={{ fontWeight: 600 }}>
      {t('rating.disagreement')}
      {spread !== null && <span>{t('rating.spreadSuffix', { steps: spread })}</span>}
    </Tag>
  );
}

/**
 * Focus back where it was when a dialog or drawer opened; when that element is gone (the row left a
 * filtered list), to the fallback (a heading with tabIndex -1).
 */
export function useReturnFocus(fallbackId: string) {
  const trigger = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback(() => {
    const target = trigger.current;
    trigger.current = null;
    // after the dialog's own focus handling
    window.setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      if (target?.isConnected) target.focus();
      else document.getElementById(fallbackId)?.focus();
    }, 0);
  }, [fallbackId]);
  return { remember, restore };
}

/** Focus a row of the sheet (its container has tabIndex -1) and bring it into view. */
export function focusRow(requirementId: string): boolean {
  const element = document.getElementById(`row-${requirementId}`);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
  return true;
}

/**
 * A refused change: the server's message, and every reason it gave (e.g. each requirement still
 * without a consensus), each with a button to its row when the issue names one on the sheet.
 */
export function RefusalAlert({ error, rows, onShowRow, testId }: { error: { message: string; cause: unknown } | undefined; rows: readonly SheetRow[]; onShowRow?: (requirementId: string) => void; testId?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const byId = new Map(rows.map((r) => [r.requirementId, r]));
  const issues = error.cause instanceof ApiError ? error.cause.issues.filter((i) => i.message && i.message !== error.message) : [];
  return (
    <RefusalFrame message={error.message} testId={testId}>
      {issues.length ? (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {issues.map((issue) => {
            const row = byId.get(issueRequirementId(issue.path) ?? '');
            return (
              <li key={`${issue.path}-${issue.message}`}>
                <span lang="zh-CN">{issue.message}</span>
                {row && onShowRow && (
                  <Button type="link" size="small" onClick={() => onShowRow(row.requirementId)} aria-label={t('rating.showRowOf', { name: row.itemName })}>
                    {t('rating.showRow')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : undefined}
    </RefusalFrame>
  );
}

/** The 正式评估 page's sections: full width (no fa-section box), the heading focusable for returning focus to it. */
export function RatingSection({ id, title, extra, children }: { id: string; title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Section id={id} title={title} extra={extra} className="form-section" focusable>
      {children}
    </Section>
  );
}
