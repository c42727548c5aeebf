import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Loading } from '../components/Loading.tsx';
import { useI18n } from '../i18n.tsx';
import { AppHeader } from './AppHeader.tsx';
import { useKeyboardScrollableTables } from './keyboard-scroll.ts';

export function AppLayout() {
  const { t } = useI18n();
  useKeyboardScrollableTables(t('app.scrollTable'));
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className="app-main">
        {/* Pages are loaded with their route (App.tsx). */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="app-footer">
        {t('app.footer')} · <Link to="/statistics">{t('nav.statistics')}</Link>
      </footer>
    </div>
  );
}
