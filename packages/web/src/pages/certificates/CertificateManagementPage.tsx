// 证书管理: the scheme's reviewers and the platform admin see every certificate on the platform (number,
// enterprise, level, status, issued, valid until), search it, and suspend (暂停), reinstate (恢复) or revoke
// (撤销) one with a reason. Only the moves the server allows from each status are offered; the server
// decides again (CERTIFICATE_STATUS_FINAL) and notifies the enterprise.
import type { CertificateStatusAction, ManagedCertificate } from '@cmmm/contract/certification';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { request } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { requiredText } from '../../form-rules.ts';
import { useI18n, type Translate } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { useLoad } from '../../use-load.ts';
import { serverErrorOnForm } from '../assessors/form-errors.ts';
import { usePaging } from '../assessors/paging.ts';
import { RolePage } from '../assessors/RolePage.tsx';
import { CertificateStatusTag } from '../formal-rating/certification-parts.tsx';

type Status = ManagedCertificate['status'];
const STATUSES: readonly Status[] = ['valid', 'suspended', 'revoked', 'expired', 'superseded'];
/** What may be done from each status (the server's rule, certificate-status.ts). */
export const ACTIONS_FROM: Readonly<Record<Status, readonly CertificateStatusAction[]>> = {
  valid: ['suspend', 'revoke'],
  suspended: ['reinstate', 'revoke'],
  revoked: [],
  expired: [],
  superseded: [],
};
const PATHS: Readonly<Record<CertificateStatusAction, string>> = { suspend: 'suspension', reinstate: 'reinstatement', revoke: 'revocation' };

interface Page {
  items: ManagedCertificate[];
  total: number;
}

export const certificatesApi = {
  list: (q: { q?: string; status?: Status; page: number; pageSize: number }) => {
    const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
    if (q.q) params.set('q', q.q);
    if (q.status) params.set('status', q.status);
    return request<Page>('GET', `/api/certificates?${params}`);
  },
  change: (number: string, action: CertificateStatusAction, reason: string) => request<ManagedCertificate>('POST', `/api/certificates/${encodeURIComponent(number)}/${PATHS[action]}`, { reason }),
};

function levelOf(t: Translate, c: ManagedCertificate) {
  if (c.level !== null) return t(levelLabelKey(c.level));
  return `${t('registry.custom')}：${(c.capability ?? []).map((d) => t('registry.customDomain', { name: d.name, level: t(levelLabelKey(d.level)) })).join('、')}`;
}

function ReasonModal({ target, onClose, onChanged }: { target: { certificate: ManagedCertificate; action: CertificateStatusAction } | undefined; onClose: () => void; onChanged: (c: ManagedCertificate) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (target) form.resetFields();
    setError(undefined);
  }, [target, form]);
  const onFinish = async ({ reason }: { reason: string }) => {
    if (!target) return;
    setSubmitting(true);
    setError(undefined);
    try {
      onChanged(await certificatesApi.change(target.certificate.certificateNumber, target.action, reason.trim()));
    } catch (failure) {
      setError(serverErrorOnForm(form, failure, lang, t));
    } finally {
      setSubmitting(false);
    }
  };
  const action = target?.action;
  return (
    <Modal
      open={target !== undefined}
      title={action && target ? t(`cm.dialog.${action}`, { number: target.certificate.certificateNumber }) : ''}
      okText={action ? t(`cm.action.${action}`) : ''}
      okButtonProps={{ danger: action === 'revoke', ...{ 'data-testid': 'certificate-status-confirm' } }}
      cancelText={t('form.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      forceRender
    >
      {action === 'revoke' && <Alert type="warning" showIcon title={t('cm.revokeFinal')} className="page-note" />}
      <Typography.Paragraph type="secondary">{t('cm.reasonNote')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} noValidate name="certificate-status" scrollToFirstError={{ focus: true }}>
        <Form.Item name="reason" label={t('cm.reason')} rules={[requiredText(t, t('cm.reason')), { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="certificate-status-reason" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function CertificateManagement() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const paging = usePaging();
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [target, setTarget] = useState<{ certificate: ManagedCertificate; action: CertificateStatusAction }>();
  const list = useLoad(() => certificatesApi.list({ q, status, page: paging.page, pageSize: paging.pageSize }), [q, status, paging.page, paging.pageSize]);

  const columns: ColumnsType<ManagedCertificate> = [
    { title: t('registry.col.certificateNumber'), key: 'number', render: (_, c) => <span className="mono">{c.certificateNumber}</span> },
    { title: t('registry.col.enterprise'), key: 'enterprise', render: (_, c) => <span lang="zh-CN">{c.enterpriseName}</span> },
    { title: t('registry.col.level'), key: 'level', render: (_, c) => levelOf(t, c) },
    {
      title: t('registry.col.status'),
      key: 'status',
      render: (_, c) => (
        <>
          <CertificateStatusTag status={c.status} />
          {c.statusReason && c.status !== 'valid' && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {c.statusReason}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('registry.col.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn' },
    { title: t('registry.col.validUntil'), dataIndex: 'validUntil', key: 'validUntil' },
    {
      title: t('cm.col.actions'),
      key: 'actions',
      render: (_, c) =>
        ACTIONS_FROM[c.status].length ? (
          <Space wrap>
            {ACTIONS_FROM[c.status].map((action) => (
              <Button
                key={action}
                size="small"
                danger={action === 'revoke'}
                data-testid={`certificate-${action}`}
                aria-label={t(`cm.actionFor.${action}`, { number: c.certificateNumber })}
                onClick={() => setTarget({ certificate: c, action })}
              >
                {t(`cm.action.${action}`)}
              </Button>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('cm.final')}</Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Typography.Title>{t('cm.title')}</Typography.Title>
      <Typography.Paragraph>{t('cm.intro')}</Typography.Paragraph>
      <Space wrap className="page-note">
        <Input.Search
          allowClear
          aria-label={t('cm.search')}
          placeholder={t('cm.search')}
          data-testid="certificate-search"
          style={{ width: 320 }}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            paging.restart();
          }}
        />
        <Select<Status>
          allowClear
          aria-label={t('cm.statusFilter')}
          placeholder={t('cm.allStatuses')}
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            paging.restart();
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`registry.status.${s}`) }))}
        />
      </Space>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<ManagedCertificate>
        rowKey="id"
        data-testid="certificate-list"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        caption={<span className="sr-only">{t('cm.caption', { total: list.data?.total ?? 0 })}</span>}
        pagination={paging.pagination(list.data?.total)}
      />
      <ReasonModal
        target={target}
        onClose={() => setTarget(undefined)}
        onChanged={(c) => {
          setTarget(undefined);
          message.success(t('cm.changed', { number: c.certificateNumber, status: t(`registry.status.${c.status}`) }));
          list.reload();
        }}
      />
    </>
  );
}

export function CertificateManagementPage() {
  return <RolePage roles={['reviewer', 'platform_admin']}>{() => <CertificateManagement />}</RolePage>;
}
