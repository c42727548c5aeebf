import { App, Button, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api, type AccountView, type Role, type SubPlatformView } from '../../api.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { errorMessage } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { EditAccountModal } from './EditAccountModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { ALL_ROLES, roleOptions } from './role-options.ts';

export function AccountsPanel({ subPlatforms }: { subPlatforms: readonly SubPlatformView[] }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const accounts = useLoad(() => api.accounts({ q, ...(role ? { role } : {}) }), [q, role]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AccountView>();
  const [issued, setIssued] = useState<{ name: string; password: string }>();
  const subPlatformName = (code: string | null) => subPlatforms.find((sp) => sp.code === code)?.name ?? code ?? t('admin.noSubPlatform');
  const fail = (error: unknown) => message.error(errorMessage(error, lang, t));

  const toggleLock = (account: AccountView) =>
    api.updateAccount(account.id, { locked: !account.locked }).then(() => {
      message.success(t('admin.saved'));
      accounts.reload();
    }, fail);

  const issueOneTimePassword = (account: AccountView) =>
    modal.confirm({
      title: t('admin.issueOtp'),
      content: t('admin.issueOtpConfirm', { name: account.username }),
      okText: t('admin.issueOtp'),
      cancelText: t('form.cancel'),
      onOk: () =>
        api.issueOneTimePassword(account.id).then((answer) => {
          setIssued({ name: account.username, password: answer.oneTimePassword });
          accounts.reload();
        }, fail),
    });

  const columns: ColumnsType<AccountView> = [
    { title: t('admin.username'), dataIndex: 'username', key: 'username' },
    { title: t('admin.displayName'), dataIndex: 'displayName', key: 'displayName', render: (name: string) => <span lang="zh-CN">{name}</span> },
    { title: t('admin.role'), dataIndex: 'role', key: 'role', render: (value: Role) => t(`role.${value}`) },
    { title: t('admin.subPlatform'), dataIndex: 'regionCode', key: 'regionCode', render: (code: string | null) => <span lang="zh-CN">{subPlatformName(code)}</span>, responsive: ['md'] },
    { title: t('admin.mobile'), dataIndex: 'mobile', key: 'mobile', responsive: ['lg'] },
    {
      title: t('admin.status'),
      key: 'status',
      render: (_value, account) => (
        <Space size={4} wrap>
          {account.locked ? <Tag color="error">{t('admin.locked')}</Tag> : <Tag color="success">{t('admin.active')}</Tag>}
          {account.mustChangePassword && <Tag color="warning">{t('admin.mustChange')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('admin.actions'),
      key: 'actions',
      render: (_value, account) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(account)} aria-label={`${t('admin.edit')} ${account.username}`}>
            {t('admin.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => void toggleLock(account)} aria-label={`${account.locked ? t('admin.unlock') : t('admin.lock')} ${account.username}`}>
            {account.locked ? t('admin.unlock') : t('admin.lock')}
          </Button>
          <Button type="link" size="small" onClick={() => issueOneTimePassword(account)} aria-label={`${t('admin.issueOtp')} ${account.username}`}>
            {t('admin.issueOtp')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="toolbar">
        <Input.Search placeholder={t('admin.search')} aria-label={t('admin.search')} allowClear onSearch={(value) => setQ(value.trim())} className="toolbar-search" />
        <Select<Role | 'all'>
          aria-label={t('admin.roleFilter')}
          value={role ?? 'all'}
          onChange={(value) => setRole(value === 'all' ? undefined : value)}
          options={[{ value: 'all', label: t('admin.allRoles') }, ...roleOptions(t, ALL_ROLES)]}
          className="toolbar-select"
        />
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('admin.createAccount')}
        </Button>
      </div>
      {accounts.error !== undefined && <LoadError error={accounts.error} onRetry={accounts.reload} />}
      <Table<AccountView> rowKey="id" columns={columns} dataSource={accounts.data} loading={accounts.loading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} />
      <CreateAccountModal
        open={creating}
        subPlatforms={subPlatforms}
        onClose={() => setCreating(false)}
        onCreated={(account, password) => {
          setCreating(false);
          setIssued({ name: account.username, password });
          accounts.reload();
        }}
      />
      <EditAccountModal
        account={editing}
        subPlatforms={subPlatforms}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          message.success(t('admin.saved'));
          accounts.reload();
        }}
      />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(undefined)} />
    </>
  );
}
