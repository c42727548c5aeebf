// Navigation by role. Each entry is a real link to a page that exists.
import type { SessionView } from '../api.ts';
import type { MessageKey } from '../locales/zh-CN.ts';

export interface NavItem {
  to: string;
  label: MessageKey;
}

export function navItemsFor(session: SessionView | undefined): NavItem[] {
  const home: NavItem = { to: '/', label: 'nav.home' };
  const account = session?.account;
  if (!account) return [home, { to: '/login', label: 'nav.login' }, { to: '/register', label: 'nav.register' }];
  if (account.mustChangePassword) return [home];
  switch (account.role) {
    case 'enterprise_user':
      // seed 001 §1.2: 平台主页 → 企业自诊断
      return [home, { to: '/self-diagnoses', label: 'nav.selfDiagnosis' }, { to: '/enterprise', label: 'nav.enterprise' }];
    case 'platform_admin':
      return [home, { to: '/admin', label: 'nav.admin' }, { to: '/admin/enterprises', label: 'nav.enterprises' }, { to: '/admin/audit', label: 'nav.audit' }];
    case 'region_admin':
      return [home, { to: '/admin/enterprises', label: 'nav.enterprises' }, { to: '/admin/sub-platform', label: 'nav.subPlatformBranding' }, { to: '/admin/audit', label: 'nav.audit' }];
    default:
      return [home];
  }
}
