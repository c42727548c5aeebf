import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError, type AccountView, type CreateAccountRequest, type SubPlatformView } from '../../api.ts';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { MOBILE, requiredChoice, requiredText, usernameRules } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { roleOptions, STAFF_ROLES, subPlatformOptions } from './role-options.ts';

interface Values {
  username: string;
  displayName: string;
  mobile?: string;
  role: CreateAccountRequest['role'];
  regionCode?: string;
}

export function CreateAccountModal({ open, subPlatforms, onClose, onCreated }: {
  open: boolean;
  subPlatforms: readonly SubPlatformView[];
  onClose: () => void;
  onCreated: (account: AccountView, oneTimePassword: string) => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const mobile = values.mobile?.trim();
      const created = await api.createAccount({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        ...(mobile ? { mobile } : {}),
        ...(values.role === 'region_admin' && values.regionCode ? { regionCode: values.regionCode } : {}),
      });
      form.resetFields();
      onCreated(created.account, created.oneTimePassword);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'USERNAME_TAKEN') {
        form.setFields([{ name: 'username', errors: [errorMessage(failure, lang, t)] }]);
      } else if (failure instanceof ApiError && failure.issues.length) {
        showFieldErrors(form, issuesToFieldErrors(failure.issues, (issue) => issueMessage(issue, lang, t)));
      } else {
        setError(errorMessage(failure, lang, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={open} title={t('admin.createAccount')} okText={t('form.save')} cancelText={t('form.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={submitting} destroyOnHidden forceRender>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }} initialValues={{ role: 'assessor' }} noValidate name="create-account">
        <Form.Item name="username" label={t('admin.username')} extra={t('register.usernameHelp')} rules={usernameRules(t)}>
          <Input autoComplete="off" maxLength={32} spellCheck={false} />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[requiredText(t, t('admin.displayName')), { max: 50 }]}>
          <Input autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="mobile" label={t('admin.mobileOptional')} rules={[{ pattern: MOBILE, message: t('validation.mobile') }]}>
          <Input type="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')} rules={[requiredChoice(t, t('admin.role'))]}>
          <Select options={roleOptions(t, STAFF_ROLES)} />
        </Form.Item>
        {role === 'region_admin' && (
          <Form.Item name="regionCode" label={t('admin.subPlatform')} rules={[requiredChoice(t, t('admin.subPlatform'))]}>
            <Select options={subPlatformOptions(subPlatforms)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
