// A page for some roles: logged out → 登录 (RequireAccount); another role → says who may use the page.
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { AccountView, Role, SessionView } from '../../api.ts';
import { RequireAccount } from '../../components/RequireAccount.tsx';
import { useI18n } from '../../i18n.tsx';

export function RolePage({ roles, children }: { roles: readonly Role[]; children: (account: AccountView, session: SessionView) => ReactNode }) {
  return <RequireAccount>{(account, session) => (roles.includes(account.role) ? children(account, session) : <NoAccess roles={roles} role={account.role} />)}</RequireAccount>;
}

function NoAccess({ roles, role }: { roles: readonly Role[]; role: Role }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const who = roles.map((r) => t(`role.${r}`)).join(lang === 'zh-CN' ? '、' : ', ');
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('as.noAccessTitle')}</h1>}
      subTitle={t('as.noAccessText', { who, role: t(`role.${role}`) })}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('notFound.home')}</Button>}
    />
  );
}
