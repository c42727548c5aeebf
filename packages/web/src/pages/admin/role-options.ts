import type { Role, SubPlatformView } from '../../api.ts';
import type { Translate } from '../../i18n.tsx';

export const STAFF_ROLES = ['assessor', 'lead_assessor', 'agency_admin', 'region_admin', 'platform_admin'] as const satisfies readonly Role[];
export const ALL_ROLES = ['enterprise_user', ...STAFF_ROLES] as const satisfies readonly Role[];

export const roleOptions = (t: Translate, roles: readonly Role[]) => roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

export const subPlatformOptions = (subPlatforms: readonly SubPlatformView[]) => subPlatforms.map((sp) => ({ value: sp.code, label: `${sp.name}（${sp.code}）` }));
