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
  const directory: NavItem = { to: '/directory', label: 'nav.directory' };
  const formal: NavItem = { to: '/formal-assessments', label: 'nav.formalAssessments' };
  if (!account) return [home, directory, { to: '/login', label: 'nav.login' }, { to: '/register', label: 'nav.register' }];
  if (account.mustChangePassword) return [home];
  switch (account.role) {
    case 'enterprise_user':
      // seed 001 §1.2: 平台主页 → 企业自诊断
      return [home, { to: '/self-diagnoses', label: 'nav.selfDiagnosis' }, formal, { to: '/assessors', label: 'nav.internalAssessors' }, { to: '/enterprise', label: 'nav.enterprise' }];
    case 'platform_admin':
      return [home, { to: '/admin', label: 'nav.admin' }, { to: '/admin/enterprises', label: 'nav.enterprises' }, formal, { to: '/assessors', label: 'nav.assessors' }, { to: '/admin/audit', label: 'nav.audit' }];
    case 'region_admin':
      return [home, { to: '/admin/enterprises', label: 'nav.enterprises' }, formal, { to: '/admin/sub-platform', label: 'nav.subPlatformBranding' }, { to: '/admin/audit', label: 'nav.audit' }];
    case 'agency_admin':
      return [home, formal, { to: '/assessors', label: 'nav.assessors' }, directory];
    case 'assessor':
    case 'lead_assessor':
      return [home, formal, { to: '/assessors/me', label: 'nav.ownQualifications' }, directory];
  }
}
