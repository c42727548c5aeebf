import { Alert, Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, type SmsMessage } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';

const newestFirst = (messages: readonly SmsMessage[]) => [...messages].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export function SmsOutboxPanel() {
  const { t, lang } = useI18n();
  const outbox = useLoad(() => api.smsOutbox().then(newestFirst), []);
  const columns: ColumnsType<SmsMessage> = [
    { title: t('admin.smsTime'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => new Date(at).toLocaleString(lang), width: 190 },
    { title: t('admin.smsMobile'), dataIndex: 'mobile', key: 'mobile', width: 130 },
    { title: t('admin.smsBody'), dataIndex: 'body', key: 'body', render: (body: string) => <span lang="zh-CN">{body}</span> },
  ];
  return (
    <>
      <Alert type="info" showIcon title={t('admin.smsNote')} className="page-note" action={<Button onClick={outbox.reload}>{t('admin.refresh')}</Button>} />
      {outbox.error !== undefined && <LoadError error={outbox.error} onRetry={outbox.reload} />}
      <Table<SmsMessage> rowKey="id" columns={columns} dataSource={outbox.data} loading={outbox.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} />
    </>
  );
}
