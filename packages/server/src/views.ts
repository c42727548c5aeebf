// Rows → the views of the contract.
import type { EnterpriseView } from '@cmmm/contract';
import type { EnterpriseRow } from '@cmmm/db';
import { findIndustry, regionPath, subPlatformsFor } from '@cmmm/reference';

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
    regionCode: row.region_code,
    regionPath: regionPath(row.region_code),
    enterpriseType: row.enterprise_type,
    contactName: row.contact_name,
    contactMobile: row.contact_mobile,
    subPlatformCodes: [...new Set([...(row.sub_platform_code ? [row.sub_platform_code] : []), ...located])],
    isDemo: row.is_demo,
    createdAt: row.created_at.toISOString(),
  };
}
