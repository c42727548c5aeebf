import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api } from '../api.ts';
import { errorMessage } from '../errors.ts';
import { useI18n } from '../i18n.tsx';
import { homePathFor, useSession } from '../session.tsx';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login (no open redirect). */
const safeNext = (next: string | null): string | undefined => (next && next.startsWith('/') && !next.startsWith('//') ? next : undefined);

export function LoginPage() {
  const { t, lang } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const resetDone = (location.state as { resetDone?: boolean } | null)?.resetDone === true;

  const onFinish = async ({ username, password }: LoginValues) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const session = await api.login(username.trim(), password);
      setSession(session);
      const next = session.account?.mustChangePassword ? undefined : safeNext(searchParams.get('next'));
      navigate(next ?? homePathFor(session), { replace: true });
    } catch (failure) {
      setError(errorMessage(failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="page page-narrow">
      <Typography.Title>{t('login.title')}</Typography.Title>
      {resetDone && <Alert type="success" showIcon role="status" className="page-note" title={t('login.resetDone')} />}
      <Form<LoginValues> layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }} noValidate>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('validation.usernameRequired') }]}>
          <Input autoComplete="username" maxLength={64} spellCheck={false} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" className="page-note" title={t('login.errorTitle')} description={error} />}
        <Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph className="login-links">
        <Link to="/forgot-password">{t('login.forgot')}</Link>
        <span>
          {t('login.noAccount')} <Link to="/register">{t('nav.register')}</Link>
        </span>
      </Typography.Paragraph>
    </div>
  );
}
