// 组内一致意见 of one requirement (the lead, once every rater has submitted): the grade, a note that
// explains it (required), and the finding as the report states it — required for 弱项 (不满足) and
// 改进项 (部分满足). The team's ratings are shown beside the form.
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n.tsx';
import { GRADE_KEYS } from '../../self-diagnosis/format.ts';
import { Zh } from '../formal-assessment/parts.tsx';
import { FormButtons, useFormSave } from './form-save.tsx';
import { ratingApi, type RatedGradeCode, type SheetRow } from './rating-api.ts';
import { claimText, GradeTag, kindKey } from './rating-parts.tsx';
import { FINDING_KIND_OF, findingRequired, GRADE_SCORE, GRADES_ASCENDING, unanimousGrade } from './rating-view.ts';

interface Values {
  grade?: RatedGradeCode;
  note?: string;
  finding?: string;
}

const FIELD_OF_CODE = { CONSENSUS_NOTE_REQUIRED: ['note'], FINDING_TEXT_REQUIRED: ['finding'] };

function ConsensusForm({ assessmentId, row, onCancel, onSaved, onRefused }: { assessmentId: string; row: SheetRow; onCancel: () => void; onSaved: () => void; onRefused: (error: unknown) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const grade = Form.useWatch('grade', form);
  const { saving, error, save } = useFormSave(form, FIELD_OF_CODE);
  const required = findingRequired(grade);

  const onFinish = async (values: Values) => {
    const chosen = values.grade;
    if (!chosen) return;
    await save(async () => {
      await ratingApi.saveConsensus(assessmentId, row.requirementId, { grade: chosen, note: (values.note ?? '').trim(), finding: values.finding?.trim() || undefined });
      onSaved();
    }, onRefused);
  };

  return (
    <>
      <div className="page-note">
        <p lang="zh-CN" style={{ margin: '0 0 8px', lineHeight: 1.7 }}>
          {row.text}
        </p>
        <Typography.Text type="secondary">
          {t('rating.col.self')}
          {t('sd.colon')}
          {claimText(t, row.selfClaim)}
        </Typography.Text>
        {row.ratings.length > 0 && (
          <ul aria-label={t('rating.col.team')} style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
            {row.ratings.map((r) => (
              <li key={r.assessorId}>
                <Zh>{r.assessorName}</Zh>
                {t('sd.colon')}
                <GradeTag grade={r.grade} />
                {r.note && (
                  <Typography.Text type="secondary" lang="zh-CN">
                    {r.note}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Form<Values>
        form={form}
        layout="vertical"
        name="consensus"
        onFinish={(v) => void onFinish(v)}
        scrollToFirstError={{ focus: true }}
        initialValues={{ grade: row.consensus?.grade ?? unanimousGrade(row), note: row.consensus?.note, finding: row.consensus?.finding ?? undefined }}
        data-testid="consensus-form"
      >
        <Form.Item name="grade" label={t('rating.consensus.grade')} rules={[{ required: true, message: t('rating.consensus.gradeRequired') }]}>
          <Radio.Group vertical aria-label={t('rating.consensus.gradeOf', { name: row.itemName })}>
            {GRADES_ASCENDING.map((g) => (
              <Radio key={g} value={g}>
                {t(GRADE_KEYS[g])}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rating.codeScore', { code: g, score: GRADE_SCORE[g] })} · {t(kindKey(FINDING_KIND_OF[g]))}
                </Typography.Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('rating.consensus.note')} extra={t('rating.consensus.noteHelp')} rules={[{ required: true, whitespace: true, message: t('rating.consensus.noteRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="finding"
          label={t('rating.consensus.finding')}
          required={required}
          dependencies={['grade']}
          extra={required ? t('rating.consensus.findingRequiredHelp', { kind: t(kindKey(FINDING_KIND_OF[grade ?? 'NI'])) }) : t('rating.consensus.findingHelp')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                const text = typeof value === 'string' ? value.trim() : '';
                if (!text && findingRequired(getFieldValue('grade') as RatedGradeCode | undefined)) throw new Error(t('rating.consensus.findingRequired'));
              },
            }),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <FormButtons error={error} saving={saving} submitText={t('form.save')} submitTestId="consensus-save" onCancel={onCancel} />
      </Form>
    </>
  );
}

export function ConsensusModal({
  assessmentId,
  row,
  onClose,
  afterClose,
  onSaved,
  onRefused,
}: {
  assessmentId: string;
  row: SheetRow | undefined;
  onClose: () => void;
  afterClose: () => void;
  onSaved: () => void;
  onRefused: (error: unknown) => void;
}) {
  const { t } = useI18n();
  // The row stays shown while the dialog closes.
  const [shown, setShown] = useState<SheetRow | undefined>(row);
  if (row && row !== shown) setShown(row);
  return (
    <Modal
      open={row !== undefined}
      title={
        shown && (
          <>
            {t('rating.consensus.title')}
            {t('sd.colon')}
            <Zh>{shown.itemName}</Zh>
          </>
        )
      }
      footer={null}
      onCancel={onClose}
      afterClose={afterClose}
      destroyOnHidden
      width={640}
    >
      {shown && <ConsensusForm key={shown.requirementId} assessmentId={assessmentId} row={shown} onCancel={onClose} onSaved={onSaved} onRefused={onRefused} />}
    </Modal>
  );
}
