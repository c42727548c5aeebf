import { App, Skeleton, Typography } from 'antd';
import { api } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { SubPlatformEditor } from './SubPlatformEditor.tsx';

/** A region admin edits the branding of the sub-platform it administers. */
function OwnSubPlatform({ code }: { code: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const subPlatform = useLoad(() => api.subPlatform(code), [code]);
  return (
    <div className="page page-form">
      <Typography.Title>{t('admin.brandingTitle')}</Typography.Title>
      {subPlatform.error !== undefined && <LoadError error={subPlatform.error} onRetry={subPlatform.reload} />}
      {subPlatform.data ? (
        <SubPlatformEditor
          key={`${subPlatform.data.code}-${subPlatform.data.themeColor}`}
          subPlatform={subPlatform.data}
          onSaved={() => {
            message.success(t('admin.saved'));
            subPlatform.reload();
          }}
        />
      ) : (
        subPlatform.error === undefined && <Skeleton active />
      )}
    </div>
  );
}

export function SubPlatformBrandingPage() {
  return <RequireAccount roles={['region_admin']}>{(account) => (account.regionCode ? <OwnSubPlatform code={account.regionCode} /> : null)}</RequireAccount>;
}
