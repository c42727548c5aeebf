import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, type AccountView } from '../api.ts';
import { RequireAccount } from '../components/RequireAccount.tsx';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../errors.ts';
import { confirmPasswordRules, newPasswordRules } from '../form-rules.ts';
import { useI18n } from '../i18n.tsx';
import { homePathFor, useSession } from '../session.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function ChangePasswordForm({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    try {
      await api.changePassword(values.currentPassword, values.newPassword);
      const session = await refresh();
      message.success(t('password.done'));
      navigate(homePathFor(session), { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'WRONG_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [t('password.currentWrong')] }]);
        form.focusField('currentPassword');
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
    <div className="page page-narrow">
      <Typography.Title>{t('password.title')}</Typography.Title>
      {account.mustChangePassword && <Alert type="warning" showIcon className="page-note" title={t('password.mustChange')} />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={account.username} readOnly hidden />
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} extra={t('register.passwordHelp')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('password.confirm')} dependencies={['newPassword']} rules={confirmPasswordRules(t, ['newPassword'])}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" className="page-note" title={error} />}
        <Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('password.submit')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}

export function ChangePasswordPage() {
  return <RequireAccount allowMustChange>{(account) => <ChangePasswordForm account={account} />}</RequireAccount>;
}
