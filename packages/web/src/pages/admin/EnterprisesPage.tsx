import { useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, type AccountView, type EnterprisePage, type EnterpriseView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';

const PAGE_SIZE = 20;

/** "共 1,234 家" or, past the server's cap, "10,000+ 家". */
function totalOf(page: EnterprisePage, lang: string): string {
  return `${page.total.toLocaleString(lang)}${page.totalCapped ? '+' : ''}`;
}

/**
 * Platform admins see every enterprise; region admins their region's (the server decides). Newest first,
 * paged by the server's cursor: 下一页 follows `next`, 上一页 goes back to the cursor it came from.
 */
function EnterpriseList({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  // The cursors of the pages walked through; the last one is the page shown (undefined: the first).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  const page = useLoad(() => api.enterprises({ after, pageSize: PAGE_SIZE }), [after]);
  const zh = (text: string) => <span lang="zh-CN">{text}</span>;
  const columns: ColumnsType<EnterpriseView> = [
    { title: t('admin.entName'), dataIndex: 'name', key: 'name', render: zh },
    { title: t('admin.entCreditCode'), dataIndex: 'creditCode', key: 'creditCode', render: (code: string) => <span className="mono">{code}</span> },
    { title: t('admin.entIndustry'), dataIndex: 'industryName', key: 'industryName', render: zh, responsive: ['md'] },
    { title: t('admin.entRegion'), dataIndex: 'regionPath', key: 'regionPath', render: zh, responsive: ['lg'] },
    { title: t('admin.entType'), dataIndex: 'enterpriseType', key: 'enterpriseType', render: (type: string) => t(type === 'process' ? 'register.process' : 'register.discrete') },
    { title: t('admin.entRegistered'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => new Date(at).toLocaleDateString(lang), responsive: ['md'] },
  ];
  const next = page.data?.next ?? null;
  return (
    <div className="page page-wide">
      <Typography.Title>{t('admin.enterprisesTitle')}</Typography.Title>
      {account.role === 'region_admin' && account.regionCode && <Typography.Paragraph type="secondary">{t('admin.enterprisesRegionNote', { region: account.regionCode })}</Typography.Paragraph>}
      {page.data && (
        <Typography.Paragraph data-testid="enterprise-total">
          {t('admin.enterprisesTotal', { total: totalOf(page.data, lang) })}
        </Typography.Paragraph>
      )}
      {page.error !== undefined && <LoadError error={page.error} onRetry={page.reload} />}
      <Table<EnterpriseView> rowKey="id" columns={columns} dataSource={page.data?.enterprises} loading={page.loading} pagination={false} scroll={{ x: true }} />
      {(cursors.length > 1 || next) && (
        <Space className="pager" style={{ marginTop: 16 }}>
          <Button disabled={cursors.length <= 1 || page.loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('admin.enterprisesPrevious')}
          </Button>
          <Typography.Text type="secondary">{t('admin.enterprisesPageNumber', { page: cursors.length })}</Typography.Text>
          <Button disabled={!next || page.loading} onClick={() => next && setCursors((c) => [...c, next])}>
            {t('admin.enterprisesNext')}
          </Button>
        </Space>
      )}
    </div>
  );
}

export function EnterprisesPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{(account) => <EnterpriseList account={account} />}</RequireAccount>;
}
