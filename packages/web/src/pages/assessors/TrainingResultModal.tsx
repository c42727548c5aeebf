// 登记培训结果: passed (a grade the course awards, the certificate number, optionally how long it is
// valid: three years after the course by default) or failed. A pass registers the qualification at once.
import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { COURSE_AWARDS, gradeKey, yearsAfter } from './assessor-rules.ts';
import { assessorsApi, type QualificationGrade, type TrainingCourse, type TrainingParticipant } from './assessors-api.ts';
import { isoDate, serverErrorOnForm } from './form-errors.ts';
import { Named } from './Named.tsx';

interface Values {
  result: 'passed' | 'failed';
  grade?: QualificationGrade;
  certificateNumber?: string;
  validUntil?: Dayjs;
}

const FIELD_OF_CODE = { AWARD_NOT_FOR_COURSE: ['grade'], GRADE_PATH: ['grade'], INTERNAL_ASSESSOR_GRADE: ['grade'], CERTIFICATE_NUMBER_TAKEN: ['certificateNumber'] };

export function TrainingResultModal({ course, participant, onClose, onSaved }: {
  course: TrainingCourse;
  participant: TrainingParticipant | undefined;
  onClose: () => void;
  onSaved: (course: TrainingCourse) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const result = Form.useWatch('result', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const awards = COURSE_AWARDS[course.courseType];

  useEffect(() => {
    if (!participant) return;
    form.resetFields();
    form.setFieldsValue({ result: 'passed', ...(awards.length === 1 ? { grade: awards[0] } : {}) });
    setError(undefined);
  }, [participant, awards, form]);

  const onFinish = async (values: Values) => {
    if (!participant) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const saved = await assessorsApi.recordTrainingResult(
        course.id,
        participant.assessorId,
        values.result === 'failed'
          ? { result: 'failed' }
          : { result: 'passed', grade: values.grade!, certificateNumber: (values.certificateNumber ?? '').trim(), ...(values.validUntil ? { validUntil: isoDate(values.validUntil) } : {}) },
      );
      onSaved(saved);
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={participant !== undefined}
      title={participant ? <Named text={(name) => t('as.recordResultFor', { name })} name={participant.name} /> : ''}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="training-result" scrollToFirstError={{ focus: true }}>
        <Form.Item name="result" label={t('as.result')} rules={[requiredChoice(t, t('as.result'))]}>
          <Radio.Group
            options={[
              { value: 'passed', label: t('as.resultPassed') },
              { value: 'failed', label: t('as.resultFailed') },
            ]}
          />
        </Form.Item>
        {result !== 'failed' && (
          <>
            <Form.Item name="grade" label={t('as.awardedGrade')} rules={[requiredChoice(t, t('as.awardedGrade'))]}>
              <Select options={awards.map((g) => ({ value: g, label: t(gradeKey(g)) }))} />
            </Form.Item>
            <Form.Item name="certificateNumber" label={t('as.certificateNumber')} rules={[requiredText(t, t('as.certificateNumber')), { max: 40 }]}>
              <Input maxLength={40} autoComplete="off" spellCheck={false} />
            </Form.Item>
            <Form.Item
              name="validUntil"
              label={t('as.validUntilOptional')}
              extra={t('as.validUntilDefault', { date: yearsAfter(course.endsOn, 3) })}
              rules={[
                {
                  validator: async (_rule, value: Dayjs | undefined) => {
                    if (value && isoDate(value) < course.endsOn) throw new Error(t('as.validUntilBeforeCourse', { date: course.endsOn }));
                  },
                },
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Alert type="info" showIcon className="page-note" title={t('as.passRegisters', { from: course.endsOn })} />
          </>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
