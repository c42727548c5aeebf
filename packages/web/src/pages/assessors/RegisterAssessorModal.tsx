// 登记评估人员: the platform admin for any body or enterprise; an agency admin for its own body; an
// enterprise for its internal assessor (内部评估师: no login, never listed publicly).
import { Alert, Form, Input, Modal, Radio, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { mobileRules, requiredChoice, requiredText, USERNAME } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { assessorsApi, type Assessor, type CreateAssessor } from './assessors-api.ts';
import { serverErrorOnForm } from './form-errors.ts';
import { BodyPicker, EnterprisePicker } from './pickers.tsx';

/** Who registers: decides which fields there are. */
export type RegisterMode = 'platform' | 'body' | 'enterprise';

interface Values {
  name: string;
  mobile: string;
  affiliation: 'body' | 'enterprise';
  bodyId?: string;
  enterpriseId?: string;
  listedPublicly: boolean;
  username?: string;
}

const FIELD_OF_CODE = { USERNAME_TAKEN: ['username'], BODY_NOT_FOUND: ['bodyId'], NOT_FOUND: ['enterpriseId'] };

export function RegisterAssessorModal({ open, mode, onClose, onRegistered }: {
  open: boolean;
  mode: RegisterMode;
  onClose: () => void;
  onRegistered: (assessor: Assessor, oneTimePassword: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const affiliation = Form.useWatch('affiliation', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const internal = mode === 'enterprise' || (mode === 'platform' && affiliation === 'enterprise');

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(undefined);
    }
  }, [open, form]);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    const username = values.username?.trim().toLowerCase();
    const body: CreateAssessor = {
      name: values.name.trim(),
      mobile: values.mobile.trim(),
      listedPublicly: internal ? false : values.listedPublicly,
      ...(mode === 'platform' && values.affiliation === 'body' && values.bodyId ? { bodyId: values.bodyId } : {}),
      ...(mode === 'platform' && values.affiliation === 'enterprise' && values.enterpriseId ? { enterpriseId: values.enterpriseId } : {}),
      ...(!internal && username ? { username } : {}),
    };
    try {
      const answer = await assessorsApi.registerAssessor(body);
      onRegistered(answer.assessor, answer.oneTimePassword);
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  const title = mode === 'enterprise' ? t('as.registerInternal') : t('as.registerAssessor');
  return (
    <Modal open={open} title={title} okText={t('form.save')} cancelText={t('form.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={submitting} forceRender>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        noValidate
        name="register-assessor"
        scrollToFirstError={{ focus: true }}
        initialValues={{ affiliation: 'body', listedPublicly: true }}
      >
        {mode === 'enterprise' && <Alert type="info" showIcon className="page-note" title={t('as.registerInternalNote')} />}
        {mode === 'body' && <Alert type="info" showIcon className="page-note" title={t('as.registerBodyNote')} />}
        <Form.Item name="name" label={t('as.name')} rules={[requiredText(t, t('as.name')), { max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="mobile" label={t('as.mobile')} rules={mobileRules(t)}>
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        {mode === 'platform' && (
          <>
            <Form.Item name="affiliation" label={t('as.affiliationKind')} rules={[requiredChoice(t, t('as.affiliationKind'))]}>
              <Radio.Group
                options={[
                  { value: 'body', label: t('as.affiliationBody') },
                  { value: 'enterprise', label: t('as.affiliationEnterprise') },
                ]}
              />
            </Form.Item>
            {affiliation === 'enterprise' ? (
              <Form.Item name="enterpriseId" label={t('as.enterprise')} rules={[requiredChoice(t, t('as.enterprise'))]} extra={t('as.internalHelp')}>
                <EnterprisePicker />
              </Form.Item>
            ) : (
              <Form.Item name="bodyId" label={t('as.body')} rules={[requiredChoice(t, t('as.body'))]}>
                <BodyPicker />
              </Form.Item>
            )}
          </>
        )}
        {!internal && (
          <>
            <Form.Item name="listedPublicly" label={t('as.listedPublicly')} valuePropName="checked" extra={t('as.listedPubliclyHelp')}>
              <Switch />
            </Form.Item>
            <Form.Item name="username" label={t('as.usernameOptional')} extra={t('as.usernameHelp')} rules={[{ pattern: USERNAME, message: t('validation.username') }]}>
              <Input maxLength={32} autoComplete="off" spellCheck={false} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
