import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../../api.ts';
import { errorMessage } from '../../errors.ts';
import { mobileRules, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';

export type ResetBy = 'mobile' | 'creditCode';
export interface CodeSent {
  by: ResetBy;
  sentTo: string;
  /** Known only when the user typed the mobile; the credit-code path must ask for it. */
  mobile?: string;
}

/** Step 1: 手机号码 or 统一社会信用代码 → a code by SMS. */
export function RequestCodeStep({ initialCreditCode, onSent }: { initialCreditCode?: string; onSent: (sent: CodeSent) => void }) {
  const { t, lang } = useI18n();
  const [by, setBy] = useState<ResetBy>(initialCreditCode ? 'creditCode' : 'mobile');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const onFinish = async (values: { mobile?: string; creditCode?: string }) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const answer = by === 'mobile' ? await api.requestPasswordReset({ mobile: (values.mobile ?? '').trim() }) : await api.requestPasswordReset({ creditCode: (values.creditCode ?? '').trim() });
      onSent({ by, sentTo: answer.sentTo, ...(answer.mobile ? { mobile: answer.mobile } : {}) });
    } catch (failure) {
      setError(errorMessage(failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };

  const creditCodeLabel = t('forgot.creditCode');
  return (
    <>
      <div role="group" aria-labelledby="reset-by-label" className="page-note">
        <div id="reset-by-label" className="group-label">
          {t('forgot.by')}
        </div>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          value={by}
          onChange={(event) => {
            setBy(event.target.value === 'creditCode' ? 'creditCode' : 'mobile');
            setError(undefined);
          }}
          options={[
            { value: 'mobile', label: t('forgot.byMobile') },
            { value: 'creditCode', label: t('forgot.byCreditCode') },
          ]}
        />
      </div>
      <Form layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }} initialValues={{ creditCode: initialCreditCode }} noValidate key={by}>
        {by === 'mobile' ? (
          <Form.Item name="mobile" label={t('forgot.mobile')} rules={mobileRules(t)}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
        ) : (
          <Form.Item name="creditCode" label={creditCodeLabel} extra={t('forgot.creditCodeHelp')} rules={[requiredText(t, creditCodeLabel)]}>
            <Input maxLength={20} autoComplete="off" spellCheck={false} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon role="alert" className="page-note" title={error} />}
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('forgot.sendCode')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
