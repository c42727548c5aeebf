// Reference data for forms: industries (GB/T 4754-2017 制造业) with the suggested enterprise type,
// and regions (GB/T 2260).
import { industries, regionTree, suggestedEnterpriseType } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
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

/** The provinces alone (no children): what a region picker shows first; each province's part follows on demand. */
export function listProvinces(_ctx: ServiceContext, actor: Actor | null) {
  permit(actor, canReadPublicData(actor));
  return { provinces: regionTree.map((province) => ({ ...province, children: [] })) };
}

/** One province with its cities and counties. */
export function readProvince(_ctx: ServiceContext, actor: Actor | null, input: { code: string }) {
  permit(actor, canReadPublicData(actor));
  const province = regionTree.find((p) => p.code === input.code);
  if (!province) throw new AppError('NOT_FOUND', `找不到省级行政区 ${input.code}`);
  return { province };
}
