import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid } from 'antd';
import { useState } from 'react';
import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navItemsFor } from './nav-items.ts';

function NavLinks({ vertical, onNavigate }: { vertical?: boolean; onNavigate?: () => void }) {
  const { t } = useI18n();
  const { session } = useSession();
  return (
    <ul className={vertical ? 'nav-list nav-list-vertical' : 'nav-list'}>
      {navItemsFor(session).map((item) => (
        <li key={item.to}>
          <NavLink to={item.to} end={item.to !== '/self-diagnoses'} className="nav-link" onClick={onNavigate}>
            {t(item.label)}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

export function AppHeader() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const wide = screens.lg ?? true;
  // The full name needs wide screens beside the navigation; the English one (and a long navigation) the widest.
  const longNav = navItemsFor(session).length > 4;
  const fullName = (lang === 'en' || longNav ? screens.xxl : screens.xl) ?? true;
  const account = session?.account;

  return (
    <header className="app-header">
      <Link to="/" className="app-brand">
        <span className="app-brand-mark" aria-hidden>
          CMMM
        </span>
        <span className="app-brand-name">{fullName ? t('app.name') : t('app.shortName')}</span>
      </Link>
      {wide && (
        <nav aria-label={t('nav.label')} className="app-nav">
          <NavLinks />
        </nav>
      )}
      <div className="app-header-tools">
        <LanguageSwitch />
        {account && <AccountMenu account={account} />}
        {!wide && (
          <>
            <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.menu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />
            <Drawer title={t('nav.menu')} placement="right" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={280}>
              <nav aria-label={t('nav.label')}>
                <NavLinks vertical onNavigate={() => setDrawerOpen(false)} />
              </nav>
            </Drawer>
          </>
        )}
      </div>
    </header>
  );
}
