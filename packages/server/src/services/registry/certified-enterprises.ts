// 信息查询 · 获证企业: the public registry of certified enterprises (no login) — platform certificates
// and the certifications published in CESI's 2022 practice report — searched, filtered and paged in
// the database; its level distribution by province counts exactly what the list lists.
import type { RegistryDistribution, RegistryEntry, RegistryFilter, RegistryPage, RegistryQuery } from '@cmmm/contract/registry';
import { findRegion, regionPrefix } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import type { RegistryFilterSql } from '../../repositories/registry.ts';
import { registryEntry } from './registry-view.ts';

const CREDIT_CODE = /^[0-9A-Z]{18}$/;
const HALF_TO_FULL: Readonly<Record<string, string>> = { '(': '（', ')': '）' };
const FULL_TO_HALF: Readonly<Record<string, string>> = { '（': '(', '）': ')' };

/** The name as typed and with its brackets in the other width: the 2022 report uses both. */
function nameVariants(q: string): string[] {
  const full = q.replace(/[()]/g, (c) => HALF_TO_FULL[c]!);
  const half = q.replace(/[（）]/g, (c) => FULL_TO_HALF[c]!);
  return [...new Set([q, full, half])];
}

/** The wire filter as the repository takes it. */
export function registryFilterSql(filter: RegistryFilter): RegistryFilterSql {
  const q = filter.q?.trim();
  const region = filter.city ?? filter.province;
  // A whole credit code is looked up as such; anything else is part of a name.
  const creditCode = q && CREDIT_CODE.test(q.toUpperCase()) ? q.toUpperCase() : undefined;
  return {
    ...(creditCode ? { creditCode } : q ? { names: nameVariants(q) } : {}),
    ...(region ? { regionPrefix: regionPrefix(region) } : {}),
    ...(filter.level !== undefined ? { level: filter.level } : {}),
    ...(filter.industry ? { industryPrefix: filter.industry } : {}),
    ...(filter.bodyId ? { bodyId: filter.bodyId } : {}),
    ...(filter.year !== undefined ? { year: filter.year } : {}),
  };
}

export async function listCertifiedEnterprises(ctx: ServiceContext, actor: Actor | null, input: RegistryQuery): Promise<RegistryPage> {
  permit(actor, canReadPublicData(actor));
  const { page, pageSize, ...filter } = input;
  const { rows, total } = await ctx.repos.registry.listRegistry(registryFilterSql(filter), { limit: pageSize, offset: (page - 1) * pageSize });
  const today = beijingDay(ctx.now());
  return { items: rows.map((r) => registryEntry(r, today)), total, page, pageSize };
}

export async function readCertifiedDistribution(ctx: ServiceContext, actor: Actor | null, input: RegistryFilter): Promise<RegistryDistribution> {
  permit(actor, canReadPublicData(actor));
  const cells = await ctx.repos.registry.registryDistribution(registryFilterSql(input));
  const byLevel = [1, 2, 3, 4, 5].map((level) => ({ level, count: 0 }));
  let custom = 0;
  // Per province: levels 1–5, then the 自定义评估 certificates (no level) at index 5.
  const provinces = new Map<string | null, number[]>();
  for (const cell of cells) {
    const index = cell.level === null ? 5 : cell.level - 1;
    if (cell.level === null) custom += cell.n;
    else byLevel[index]!.count += cell.n;
    const counts = provinces.get(cell.province) ?? [0, 0, 0, 0, 0, 0];
    counts[index]! += cell.n;
    provinces.set(cell.province, counts);
  }
  const byProvince = [...provinces]
    .map(([digits, counts]) => {
      const code = digits ? `${digits}0000` : null;
      return { provinceCode: code, provinceName: code ? (findRegion(code)?.province.name ?? null) : null, counts: counts.slice(0, 5), custom: counts[5]!, total: counts.reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.total - a.total || (a.provinceCode ?? '~').localeCompare(b.provinceCode ?? '~'));
  return { total: byLevel.reduce((sum, l) => sum + l.count, custom), byLevel, custom, byProvince };
}

/** A certificate by its number: platform certificates only (the published rows have no number). */
export async function lookUpCertificate(ctx: ServiceContext, actor: Actor | null, input: { number: string }): Promise<RegistryEntry> {
  permit(actor, canReadPublicData(actor));
  const row = await ctx.repos.registry.findRegistryCertificate(input.number.trim());
  if (!row) throw new AppError('NOT_FOUND', '找不到该证书编号的证书');
  return registryEntry(row, beijingDay(ctx.now()));
}
