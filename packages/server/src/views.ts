// Rows → the views of the contract.
import type { AccountView, EnterpriseView, SubPlatformView } from '@cmmm/contract';
import type { AccountRow, EnterpriseRow, SubPlatformRow } from '@cmmm/db';
import { findIndustry, industryNameEn, regionPath, regionPathEn, subPlatformsFor } from '@cmmm/reference';

export function enterpriseView(row: EnterpriseRow): EnterpriseView {
  const located = subPlatformsFor(row.region_code).map((p) => p.code);
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    organisationType: row.organisation_type,
    parentName: row.parent_name,
    industryCode: row.industry_code,
    industryName: findIndustry(row.industry_code)?.name ?? row.industry_code,
    industryNameEn: industryNameEn(row.industry_code) ?? row.industry_code,
    regionCode: row.region_code,
    regionPath: regionPath(row.region_code),
    regionPathEn: regionPathEn(row.region_code),
    enterpriseType: row.enterprise_type,
    contactName: row.contact_name,
    contactMobile: row.contact_mobile,
    subPlatformCodes: [...new Set([...(row.sub_platform_code ? [row.sub_platform_code] : []), ...located])],
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
  };
}

/** Where the authorization rules look an enterprise up. */
export const enterpriseScope = (row: Pick<EnterpriseRow, 'id' | 'region_code' | 'sub_platform_code'>) => ({
  id: row.id,
  regionCode: row.region_code,
  subPlatformCode: row.sub_platform_code,
});

export function accountView(row: AccountRow, now: Date): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    mobile: row.mobile,
    role: row.role,
    enterpriseId: row.enterprise_id,
    regionCode: row.region_code,
    bodyId: row.body_id,
    mustChangePassword: row.must_change_password,
    locked: !!row.locked_until && row.locked_until > now,
    createdAt: row.created_at.toISOString(),
  };
}

export const subPlatformView = (row: SubPlatformRow): SubPlatformView => ({
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  themeColor: row.theme_color,
  logoSvg: row.logo_svg,
});
