import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { confirmPasswordRules, mobileRules, newPasswordRules } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import type { CodeSent } from './RequestCodeStep.tsx';

interface Values {
  mobile?: string;
  code: string;
  username?: string;
  newPassword: string;
  confirmPassword: string;
}

/** Step 2: 验证码 + 新密码 (+ the full mobile on the credit-code path, + 用户名 when the server asks). */
export function ResetPasswordStep({ sent, onDone, onBack }: { sent: CodeSent; onDone: () => void; onBack: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [askUsername, setAskUsername] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const mobile = sent.mobile ?? (values.mobile ?? '').trim();
      const username = values.username?.trim();
      await api.confirmPasswordReset({ mobile, code: values.code.trim(), newPassword: values.newPassword, ...(username ? { username } : {}) });
      onDone();
    } catch (failure) {
      if (failure instanceof ApiError && failure.issues.some((issue) => issue.path === 'username')) {
        setAskUsername(true); // several accounts share this mobile: the server needs the user name
        setError(t('forgot.usernameHelp'));
      } else if (failure instanceof ApiError && failure.code === 'RESET_CODE_INVALID') {
        form.setFields([{ name: 'code', errors: [errorMessage(failure, lang, t)] }]);
        form.focusField('code');
      } else if (failure instanceof ApiError && failure.issues.length) {
        const fields = issuesToFieldErrors(failure.issues, (issue) => issueMessage(issue, lang, t));
        showFieldErrors(form, fields);
      } else {
        setError(errorMessage(failure, lang, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Alert type="success" showIcon role="status" className="page-note" title={t('forgot.sentTo', { mobile: sent.sentTo })} data-testid="code-sent" />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }} noValidate>
        {!sent.mobile && (
          <Form.Item name="mobile" label={t('forgot.enterMobile')} extra={t('forgot.enterMobileHelp', { mobile: sent.sentTo })} rules={mobileRules(t)}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('forgot.code')} extra={t('forgot.codeHelp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('validation.code') }]}>
          <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        {askUsername && (
          <Form.Item name="username" label={t('forgot.username')} extra={t('forgot.usernameHelp')} rules={[{ required: true, whitespace: true, message: t('validation.usernameRequired') }]}>
            <Input autoComplete="username" maxLength={64} spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item name="newPassword" label={t('forgot.newPassword')} extra={t('register.passwordHelp')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('forgot.confirmPassword')} dependencies={['newPassword']} rules={confirmPasswordRules(t, ['newPassword'])}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        {error && <Alert type="warning" showIcon role="alert" className="page-note" title={error} />}
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('forgot.submit')}
          </Button>
        </Form.Item>
        <Button type="link" onClick={onBack}>
          {t('forgot.back')}
        </Button>
      </Form>
    </>
  );
}
