// 信息查询 · 获证企业 on the wire: the public registry of certified enterprises (no login). It lists both
// the certificates recorded or issued on the platform and the certifications published in CESI's 2022
// practice report (seed 004 appendix 1), which carry no certificate number or date.
import { z } from 'zod';

/**
 * A registry entry's certificate status. 'valid' / 'expired': a platform certificate against today in
 * China Standard Time; 'published': listed in a published report (no certificate data). A later issue adds
 * suspended / revoked / superseded: clients show an unknown status by its code rather than failing.
 */
export const CERTIFICATE_STATUSES = ['valid', 'expired', 'suspended', 'revoked', 'superseded', 'published'] as const;
export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/** Where an entry comes from: a certificate on the platform, or a published source (published_certification.source). */
export const REGISTRY_SOURCES = ['platform', 'practice_report_2022'] as const;
export const registrySourceSchema = z.enum(REGISTRY_SOURCES);
export type RegistrySource = z.infer<typeof registrySourceSchema>;

const provinceCode = z.string().regex(/^\d{2}0000$/, '省级区划代码为 6 位数字，以 0000 结尾');
const cityCode = z
  .string()
  .regex(/^\d{4}00$/, '地级区划代码为 6 位数字，以 00 结尾')
  .refine((code) => !code.endsWith('0000'), '地级区划代码不能是省级代码');

const filterFields = {
  /** Part of the enterprise name, or a whole 18-character unified social credit code. */
  q: z.string().trim().max(64).optional(),
  province: provinceCode.optional(),
  city: cityCode.optional(),
  /** 一级 to 五级; a 自定义评估's certificate (no level) matches no level. */
  level: z.coerce.number().int().min(1, '等级为一级至五级').max(5, '等级为一级至五级').optional(),
  /** GB/T 4754-2017 manufacturing 大类 (2 digits) or 中类 (3 digits). */
  industry: z.string().regex(/^\d{2,3}$/, '行业代码为 2 位大类或 3 位中类').optional(),
  bodyId: z.uuid('无效的评估机构编号').optional(),
  /** The year a certificate was issued, or a source was published. */
  year: z.coerce.number().int().min(1900, '年份应在 1900 年至 2999 年之间').max(2999, '年份应在 1900 年至 2999 年之间').optional(),
};
const cityInProvince: [(f: { province?: string; city?: string }) => boolean, { message: string; path: string[] }] = [
  (f) => !f.province || !f.city || f.city.startsWith(f.province.slice(0, 2)),
  { message: '所选城市不在所选省份内', path: ['city'] },
];

/** The filter of GET /api/registry/certified/distribution (the list's filter without paging). */
export const registryFilterSchema = z.object(filterFields).refine(...cityInProvince);
export type RegistryFilter = z.infer<typeof registryFilterSchema>;

/** GET /api/registry/certified. */
export const registryQuerySchema = z
  .object({
    ...filterFields,
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine(...cityInProvince);
export type RegistryQuery = z.infer<typeof registryQuerySchema>;

/** As the source published it (the 2022 report's 序号, 省 and 市 cells); null for platform certificates. */
export const publishedAsSchema = z.object({
  rowNo: z.number().int(),
  provinceName: z.string(),
  cityName: z.string(),
});

export const registryEntrySchema = z.object({
  /** Stable key: `certificate:<uuid>` or `<source>:<序号>`. */
  id: z.string(),
  source: registrySourceSchema,
  enterpriseName: z.string(),
  /** The enterprise's unified social credit code (platform certificates only). */
  creditCode: z.string().nullable(),
  /** GB/T 2260 code: the enterprise's county, or as far as a published 省 / 市 resolved. */
  regionCode: z.string().nullable(),
  provinceName: z.string(),
  /** Null when only the province is known (a published city cell repeating the province, a municipality). */
  cityName: z.string().nullable(),
  /** The whole region, e.g. 江苏省 苏州市 昆山市. */
  regionName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  /** Null for a 自定义评估's certificate: `capability` lists its domains instead (it matches no level filter). */
  level: z.number().int().min(1).max(5).nullable(),
  /** 自定义评估: each chosen domain with its capability level (能力度等级); null otherwise. */
  capability: z.array(z.object({ domainId: z.string(), name: z.string(), level: z.number().int().min(0).max(5) })).nullable(),
  scope: z.string(),
  certificateNumber: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** Issue year, or the year the source was published. */
  year: z.number().int(),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  status: certificateStatusSchema,
  published: publishedAsSchema.nullable(),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

export const registryPageSchema = z.object({ items: z.array(registryEntrySchema), total: z.number(), page: z.number(), pageSize: z.number() });
export type RegistryPage = z.infer<typeof registryPageSchema>;

/** GET /api/registry/certified/distribution: the same filter's entries counted by province and level. */
export const registryDistributionSchema = z.object({
  total: z.number(),
  /** Levels 1–5, every one present (0 when none). */
  byLevel: z.array(z.object({ level: z.number().int().min(1).max(5), count: z.number() })),
  /** 自定义评估 certificates (no level): total = byLevel's counts + custom. */
  custom: z.number(),
  /** Provinces with at least one entry, most entries first; counts[i] is level i + 1; total = counts + custom. */
  byProvince: z.array(
    z.object({
      provinceCode: z.string().nullable(),
      provinceName: z.string().nullable(),
      counts: z.array(z.number()).length(5),
      custom: z.number(),
      total: z.number(),
    }),
  ),
});
export type RegistryDistribution = z.infer<typeof registryDistributionSchema>;

/** GET /api/registry/certificates/:number. */
export const certificateNumberParamsSchema = z.object({ number: z.string().trim().min(1, '请填写证书编号').max(40, '证书编号至多 40 个字符') });
