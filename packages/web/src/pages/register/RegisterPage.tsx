import { Alert, Button, ConfigProvider, Form, Input, Radio, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, ApiError, type SubPlatformView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { confirmPasswordRules, mobileRules, newPasswordRules, requiredChoice, requiredText, usernameRules } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { loadIndustries, loadProvinces } from '../../reference-data.ts';
import { homePathFor, useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { CreditCodeField } from './CreditCodeField.tsx';
import { IndustryField } from './IndustryField.tsx';
import { OrganisationTypeFields } from './OrganisationTypeFields.tsx';
import { RegionField } from './RegionField.tsx';
import { FIELD_OF_CODE, registerFieldFor, toRegisterRequest, type RegisterFormValues } from './register-values.ts';

const SUB_PLATFORM_CODE = /^\d{6}$/;

/** ENTERPRISE_EXISTS: the server's sentence and the way back in (seed 001 §3.2). */
function EnterpriseExists({ message, creditCode }: { message: string; creditCode: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={message}
      description={
        <span>
          {t('register.recover')} <Link to={`/forgot-password?creditCode=${encodeURIComponent(creditCode)}`}>{t('login.forgot')}</Link>
        </span>
      }
    />
  );
}

export function RegisterPage() {
  const { t, lang } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterFormValues>();
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('subPlatform') ?? '';
  const subPlatformCode = SUB_PLATFORM_CODE.test(requested) ? requested : undefined;
  const industries = useLoad(() => loadIndustries(lang), [lang]);
  const regions = useLoad(() => loadProvinces(lang), [lang]);
  const subPlatform = useLoad<SubPlatformView | undefined>(() => (subPlatformCode ? api.subPlatform(subPlatformCode) : Promise.resolve(undefined)), [subPlatformCode]);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [exists, setExists] = useState<{ message: string; creditCode: string }>();

  const suggestEnterpriseType = (middleCode: string) => {
    const suggestion = industries.data?.flatMap((major) => major.middles).find((middle) => middle.code === middleCode)?.suggestedEnterpriseType;
    if (suggestion) form.setFieldValue(['enterprise', 'enterpriseType'], suggestion);
  };

  const showServerError = (error: unknown, values: RegisterFormValues) => {
    if (!(error instanceof ApiError)) return setFormError(errorMessage(error, lang, t));
    if (error.code === 'ENTERPRISE_EXISTS') return setExists({ message: errorMessage(error, lang, t), creditCode: values.enterprise.creditCode.trim() });
    const fields = issuesToFieldErrors(error.issues, (issue) => issueMessage(issue, lang, t), (name) => registerFieldFor(name, values));
    const codeField = FIELD_OF_CODE[error.code];
    if (!fields.length && codeField) fields.push({ name: codeField, errors: [errorMessage(error, lang, t)] });
    if (!showFieldErrors(form, fields)) setFormError(errorMessage(error, lang, t));
  };

  const onFinish = async (values: RegisterFormValues) => {
    setSubmitting(true);
    setFormError(undefined);
    setExists(undefined);
    try {
      const session = await api.register(toRegisterRequest(values, subPlatform.data?.code));
      setSession(session);
      navigate(homePathFor(session), { replace: true });
    } catch (error) {
      showServerError(error, values);
    } finally {
      setSubmitting(false);
    }
  };

  const loadError = industries.error ?? regions.error;
  const sp = subPlatform.data;
  const label = (key: Parameters<typeof t>[0]) => t(key);

  const page = (
    <div className="page page-form">
      <Typography.Title>{t('register.title')}</Typography.Title>
      {sp && (
        <Alert
          type="info"
          className="page-note"
          title={
            <span>
              {t('register.subPlatformNote')}
              <span lang="zh-CN">{sp.name}</span>
            </span>
          }
        />
      )}
      {loadError !== undefined && <LoadError error={loadError} onRetry={() => { industries.reload(); regions.reload(); }} />}
      <Form<RegisterFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError={{ focus: true, block: 'center' }}
        initialValues={{ enterprise: { legalForm: 'independent' } }}
        requiredMark
        noValidate
      >
        <section aria-labelledby="account-section" className="form-section">
          <Typography.Title level={2} id="account-section">
            {t('register.accountSection')}
          </Typography.Title>
          <Form.Item name={['account', 'username']} label={label('register.username')} extra={t('register.usernameHelp')} rules={usernameRules(t)}>
            <Input autoComplete="username" maxLength={32} spellCheck={false} />
          </Form.Item>
          <Form.Item name={['account', 'password']} label={label('register.password')} extra={t('register.passwordHelp')} rules={newPasswordRules(t)}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item name={['account', 'confirmPassword']} label={label('register.confirmPassword')} dependencies={[['account', 'password']]} rules={confirmPasswordRules(t, ['account', 'password'])}>
            <Input.Password autoComplete="new-password" maxLength={128} />
          </Form.Item>
          <Form.Item name={['account', 'mobile']} label={label('register.mobile')} extra={t('register.mobileHelp')} rules={mobileRules(t)}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
        </section>

        <section aria-labelledby="enterprise-section" className="form-section">
          <Typography.Title level={2} id="enterprise-section">
            {t('register.enterpriseSection')}
          </Typography.Title>
          <Form.Item name={['enterprise', 'name']} label={label('register.enterpriseName')} extra={t('register.enterpriseNameHelp')} rules={[requiredText(t, t('register.enterpriseName')), { max: 100 }]}>
            <Input autoComplete="organization" maxLength={100} />
          </Form.Item>
          <CreditCodeField name={['enterprise', 'creditCode']} label={t('register.creditCode')} help={t('register.creditCodeHelp')} />
          <OrganisationTypeFields />
          {industries.data ? <IndustryField industries={industries.data} onPicked={suggestEnterpriseType} /> : <Skeleton.Input active block />}
          {regions.data ? <RegionField provinces={regions.data} /> : <Skeleton.Input active block />}
          <Form.Item name={['enterprise', 'enterpriseType']} label={label('register.enterpriseType')} extra={t('register.enterpriseTypeHelp')} rules={[requiredChoice(t, t('register.enterpriseType'))]}>
            <Radio.Group
              options={[
                { value: 'process', label: t('register.process') },
                { value: 'discrete', label: t('register.discrete') },
              ]}
            />
          </Form.Item>
          <Form.Item name={['enterprise', 'contactName']} label={label('register.contactName')} rules={[requiredText(t, t('register.contactName')), { max: 50 }]}>
            <Input autoComplete="name" maxLength={50} />
          </Form.Item>
          <Form.Item name={['enterprise', 'contactMobile']} label={label('register.contactMobile')} extra={t('register.contactMobileHelp')} rules={mobileRules(t, t('register.contactMobile'))}>
            <Input type="tel" inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
        </section>

        {exists && <EnterpriseExists message={exists.message} creditCode={exists.creditCode} />}
        {formError && <Alert type="error" showIcon role="alert" title={t('register.errorTitle')} description={formError} />}
        <Form.Item className="form-actions">
          <Button type="primary" htmlType="submit" size="large" loading={submitting} block>
            {t('register.submit')}
          </Button>
        </Form.Item>
        <Typography.Paragraph>
          {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
        </Typography.Paragraph>
      </Form>
    </div>
  );

  return sp ? <ConfigProvider theme={{ token: { colorPrimary: sp.themeColor, colorLink: sp.themeColor } }}>{page}</ConfigProvider> : page;
}
