// 推进活动 (issue 11 §5): the admin's campaigns (a region admin's region and below, the platform admin's all),
// and 新建推进活动 (the platform admin's may be nation-wide).
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type AccountView, type CampaignView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';

const STATUS_COLOR: Record<CampaignView['status'], string> = { upcoming: 'default', running: 'processing', ended: 'warning', closed: 'default' };

export function StatusTag({ status, t }: { status: CampaignView['status']; t: Translate }) {
  return <Tag color={STATUS_COLOR[status]}>{t(`cp.status.${status}`)}</Tag>;
}

function CampaignList({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => api.campaigns(), []);
  const zh = (text: string) => <span lang="zh-CN">{text}</span>;
  const columns: ColumnsType<CampaignView> = [
    { title: t('cp.col.title'), dataIndex: 'title', key: 'title', render: (title: string, c) => <Link to={`/campaigns/${c.id}`}>{zh(title)}</Link> },
    { title: t('cp.col.region'), dataIndex: 'regionName', key: 'region', render: zh },
    { title: t('cp.col.target'), dataIndex: 'target', key: 'target', align: 'right' },
    { title: t('cp.col.industry'), key: 'industry', render: (_, c) => (c.industryName ? zh(c.industryName) : t('cp.allIndustries')), responsive: ['md'] },
    { title: t('cp.col.period'), key: 'period', render: (_, c) => t('cp.period', { from: c.startsOn, to: c.endsOn }) },
    { title: t('cp.col.status'), dataIndex: 'status', key: 'status', render: (status: CampaignView['status']) => <StatusTag status={status} t={t} /> },
  ];
  return (
    <div className="page page-wide">
      <Typography.Title>{t('cp.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('cp.intro')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 16 }} data-testid="campaign-new">
        {t('cp.new')}
      </Button>
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<CampaignView> rowKey="id" columns={columns} dataSource={list.data} loading={list.loading} pagination={false} scroll={{ x: true }} locale={{ emptyText: t('cp.none') }} />
      <CampaignFormModal account={account} open={creating} onClose={() => setCreating(false)} onSaved={(c) => navigate(`/campaigns/${c.id}`)} />
    </div>
  );
}

export function CampaignsPage() {
  return <RequireAccount roles={['platform_admin', 'region_admin']}>{(account) => <CampaignList account={account} />}</RequireAccount>;
}
