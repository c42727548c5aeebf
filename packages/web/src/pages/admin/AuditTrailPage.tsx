import { useEffect, useState } from 'react';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { api, type AccountView, type AuditEvent, type AuditTrailQuery } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { zhCN, type MessageKey } from '../../locales/zh-CN.ts';

const SUBJECT_TYPES = ['account', 'enterprise', 'sub_platform', 'self_diagnosis'] as const;
const PAGE_SIZE = 50;

interface Filters {
  subjectType?: (typeof SUBJECT_TYPES)[number];
  subjectId?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const queryOf = (f: Filters): AuditTrailQuery => ({
  subjectType: f.subjectType,
  subjectId: f.subjectId?.trim() || undefined,
  actorId: f.actorId?.trim() || undefined,
  from: f.range?.[0]?.toISOString(),
  to: f.range?.[1]?.toISOString(),
  limit: PAGE_SIZE,
});

/** The platform admin reads every event; a region admin those of its region's enterprises (the server decides). */
function AuditTrail({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Filters>();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [query, setQuery] = useState<AuditTrailQuery>(queryOf({}));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  async function load(q: AuditTrailQuery, append: boolean) {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.auditTrail(q);
      setEvents((shown) => (append ? [...shown, ...page.events] : page.events));
      setNext(page.next);
      setQuery(q);
    } catch (err) {
      setError(err);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(queryOf({}), false);
  }, []);

  // An action this page has no words for yet shows its code.
  const actionLabel = (action: string) => (Object.hasOwn(zhCN, `audit.action.${action}`) ? t(`audit.action.${action}` as MessageKey) : action);
  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.time'), dataIndex: 'at', key: 'at', render: (at: string) => new Date(at).toLocaleString(lang), width: 180 },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', width: 170, render: (action: string) => <span title={action}>{actionLabel(action)}</span> },
    {
      title: t('audit.subject'),
      key: 'subject',
      render: (_, e) => (
        <span>
          {t(`audit.type.${e.subjectType}` as MessageKey)} <span className="mono">{e.subjectId}</span>
        </span>
      ),
    },
    { title: t('audit.actor'), key: 'actor', render: (_, e) => (e.actorId ? <span>{e.actorRole ? t(`role.${e.actorRole}` as MessageKey) : ''} <span className="mono">{e.actorId}</span></span> : t('audit.system')), responsive: ['md'] },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', render: (summary: Record<string, unknown>) => <code className="audit-summary">{JSON.stringify(summary)}</code>, responsive: ['lg'] },
    { title: t('audit.requestId'), dataIndex: 'requestId', key: 'requestId', render: (id: string | null) => <span className="mono">{id ?? '—'}</span>, responsive: ['xl'] },
  ];

  return (
    <div className="page page-wide">
      <Typography.Title>{t('audit.title')}</Typography.Title>
      <Alert type="info" showIcon title={t('audit.note')} className="page-note" />
      {account.role === 'region_admin' && account.regionCode && <Typography.Paragraph type="secondary">{t('audit.regionNote', { region: account.regionCode })}</Typography.Paragraph>}
      <Form<Filters> form={form} layout="inline" onFinish={(values) => void load(queryOf(values), false)} className="audit-filters">
        <Form.Item name="subjectType" label={t('audit.subjectType')}>
          <Select allowClear style={{ minWidth: 140 }} options={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`audit.type.${type}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="subjectId" label={t('audit.subjectId')}>
          <Input allowClear maxLength={64} />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actorId')}>
          <Input allowClear maxLength={36} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('audit.search')}
          </Button>
        </Form.Item>
      </Form>
      {error !== undefined && <LoadError error={error} onRetry={() => void load(query, false)} />}
      <Table<AuditEvent> rowKey="id" columns={columns} dataSource={events} loading={loading} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('audit.none') }} />
      {next && (
        <Space className="page-actions">
          <Button onClick={() => void load({ ...query, before: next }, true)} loading={loading}>
            {t('audit.more')}
          </Button>
        </Space>
      )}
    </div>
  );
}

export function AuditTrailPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{(account) => <AuditTrail account={account} />}</RequireAccount>;
}
