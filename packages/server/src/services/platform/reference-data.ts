// Reference data for forms: industries (GB/T 4754-2017 制造业) with the suggested enterprise type,
// and regions (GB/T 2260). In English (`lang=en`) each name is English and the Chinese stays beside it
// as `nameZh` (industries: industries-en.ts; regions: pinyin, regions-en.ts).
import { industries, industryNameEn, regionNameEn, regionTree, suggestedEnterpriseType, type RegionNode } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import type { Lang } from './model-text.ts';

const inEnglish = <T extends { code: string; name: string }>(node: T, english: string | undefined): T => ({ ...node, name: english ?? node.name, nameZh: node.name });

export function listIndustries(_ctx: ServiceContext, actor: Actor | null, input: { lang?: Lang } = {}) {
  permit(actor, canReadPublicData(actor));
  const en = input.lang === 'en';
  const named = <T extends { code: string; name: string }>(node: T) => (en ? inEnglish(node, industryNameEn(node.code)) : node);
  return {
    industries: industries.map((major) => ({
      ...named(major),
      middles: major.middles.map((m) => ({ ...named(m), suggestedEnterpriseType: suggestedEnterpriseType(m.code) })),
    })),
  };
}

function regionIn(lang: Lang | undefined): (node: RegionNode) => RegionNode {
  if (lang !== 'en') return (node) => node;
  const english = (node: RegionNode): RegionNode => ({ ...inEnglish(node, regionNameEn(node.code)), children: node.children.map(english) });
  return english;
}

export function readRegionTree(_ctx: ServiceContext, actor: Actor | null, input: { lang?: Lang } = {}) {
  permit(actor, canReadPublicData(actor));
  return { regions: regionTree.map(regionIn(input.lang)) };
}

/** The provinces alone (no children): what a region picker shows first; each province's part follows on demand. */
export function listProvinces(_ctx: ServiceContext, actor: Actor | null, input: { lang?: Lang } = {}) {
  permit(actor, canReadPublicData(actor));
  return { provinces: regionTree.map((province) => regionIn(input.lang)({ ...province, children: [] })) };
}

/** One province with its cities and counties. */
export function readProvince(_ctx: ServiceContext, actor: Actor | null, input: { code: string; lang?: Lang }) {
  permit(actor, canReadPublicData(actor));
  const province = regionTree.find((p) => p.code === input.code);
  if (!province) throw new AppError('NOT_FOUND', `找不到省级行政区 ${input.code}`);
  return { province: regionIn(input.lang)(province) };
}
