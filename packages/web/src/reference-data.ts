// Reference data shared by pages, fetched once per page load.
import { api, type RegionNode } from './api.ts';
import { once } from './use-load.ts';

export const loadIndustries = once(api.industries);
export const loadRegions = once(api.regions);
export const loadMaturityLevels = once(api.maturityLevels);
export const loadProvinces = once(api.provinces);

const provinces = new Map<string, () => Promise<RegionNode>>();
/** One province with its cities and counties (the register page's picker opens them one by one). */
export function loadProvince(code: string): Promise<RegionNode> {
  if (!provinces.has(code)) provinces.set(code, once(() => api.province(code)));
  return provinces.get(code)!();
}
