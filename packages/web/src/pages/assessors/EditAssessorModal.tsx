// 修改姓名、手机号码 of a person.
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { mobileRules, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { assessorsApi, type Assessor } from './assessors-api.ts';
import { serverErrorOnForm } from './form-errors.ts';

interface Values {
  name: string;
  mobile: string;
}

export function EditAssessorModal({ assessor, onClose, onSaved }: { assessor: Assessor | undefined; onClose: () => void; onSaved: (assessor: Assessor) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (assessor) form.setFieldsValue({ name: assessor.name, mobile: assessor.mobile });
    setError(undefined);
  }, [assessor, form]);

  const onFinish = async (values: Values) => {
    if (!assessor) return;
    setSubmitting(true);
    setError(undefined);
    try {
      onSaved(await assessorsApi.updateAssessor(assessor.id, { name: values.name.trim(), mobile: values.mobile.trim() }));
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={assessor !== undefined} title={t('as.editAssessor')} okText={t('form.save')} cancelText={t('form.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={submitting} forceRender>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="edit-assessor" scrollToFirstError={{ focus: true }}>
        <Form.Item name="name" label={t('as.name')} rules={[requiredText(t, t('as.name')), { max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t('as.mobile')} rules={mobileRules(t)}>
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
