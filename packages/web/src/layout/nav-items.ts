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
  // 评估结果公示: public, for everyone (objections come from anyone).
  const notices: NavItem = { to: '/public-notices', label: 'cert.nav.publicNotices' };
  // 证书管理: suspending, reinstating and revoking certificates (the scheme's reviewers and the platform admin).
  const certificates: NavItem = { to: '/certificate-management', label: 'cm.nav' };
  if (!account) return [home, directory, notices, { to: '/login', label: 'nav.login' }, { to: '/register', label: 'nav.register' }];
  if (account.mustChangePassword) return [home];
  switch (account.role) {
    case 'enterprise_user':
      // seed 001 §1.2: 平台主页 → 企业自诊断
      return [home, { to: '/self-diagnoses', label: 'nav.selfDiagnosis' }, formal, { to: '/assessors', label: 'nav.internalAssessors' }, { to: '/enterprise', label: 'nav.enterprise' }, notices];
    case 'platform_admin':
      return [home, { to: '/admin', label: 'nav.admin' }, { to: '/dashboard', label: 'nav.dashboard' }, { to: '/campaigns', label: 'nav.campaigns' }, { to: '/admin/enterprises', label: 'nav.enterprises' }, formal, { to: '/assessors', label: 'nav.assessors' }, { to: '/admin/audit', label: 'nav.audit' }, certificates, notices];
    case 'region_admin':
      return [home, { to: '/dashboard', label: 'nav.dashboard' }, { to: '/campaigns', label: 'nav.campaigns' }, { to: '/admin/enterprises', label: 'nav.enterprises' }, formal, { to: '/admin/sub-platform', label: 'nav.subPlatformBranding' }, { to: '/admin/audit', label: 'nav.audit' }, notices];
    case 'agency_admin':
      return [home, formal, { to: '/assessors', label: 'nav.assessors' }, directory, notices];
    case 'assessor':
    case 'lead_assessor':
      return [home, formal, { to: '/assessors/me', label: 'nav.ownQualifications' }, directory, notices];
    case 'reviewer':
      // 合规性审查, 公示 and certificates are done on the assessments: their list comes first.
      return [home, formal, certificates, notices, directory];
  }
}
