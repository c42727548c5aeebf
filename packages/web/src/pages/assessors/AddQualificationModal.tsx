// 添加资质: a certificate a person holds. The platform admin's are registered at once; a body's or an
// enterprise's wait for the platform admin (待审核).
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { notBefore, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { DEFAULT_ISSUING_BODY, gradeKey, gradesFor, pathAllows, PREREQUISITE } from './assessor-rules.ts';
import { assessorsApi, type Assessor, type Qualification, type QualificationGrade } from './assessors-api.ts';
import { isoDate, serverErrorOnForm } from './form-errors.ts';
import { Named } from './Named.tsx';

interface Values {
  grade: QualificationGrade;
  certificateNumber: string;
  issuingBody: string;
  obtainedOn: Dayjs;
  validUntil: Dayjs;
}

const FIELD_OF_CODE = { CERTIFICATE_NUMBER_TAKEN: ['certificateNumber'], GRADE_PATH: ['grade'], INTERNAL_ASSESSOR_GRADE: ['grade'] };

export function AddQualificationModal({ assessor, registersAtOnce, onClose, onAdded }: {
  assessor: Assessor | undefined;
  /** The platform admin's entries need no approval. */
  registersAtOnce: boolean;
  onClose: () => void;
  onAdded: (qualification: Qualification) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const grades = assessor ? gradesFor(assessor) : [];

  useEffect(() => {
    if (!assessor) return;
    form.resetFields();
    const only = gradesFor(assessor);
    form.setFieldsValue({ issuingBody: DEFAULT_ISSUING_BODY, ...(only.length === 1 ? { grade: only[0] } : {}) });
    setError(undefined);
  }, [assessor, form]);

  const onFinish = async (values: Values) => {
    if (!assessor) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const added = await assessorsApi.addQualification(assessor.id, {
        grade: values.grade,
        certificateNumber: values.certificateNumber.trim(),
        issuingBody: values.issuingBody.trim(),
        obtainedOn: isoDate(values.obtainedOn),
        validUntil: isoDate(values.validUntil),
      });
      form.resetFields();
      onAdded(added);
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  const gradeOptions = grades.map((grade) => {
    const allowed = !assessor || pathAllows(assessor.qualifications, grade);
    const before = PREREQUISITE[grade];
    return {
      value: grade,
      label: allowed || !before ? t(gradeKey(grade)) : t('as.gradeNeeds', { grade: t(gradeKey(grade)), before: t(gradeKey(before)) }),
      disabled: !allowed,
    };
  });

  return (
    <Modal
      open={assessor !== undefined}
      title={assessor ? <Named text={(name) => t('as.addQualificationFor', { name })} name={assessor.name} /> : ''}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        noValidate
        name="add-qualification"
        scrollToFirstError={{ focus: true }}
      >
        <Alert type="info" showIcon className="page-note" title={registersAtOnce ? t('as.addQualificationAdminNote') : assessor?.enterpriseId ? t('as.addIntroNote') : t('as.addQualificationPendingNote')} />
        <Form.Item name="grade" label={t('as.grade')} rules={[requiredChoice(t, t('as.grade'))]} extra={t('as.gradePathHelp')}>
          <Select options={gradeOptions} />
        </Form.Item>
        <Form.Item name="certificateNumber" label={t('as.certificateNumber')} rules={[requiredText(t, t('as.certificateNumber')), { max: 40 }]}>
          <Input maxLength={40} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="issuingBody" label={t('as.issuingBody')} rules={[requiredText(t, t('as.issuingBody')), { max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="obtainedOn" label={t('as.obtainedOn')} rules={[requiredChoice(t, t('as.obtainedOn'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('as.validUntil')}
          dependencies={['obtainedOn']}
          rules={[
            requiredChoice(t, t('as.validUntil')),
            notBefore('obtainedOn', t('as.validUntilBeforeObtained')),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
