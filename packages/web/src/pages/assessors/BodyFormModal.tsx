// 登记 / 修改评估机构: name, credit code (checked as for enterprises; fixed once registered), the county
// it is in, a contact and an address.
import { Alert, Form, Input, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { LoadError } from '../../components/LoadError.tsx';
import { mobileRules, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n } from '../../i18n.tsx';
import { loadRegions } from '../../reference-data.ts';
import { useLoad } from '../../use-load.ts';
import { CreditCodeField } from '../register/CreditCodeField.tsx';
import { regionPathOf } from './assessor-rules.ts';
import { assessorsApi, type AssessmentBody } from './assessors-api.ts';
import { serverErrorOnForm } from './form-errors.ts';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { Named } from './Named.tsx';

interface Values {
  name: string;
  creditCode: string;
  regionCode: string[];
  contactName: string;
  contactMobile: string;
  address?: string;
}

const FIELD_OF_CODE = {
  BODY_EXISTS: ['creditCode'],
  CREDIT_CODE_FORMAT: ['creditCode'],
  CREDIT_CODE_CHECK: ['creditCode'],
  CREDIT_CODE_REGION_MISMATCH: ['creditCode'],
  UNKNOWN_REGION: ['regionCode'],
};

/** `body` undefined with `open`: a new body; a body: edit it. */
export function BodyFormModal({ open, body, onClose, onSaved }: { open: boolean; body: AssessmentBody | undefined; onClose: () => void; onSaved: (body: AssessmentBody) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const regions = useLoad(() => loadRegions(lang), [lang]);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(undefined);
    if (body && regions.data) {
      form.setFieldsValue({
        name: body.name,
        regionCode: regionPathOf(regions.data, body.regionCode),
        contactName: body.contactName,
        contactMobile: body.contactMobile,
        address: body.address ?? '',
      });
    }
  }, [open, body, regions.data, form]);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(undefined);
    const fields = {
      name: values.name.trim(),
      regionCode: values.regionCode.at(-1) ?? '',
      contactName: values.contactName.trim(),
      contactMobile: values.contactMobile.trim(),
    };
    const address = values.address?.trim() ?? '';
    try {
      const saved = body
        ? await assessorsApi.updateBody(body.id, { ...fields, address })
        : await assessorsApi.registerBody({ ...fields, creditCode: values.creditCode.trim().toUpperCase(), ...(address ? { address } : {}) });
      onSaved(saved);
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={body ? <Named text={(name) => t('as.editBody', { name })} name={body.name} /> : t('as.registerBody')}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ disabled: !regions.data }}
      forceRender
      width={640}
    >
      {regions.error !== undefined && <LoadError error={regions.error} onRetry={regions.reload} />}
      {!regions.data && regions.error === undefined && <Skeleton active />}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="assessment-body" scrollToFirstError={{ focus: true }} hidden={!regions.data}>
        <Form.Item name="name" label={t('as.bodyName')} rules={[requiredText(t, t('as.bodyName')), { max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        {body ? (
          <Form.Item label={t('register.creditCode')} extra={t('as.creditCodeFixed')}>
            <span className="mono">{body.creditCode}</span>
          </Form.Item>
        ) : (
          <CreditCodeField name={['creditCode']} label={t('register.creditCode')} help={t('as.bodyCreditCodeHelp')} />
        )}
        <Form.Item name="regionCode" label={t('as.region')} extra={t('register.regionHelp')} rules={[requiredChoice(t, t('as.region'))]}>
          <RegionCascader regions={regions.data ?? []} />
        </Form.Item>
        <Form.Item name="contactName" label={t('register.contactName')} rules={[requiredText(t, t('register.contactName')), { max: 50 }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="contactMobile" label={t('register.contactMobile')} extra={t('register.contactMobileHelp')} rules={mobileRules(t)}>
          <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('as.addressOptional')} rules={[{ max: 200 }]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
