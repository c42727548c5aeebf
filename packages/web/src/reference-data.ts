// Reference data shared by pages, fetched once per page load and language (names in Chinese, or in English
// with the Chinese beside them).
import { api, type ModelLang, type RegionNode } from './api.ts';
import { once } from './use-load.ts';

/** One `once` per language: switching the language fetches the other names once too. */
function perLang<T>(load: (lang: ModelLang) => Promise<T>): (lang?: ModelLang) => Promise<T> {
  const loads = new Map<ModelLang, () => Promise<T>>();
  return (lang = 'zh-CN') => {
    if (!loads.has(lang)) loads.set(lang, once(() => load(lang)));
    return loads.get(lang)!();
  };
}

export const loadIndustries = perLang(api.industries);
export const loadRegions = perLang(api.regions);
export const loadMaturityLevels = perLang(api.maturityLevels);
export const loadProvinces = perLang(api.provinces);

const provinces = new Map<string, () => Promise<RegionNode>>();
/** One province with its cities and counties (the register page's picker opens them one by one). */
export function loadProvince(code: string, lang: ModelLang = 'zh-CN'): Promise<RegionNode> {
  const key = `${lang}:${code}`;
  if (!provinces.has(key)) provinces.set(key, once(() => api.province(code, lang)));
  return provinces.get(key)!();
}
