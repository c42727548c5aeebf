import { lazy, Suspense, useState } from 'react';
import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { useMinWidth } from '../use-media-query.ts';
import { MenuIcon } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navItemsFor } from './nav-items.ts';

// The header shows on every page, the home page too, so it uses no antd; its two antd parts (the
// account menu, the drawer of narrow screens) load when they are needed.
const AccountMenu = lazy(() => import('./AccountMenu.tsx'));
const MobileMenu = lazy(() => import('./MobileMenu.tsx'));

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
  const [wide, xl, xxl] = [useMinWidth(992), useMinWidth(1200), useMinWidth(1600)];
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  // The full name needs wide screens beside the navigation; the English one (and a long navigation) the widest.
  const longNav = navItemsFor(session).length > 4;
  const fullName = lang === 'en' || longNav ? xxl : xl;
  const account = session?.account;
  const accountName = account ? account.displayName || account.username : '';

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
        {account && (
          <Suspense fallback={<span className="btn btn-text account-name">{accountName}</span>}>
            <AccountMenu account={account} />
          </Suspense>
        )}
        {!wide && (
          <>
            <button
              type="button"
              className="btn btn-text btn-icon"
              aria-label={t('nav.menu')}
              aria-expanded={drawerOpen}
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
            >
              <MenuIcon />
            </button>
            {drawerUsed && (
              <Suspense fallback={null}>
                <MobileMenu open={drawerOpen} onClose={() => setDrawerOpen(false)}>
                  <NavLinks vertical onNavigate={() => setDrawerOpen(false)} />
                </MobileMenu>
              </Suspense>
            )}
          </>
        )}
      </div>
    </header>
  );
}
