// Reference data for forms: industries (GB/T 4754-2017 制造业) with the suggested enterprise type,
// and regions (GB/T 2260).
import { industries, regionTree, suggestedEnterpriseType } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';

export function listIndustries(_ctx: ServiceContext, actor: Actor | null) {
  permit(actor, canReadPublicData(actor));
  return {
    industries: industries.map((major) => ({
      ...major,
      middles: major.middles.map((m) => ({ ...m, suggestedEnterpriseType: suggestedEnterpriseType(m.code) })),
    })),
  };
}

export function readRegionTree(_ctx: ServiceContext, actor: Actor | null) {
  permit(actor, canReadPublicData(actor));
  return { regions: regionTree };
}
