import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import { AntdProviders } from '../AntdProviders.tsx';
import { useI18n } from '../i18n.tsx';

/** The navigation in a drawer on narrow screens: loaded on the first tap of 菜单 (AppHeader). */
export default function MobileMenu({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <AntdProviders>
      <Drawer title={t('nav.menu')} placement="right" open={open} onClose={onClose} size={280}>
        <nav aria-label={t('nav.label')}>{children}</nav>
      </Drawer>
    </AntdProviders>
  );
}
