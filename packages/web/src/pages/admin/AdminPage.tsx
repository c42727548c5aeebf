import type { ReactNode } from 'react';
import { Skeleton, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { AccountsPanel } from './AccountsPanel.tsx';
import { SmsOutboxPanel } from './SmsOutboxPanel.tsx';
import { SubPlatformsPanel } from './SubPlatformsPanel.tsx';

const TABS = ['accounts', 'sub-platforms', 'sms'] as const;
type Tab = (typeof TABS)[number];

function PlatformAdmin() {
  const { t } = useI18n();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((key) => key === requested) ?? 'accounts';
  const subPlatforms = useLoad(api.subPlatforms, []);

  const body = (content: (list: NonNullable<typeof subPlatforms.data>) => ReactNode) => {
    if (subPlatforms.error !== undefined) return <LoadError error={subPlatforms.error} onRetry={subPlatforms.reload} />;
    return subPlatforms.data ? content(subPlatforms.data) : <Skeleton active />;
  };

  return (
    <div className="page page-wide">
      <Typography.Title>{t('admin.title')}</Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'accounts' ? {} : { tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'accounts', label: t('admin.accounts'), children: body((list) => <AccountsPanel subPlatforms={list} />) },
          { key: 'sub-platforms', label: t('admin.subPlatforms'), children: body((list) => <SubPlatformsPanel subPlatforms={list} onChanged={subPlatforms.reload} />) },
          { key: 'sms', label: t('admin.smsOutbox'), children: <SmsOutboxPanel /> },
        ]}
      />
    </div>
  );
}

export function AdminPage() {
  return <RequireAccount roles={['platform_admin']}>{() => <PlatformAdmin />}</RequireAccount>;
}
