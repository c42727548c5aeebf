import { DownOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { AntdProviders } from '../AntdProviders.tsx';
import type { AccountView } from '../api.ts';
import { errorMessage } from '../errors.ts';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';

function AccountMenu({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'logout') {
      logout(() => navigate('/')).catch((error: unknown) => message.error(errorMessage(error, lang, t)));
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{ onClick, items: [
        { key: 'password', label: t('nav.changePassword') },
        { key: 'logout', label: t('nav.logout') },
      ] }}
    >
      <Button type="text" icon={<UserOutlined aria-hidden />} aria-label={t('nav.account', { name: account.displayName || account.username })} data-testid="account-menu">
        <span className="account-name">{account.displayName || account.username}</span> <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

/** The header's account menu, inside antd's providers: loaded once someone is logged in (AppHeader). */
export default function AccountMenuWithAntd({ account }: { account: AccountView }) {
  return (
    <AntdProviders>
      <AccountMenu account={account} />
    </AntdProviders>
  );
}
