// 证书登记: the platform admin records a certificate an enterprise already holds (issued before the
// platform, or elsewhere) and sees an enterprise's certificates; those from a formal assessment on the
// platform arrive by themselves.
import { Alert, App, Button, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useId, useState } from 'react';
import type { EnterpriseView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { notBefore, requiredChoice, requiredText } from '../../form-rules.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import { levelKey, levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { chinaToday } from './assessor-rules.ts';
import { assessorsApi, type Certificate } from './assessors-api.ts';
import { AreaLinks } from './AssessorsPage.tsx';
import { isoDate, serverErrorOnForm } from './form-errors.ts';
import { EnterprisePicker } from './pickers.tsx';
import { RolePage } from './RolePage.tsx';
import { Named } from './Named.tsx';

const LEVELS = [1, 2, 3, 4, 5] as const;
/** 三级（集成级）. */
const levelText = (t: Translate, level: number) => t('sd.levelFull', { label: t(levelLabelKey(level)), name: t(levelKey(level)) });

interface Values {
  level: number;
  certificateNumber: string;
  scope: string;
  issuedOn: Dayjs;
  validUntil: Dayjs;
}

const FIELD_OF_CODE = { CERTIFICATE_NUMBER_TAKEN: ['certificateNumber'] };

function RecordCertificateModal({ enterprise, onClose, onRecorded }: { enterprise: EnterpriseView | undefined; onClose: () => void; onRecorded: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (enterprise) form.resetFields();
    setError(undefined);
  }, [enterprise, form]);

  const onFinish = async (values: Values) => {
    if (!enterprise) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await assessorsApi.recordCertificate({
        enterpriseId: enterprise.id,
        level: values.level,
        certificateNumber: values.certificateNumber.trim(),
        scope: values.scope.trim(),
        issuedOn: isoDate(values.issuedOn),
        validUntil: isoDate(values.validUntil),
      });
      onRecorded();
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t, FIELD_OF_CODE));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={enterprise !== undefined}
      title={enterprise ? <Named text={(name) => t('as.recordCertificateFor', { name })} name={enterprise.name} /> : ''}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} noValidate name="record-certificate" scrollToFirstError={{ focus: true }}>
        <Form.Item name="level" label={t('as.certificateLevel')} rules={[requiredChoice(t, t('as.certificateLevel'))]}>
          <Select options={LEVELS.map((level) => ({ value: level, label: levelText(t, level) }))} />
        </Form.Item>
        <Form.Item name="certificateNumber" label={t('as.certificateNumber')} rules={[requiredText(t, t('as.certificateNumber')), { max: 40 }]}>
          <Input maxLength={40} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="scope" label={t('as.scope')} extra={t('as.scopeHelp')} rules={[requiredText(t, t('as.scope')), { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('as.issuedOn')} rules={[requiredChoice(t, t('as.issuedOn'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('as.validUntil')}
          dependencies={['issuedOn']}
          rules={[
            requiredChoice(t, t('as.validUntil')),
            notBefore('issuedOn', t('as.validUntilBeforeIssued')),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function EnterpriseCertificates({ enterprise }: { enterprise: EnterpriseView }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const certificates = useLoad(() => assessorsApi.enterpriseCertificates(enterprise.id), [enterprise.id]);
  const [recording, setRecording] = useState(false);
  const today = chinaToday(new Date());

  const columns: ColumnsType<Certificate> = [
    { title: t('as.certificateNumber'), dataIndex: 'certificateNumber', key: 'certificateNumber', render: (n: string) => <span className="mono">{n}</span> },
    { title: t('as.certificateLevel'), dataIndex: 'level', key: 'level', render: (level: number) => levelText(t, level) },
    { title: t('as.scope'), dataIndex: 'scope', key: 'scope', render: (scope: string) => <span lang="zh-CN">{scope}</span> },
    { title: t('as.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', responsive: ['md'] },
    { title: t('as.validUntil'), dataIndex: 'validUntil', key: 'validUntil' },
    {
      title: t('dir.status'),
      key: 'status',
      render: (_, c) => (c.validUntil < today ? <Tag>{t('dir.expired')}</Tag> : c.issuedOn > today ? <Tag color="warning">{t('as.state.notYetValid')}</Tag> : <Tag color="success">{t('dir.valid')}</Tag>),
    },
    { title: t('as.certificateSource'), key: 'source', render: (_, c) => (c.assessmentId ? t('as.sourceAssessment') : t('as.sourceRecorded')), responsive: ['lg'] },
  ];

  return (
    <section aria-labelledby="certificates-heading" className="section-tight">
      <div className="toolbar" style={{ alignItems: 'center' }}>
        <Typography.Title level={2} id="certificates-heading" style={{ fontSize: 18, margin: 0 }}>
          <Named text={(name) => t('as.certificatesOf', { name })} name={enterprise.name} />
        </Typography.Title>
        <Button type="primary" onClick={() => setRecording(true)} style={{ marginLeft: 'auto' }}>
          {t('as.recordCertificate')}
        </Button>
      </div>
      {certificates.error !== undefined && <LoadError error={certificates.error} onRetry={certificates.reload} />}
      <Table<Certificate>
        rowKey="id"
        columns={columns}
        dataSource={certificates.data}
        loading={certificates.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('as.noCertificates') }}
      />
      <RecordCertificateModal
        enterprise={recording ? enterprise : undefined}
        onClose={() => setRecording(false)}
        onRecorded={() => {
          setRecording(false);
          message.success(t('as.certificateRecorded'));
          certificates.reload();
        }}
      />
    </section>
  );
}

function Certificates() {
  const { t } = useI18n();
  const [enterprise, setEnterprise] = useState<EnterpriseView>();
  const pickerId = useId();
  return (
    <div className="page page-wide">
      <Typography.Title>{t('as.certificatesTitle')}</Typography.Title>
      <AreaLinks current="/certificates" role="platform_admin" />
      <Typography.Paragraph type="secondary">{t('as.certificatesIntro')}</Typography.Paragraph>
      <Form layout="vertical" style={{ maxWidth: 560 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('as.enterprise')} htmlFor={pickerId} extra={t('as.enterpriseSearchHelp')}>
          <EnterprisePicker id={pickerId} allowClear value={enterprise?.id} onChange={(_id, item) => setEnterprise(item)} />
        </Form.Item>
      </Form>
      {enterprise ? <EnterpriseCertificates key={enterprise.id} enterprise={enterprise} /> : <Empty description={t('as.chooseEnterprise')} />}
    </div>
  );
}

export function CertificatesPage() {
  return <RolePage roles={['platform_admin']}>{() => <Certificates />}</RolePage>;
}
