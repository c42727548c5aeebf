// One person's record: who they are, whether 信息查询 lists them, and the qualification history (the
// grade path) with what the viewer may do to it.
import { App, Button, Descriptions, Space, Switch, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDateTime } from '../../self-diagnosis/format.ts';
import { gradeKey, shownGrades } from './assessor-rules.ts';
import { assessorsApi, type Assessor } from './assessors-api.ts';
import { AddQualificationModal } from './AddQualificationModal.tsx';
import { DecisionButtons } from './DecideQualification.tsx';
import { EditAssessorModal } from './EditAssessorModal.tsx';
import { QualificationHistory } from './QualificationHistory.tsx';

export interface RecordPermissions {
  /** 修改、添加资质 (canManageAssessor). */
  manage: boolean;
  /** 登记 / 不予登记 pending qualifications (the platform admin), whose own entries need no approval. */
  decide: boolean;
  /** Change whether 信息查询 lists the person (manager or the person). */
  listing: boolean;
}

export function AssessorRecord({ assessor, may, onChanged, headingLevel = 2 }: { assessor: Assessor; may: RecordPermissions; onChanged: () => void; headingLevel?: 2 | 3 }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [savingListing, setSavingListing] = useState(false);
  const listingLabel = useId();
  const internal = assessor.enterpriseId !== null;

  const setListed = async (listedPublicly: boolean) => {
    setSavingListing(true);
    try {
      await assessorsApi.updateAssessor(assessor.id, { listedPublicly });
      message.success(listedPublicly ? t('as.listedOn') : t('as.listedOff'));
      onChanged();
    } catch (error) {
      message.error(errorMessage(error, lang, t));
    } finally {
      setSavingListing(false);
    }
  };

  const affiliation = internal ? (assessor.enterpriseName ?? '—') : (assessor.bodyName ?? t('as.noAffiliation'));

  return (
    <>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'name', label: t('as.name'), children: <span lang="zh-CN">{assessor.name}</span> },
          { key: 'mobile', label: t('as.mobile'), children: assessor.mobile },
          { key: 'affiliation', label: internal ? t('as.enterprise') : t('as.body'), children: <span lang="zh-CN">{affiliation}</span> },
          {
            key: 'grades',
            label: t('as.currentGrades'),
            children: assessor.currentGrades.length ? (
              <Space size={4} wrap>
                {shownGrades(assessor.currentGrades).map((g) => (
                  <Tag key={g} color="blue">
                    {t(gradeKey(g))}
                  </Tag>
                ))}
              </Space>
            ) : (
              t('as.noValidGrade')
            ),
          },
          { key: 'account', label: t('as.account'), children: assessor.username ? <span className="mono">{assessor.username}</span> : t('as.noAccount') },
          {
            key: 'listed',
            label: <span id={listingLabel}>{t('as.listedPublicly')}</span>,
            children: internal ? (
              t('as.internalNotListed')
            ) : may.listing ? (
              <Space>
                <Switch checked={assessor.listedPublicly} loading={savingListing} onChange={(on) => void setListed(on)} aria-labelledby={listingLabel} data-testid="listed-switch" />
                <span aria-hidden>{assessor.listedPublicly ? t('as.listedYes') : t('as.listedNo')}</span>
              </Space>
            ) : assessor.listedPublicly ? (
              t('as.listedYes')
            ) : (
              t('as.listedNo')
            ),
          },
          { key: 'created', label: t('as.registeredAt'), children: beijingDateTime(assessor.createdAt) },
        ]}
      />
      {may.manage && (
        <Space className="page-actions" style={{ marginTop: 12 }} wrap>
          <Button onClick={() => setEditing(true)}>{t('as.editAssessor')}</Button>
          <Button type="primary" onClick={() => setAdding(true)}>
            {internal ? t('as.addIntro') : t('as.addQualification')}
          </Button>
        </Space>
      )}
      <Typography.Title level={headingLevel} style={{ fontSize: 16, marginTop: 24 }}>
        {t('as.historyTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{internal ? t('as.historyInternalNote') : t('as.historyNote')}</Typography.Paragraph>
      <QualificationHistory
        qualifications={assessor.qualifications}
        actions={may.decide ? (q) => q.status === 'pending' && <DecisionButtons qualification={q} name={assessor.name} onDecided={onChanged} /> : undefined}
      />
      <EditAssessorModal
        assessor={editing ? assessor : undefined}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          message.success(t('as.saved'));
          onChanged();
        }}
      />
      <AddQualificationModal
        assessor={adding ? assessor : undefined}
        registersAtOnce={may.decide}
        onClose={() => setAdding(false)}
        onAdded={(q) => {
          setAdding(false);
          message.success(q.status === 'approved' ? t('as.qualificationRegistered') : t('as.qualificationPending'));
          onChanged();
        }}
      />
    </>
  );
}
