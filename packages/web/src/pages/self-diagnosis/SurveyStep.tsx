// 调查问卷 (seed 001 §1.3): the basic data, each with a "！" explanation; saved once, then read-only.
import { INFORMATION_SYSTEM_NAMES, INFORMATION_SYSTEMS, PRODUCTION_MODE_NAMES, PRODUCTION_MODES, REVENUE_BAND_NAMES, REVENUE_BANDS } from '../../self-diagnosis/survey-options.ts';
import { App, Alert, Button, Checkbox, Form, Input, InputNumber, Select, Steps, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, api, type SelfDiagnosis, type Survey } from '../../api.ts';
import { InfoTip } from '../../components/InfoTip.tsx';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import type { MessageKey } from '../../locales/zh-CN.ts';

type Field = keyof Survey;

function FieldLabel({ field, htmlFor, required }: { field: Field; htmlFor?: string; required?: boolean }) {
  const { t } = useI18n();
  const label = t(`sd.survey.${field}` as MessageKey);
  return (
    <div className="survey-label">
      {htmlFor ? (
        <label htmlFor={htmlFor} id={`${htmlFor}-label`}>
          {required && <span className="required-mark" aria-hidden>*</span>}
          {label}
        </label>
      ) : (
        <span id={`survey_${field}-label`}>
          {required && <span className="required-mark" aria-hidden>*</span>}
          {label}
        </span>
      )}
      <InfoTip label={t('sd.explain', { name: label })} testId={`explain-${field}`}>
        {t(`sd.survey.${field}.help` as MessageKey)}
      </InfoTip>
    </div>
  );
}

function SurveyField({ field, required, children, group }: { field: Field; required?: boolean; children: ReactNode; group?: boolean }) {
  const id = `survey_${field}`;
  return (
    <div className="survey-field" role={group ? 'group' : undefined} aria-labelledby={group ? `${id}-label` : undefined}>
      <FieldLabel field={field} htmlFor={group ? undefined : id} required={required} />
      {children}
    </div>
  );
}

export function SurveyStep({ diagnosis, onSaved }: { diagnosis: SelfDiagnosis; onSaved: (next: SelfDiagnosis) => void }) {
  const { t, lang } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Survey>();
  const [error, setError] = useState<string | undefined>();
  const name = (names: { zh: string; en: string }) => (lang === 'en' ? names.en : names.zh);
  const required = (field: Field) => [{ required: true, message: t('sd.survey.required', { field: t(`sd.survey.${field}` as MessageKey) }) }];
  const percentRule = { type: 'number' as const, min: 0, max: 100, message: t('sd.survey.percentRange') };

  const save = async (values: Survey) => {
    setError(undefined);
    const survey: Survey = { ...values, informationSystems: values.informationSystems ?? [], otherSystems: values.otherSystems?.trim() || undefined };
    try {
      const next = await api.saveSurvey(diagnosis.id, survey);
      onSaved(next);
    } catch (e) {
      if (e instanceof ApiError && showFieldErrors(form, issuesToFieldErrors(e.issues, (i) => issueMessage(i, lang, t)))) return;
      setError(errorMessage(e, lang, t));
    }
  };

  const confirm = (values: Survey) => {
    modal.confirm({
      title: t('sd.survey.confirmTitle'),
      content: t('sd.survey.confirmText'),
      okText: t('sd.survey.confirmOk'),
      cancelText: t('sd.survey.confirmBack'),
      onOk: () => save(values),
    });
  };

  return (
    <div className="page page-form">
      <Steps size="small" responsive={false} titlePlacement="vertical" current={0} className="sd-steps" items={[{ title: t('sd.stepSurvey') }, { title: t('sd.stepAnswer') }, { title: t('sd.stepResult') }]} />
      <Typography.Title>{t('sd.survey.title')}</Typography.Title>
      <Alert type="warning" showIcon title={t('sd.survey.intro')} className="page-note" />
      {error && <Alert type="error" showIcon title={error} className="page-note" />}
      <Form<Survey> form={form} name="survey" layout="vertical" onFinish={confirm} requiredMark={false} initialValues={{ informationSystems: [] }} className="form-section survey-form">
        <SurveyField field="employees" required>
          <Form.Item name="employees" rules={[...required('employees'), { type: 'number', min: 1, message: t('sd.survey.employeesMin') }]}>
            <InputNumber min={1} precision={0} style={{ width: 200 }} suffix={t('sd.survey.people')} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="revenueBand" required>
          <Form.Item name="revenueBand" rules={required('revenueBand')}>
            <Select options={REVENUE_BANDS.map((b) => ({ value: b, label: name(REVENUE_BAND_NAMES[b]) }))} placeholder={t('sd.survey.choose')} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="mainProducts" required>
          <Form.Item name="mainProducts" rules={[...required('mainProducts'), { max: 200, message: t('sd.survey.tooLong') }]}>
            <Input maxLength={200} placeholder={t('sd.survey.mainProductsPlaceholder')} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="productionMode" required>
          <Form.Item name="productionMode" rules={required('productionMode')}>
            <Select options={PRODUCTION_MODES.map((m) => ({ value: m, label: name(PRODUCTION_MODE_NAMES[m]) }))} placeholder={t('sd.survey.choose')} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="informationSystems" group>
          <Form.Item name="informationSystems">
            <Checkbox.Group className="systems-group" options={INFORMATION_SYSTEMS.map((s) => ({ value: s, label: name(INFORMATION_SYSTEM_NAMES[s]) }))} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="otherSystems">
          <Form.Item name="otherSystems" rules={[{ max: 200, message: t('sd.survey.tooLong') }]}>
            <Input maxLength={200} placeholder={t('sd.survey.otherSystemsPlaceholder')} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="networkedEquipmentShare" required>
          <Form.Item name="networkedEquipmentShare" rules={[...required('networkedEquipmentShare'), percentRule]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        </SurveyField>
        <SurveyField field="ncEquipmentShare" required>
          <Form.Item name="ncEquipmentShare" rules={[...required('ncEquipmentShare'), percentRule]}>
            <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 160 }} />
          </Form.Item>
        </SurveyField>
        <Form.Item className="form-actions">
          <Button type="primary" htmlType="submit" size="large">
            {t('sd.survey.submit')}
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
