import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, type AccountView, type EnterpriseView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';

/** Platform admins see every enterprise; region admins their region's (the server decides). */
function EnterpriseList({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const enterprises = useLoad(() => api.enterprises(), []);
  const zh = (text: string) => <span lang="zh-CN">{text}</span>;
  const columns: ColumnsType<EnterpriseView> = [
    { title: t('admin.entName'), dataIndex: 'name', key: 'name', render: zh },
    { title: t('admin.entCreditCode'), dataIndex: 'creditCode', key: 'creditCode', render: (code: string) => <span className="mono">{code}</span> },
    { title: t('admin.entIndustry'), dataIndex: 'industryName', key: 'industryName', render: zh, responsive: ['md'] },
    { title: t('admin.entRegion'), dataIndex: 'regionPath', key: 'regionPath', render: zh, responsive: ['lg'] },
    { title: t('admin.entType'), dataIndex: 'enterpriseType', key: 'enterpriseType', render: (type: string) => t(type === 'process' ? 'register.process' : 'register.discrete') },
    { title: t('admin.entRegistered'), dataIndex: 'createdAt', key: 'createdAt', render: (at: string) => new Date(at).toLocaleDateString(lang), responsive: ['md'] },
  ];
  return (
    <div className="page page-wide">
      <Typography.Title>{t('admin.enterprisesTitle')}</Typography.Title>
      {account.role === 'region_admin' && account.regionCode && <Typography.Paragraph type="secondary">{t('admin.enterprisesRegionNote', { region: account.regionCode })}</Typography.Paragraph>}
      {enterprises.error !== undefined && <LoadError error={enterprises.error} onRetry={enterprises.reload} />}
      <Table<EnterpriseView> rowKey="id" columns={columns} dataSource={enterprises.data} loading={enterprises.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} />
    </div>
  );
}

export function EnterprisesPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{(account) => <EnterpriseList account={account} />}</RequireAccount>;
}
