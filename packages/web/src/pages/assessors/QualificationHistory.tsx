// The qualification history of one person as the grade path: every certificate ever recorded, oldest
// first, never overwritten (seed 002: 晋级程序). Status on today's China Standard Time date.
import { Space, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';
import { chinaToday, gradeKey, gradePathOf, qualificationStateOf, type QualificationState } from './assessor-rules.ts';
import type { Qualification } from './assessors-api.ts';

const STATE_COLOUR: Record<QualificationState, string> = { pending: 'processing', rejected: 'error', valid: 'success', expired: 'default', notYetValid: 'warning' };
const STATE_DOT: Record<QualificationState, string> = { pending: 'blue', rejected: 'red', valid: 'green', expired: 'gray', notYetValid: 'blue' };
export const stateKey = (state: QualificationState): MessageKey => `as.state.${state}`;

export function QualificationStateTag({ qualification, today }: { qualification: Qualification; today: string }) {
  const { t } = useI18n();
  const state = qualificationStateOf(qualification, today);
  return <Tag color={STATE_COLOUR[state]}>{t(stateKey(state))}</Tag>;
}

export function QualificationHistory({ qualifications, actions }: { qualifications: readonly Qualification[]; actions?: (q: Qualification) => ReactNode }) {
  const { t } = useI18n();
  const today = chinaToday(new Date());
  if (!qualifications.length) return <Typography.Paragraph type="secondary">{t('as.noQualifications')}</Typography.Paragraph>;
  return (
    <Timeline
      items={gradePathOf(qualifications).map((q) => ({
        key: q.id,
        color: STATE_DOT[qualificationStateOf(q, today)],
        content: (
          <div data-testid="qualification">
            <Space size={8} wrap>
              <Typography.Text strong>{t(gradeKey(q.grade))}</Typography.Text>
              <QualificationStateTag qualification={q} today={today} />
              {q.trainingId && <Tag>{t('as.fromTraining')}</Tag>}
            </Space>
            <div>
              {t('as.certificateNumber')}
              {t('as.colon')}
              <span className="mono">{q.certificateNumber}</span>
            </div>
            <div>
              {t('as.issuingBody')}
              {t('as.colon')}
              <span lang="zh-CN">{q.issuingBody}</span>
            </div>
            <div>{t('as.validity', { from: q.obtainedOn, to: q.validUntil })}</div>
            {q.status === 'rejected' && q.rejectReason && (
              <Typography.Text type="danger">
                {t('as.rejectReason')}
                {t('as.colon')}
                <span lang="zh-CN">{q.rejectReason}</span>
              </Typography.Text>
            )}
            {actions?.(q)}
          </div>
        ),
      }))}
    />
  );
}
