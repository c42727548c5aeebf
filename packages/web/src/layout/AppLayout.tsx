import { Outlet } from 'react-router';
import { useI18n } from '../i18n.tsx';
import { AppHeader } from './AppHeader.tsx';

export function AppLayout() {
  const { t } = useI18n();
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
