import { Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { RequestCodeStep, type CodeSent } from './RequestCodeStep.tsx';
import { ResetPasswordStep } from './ResetPasswordStep.tsx';

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [sent, setSent] = useState<CodeSent>();
  const initialCreditCode = searchParams.get('creditCode') ?? undefined;

  return (
    <div className="page page-narrow">
      <Typography.Title>{t('forgot.title')}</Typography.Title>
      <Steps size="small" current={sent ? 1 : 0} className="page-note" items={[{ title: t('forgot.step1') }, { title: t('forgot.step2') }]} />
      {sent ? (
        <ResetPasswordStep sent={sent} onBack={() => setSent(undefined)} onDone={() => navigate('/login', { state: { resetDone: true } })} />
      ) : (
        <RequestCodeStep initialCreditCode={initialCreditCode} onSent={setSent} />
      )}
      <Typography.Paragraph type="secondary">{t('forgot.mobileChangeNote')}</Typography.Paragraph>
    </div>
  );
}
