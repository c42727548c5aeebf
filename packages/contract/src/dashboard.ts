// 数据看板 on the wire (issue 11 §2): counts, level distribution, 行业指数 Top 10 and region ranking of one
// region, every figure resting on fewer than MIN_GROUP_SIZE enterprises suppressed (null, suppressed: true).
import { z } from 'zod';
import { calibrationSchema, certifiedEnterprisesSchema, countSchema, surveyIndicatorsSchema } from './dashboard-indicators.ts';

export * from './dashboard-indicators.ts';

/** k of k-anonymity: no shown figure rests on fewer enterprises. */
export const MIN_GROUP_SIZE = 5;

export const dashboardQuerySchema = z.object({
  /** A GB/T 2260 code (province, city or county); omitted: the nation (platform admin) or one's own region. */
  region: z.string().trim().regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260 行政区划代码）').optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const DASHBOARD_REGION_LEVELS = ['nation', 'province', 'city', 'county'] as const;
export type DashboardRegionLevel = (typeof DASHBOARD_REGION_LEVELS)[number];

/** seed 002's four bands of the level distribution. */
export const LEVEL_BANDS = [
  { id: 'upTo1', label: '一级及以下', levels: [0, 1] },
  { id: 'level2', label: '二级', levels: [2] },
  { id: 'level3', label: '三级', levels: [3] },
  { id: 'from4', label: '四级及以上', levels: [4, 5] },
] as const;

const regionRefSchema = z.object({ code: z.string().nullable(), name: z.string(), level: z.enum(DASHBOARD_REGION_LEVELS) });

/**
 * 问题短板: a subdomain among the valid results below 五级, at each enterprise's next level (the first one it
 * did not reach): how many had it assessed there and how many scored below 0.8. `below` and `share` (percent of
 * `enterprises`) are hidden below k.
 */
const weakSubdomainSchema = z.object({ id: z.string(), name: z.string(), enterprises: z.number().int(), below: countSchema, share: z.number().nullable() });
/** A group (a GB/T 4754 major class, or a region one level down) of ≥ k enterprises, and its weakest shown subdomain. */
const weakGroupSchema = z.object({ code: z.string(), name: z.string(), enterprises: z.number().int(), weakest: weakSubdomainSchema.nullable() });

export const weakSubdomainsSchema = z.object({
  /** Enterprises of the region with a valid result below 五级 (they have a next level), or null below k. */
  enterprises: countSchema,
  /** The weakest subdomains (highest share below 0.8), at most 10, among those of ≥ k enterprises below. */
  top: z.array(weakSubdomainSchema),
  /** Subdomains with data left out for resting on fewer than k enterprises below 0.8. */
  suppressed: z.number().int(),
  byIndustry: z.array(weakGroupSchema),
  /** The regions one level down (none for a county). */
  byRegion: z.array(weakGroupSchema),
});
export type WeakSubdomains = z.infer<typeof weakSubdomainsSchema>;

export const dashboardSchema = z.object({
  region: regionRefSchema,
  /** From the nation (or the actor's own region) down to this region, for the breadcrumb. */
  path: z.array(regionRefSchema),
  /** True when the operator supplied a map of this region's children (GET /api/dashboard/maps/:region). */
  regionMap: z.boolean().optional(),
  minGroupSize: z.number().int(),
  /** Enterprises with a valid result (their latest completed self-diagnosis), and diagnoses completed. */
  enterprises: countSchema,
  diagnoses: countSchema,
  /** Diagnoses completed month by month (yyyymm, China time), oldest first. */
  months: z.array(z.object({ month: z.number().int(), diagnoses: countSchema })),
  /** Enterprises by the level of their valid result, 0 = 未达一级; share in percent of `enterprises`. */
  levels: z.array(z.object({ level: z.number().int(), enterprises: countSchema, share: z.number().nullable() })),
  bands: z.array(z.object({ band: z.enum(['upTo1', 'level2', 'level3', 'from4']), label: z.string(), enterprises: countSchema, share: z.number().nullable() })),
  /** 行业指数 Top 10: mean display index (20 × S) of the valid results per GB/T 4754 major class, among classes of ≥ k enterprises. */
  industries: z.object({
    top: z.array(z.object({ code: z.string(), name: z.string(), enterprises: z.number().int(), index: z.number() })),
    /** Major classes with results left out for having fewer than k enterprises. */
    suppressed: z.number().int(),
  }),
  /** The next region level down, ranked by mean display index; suppressed regions last, by code. */
  regions: z.object({
    level: z.enum(DASHBOARD_REGION_LEVELS).nullable(),
    rows: z.array(z.object({ code: z.string(), name: z.string(), enterprises: countSchema, index: z.number().nullable() })),
  }),
  weakSubdomains: weakSubdomainsSchema,
  /** 调查问卷 indicators, certified enterprises and self-diagnosed vs certified level (dashboard-indicators.ts). */
  survey: surveyIndicatorsSchema,
  certified: certifiedEnterprisesSchema,
  calibration: calibrationSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/**
 * 公开统计 (issue 11 §4): the nation's figures as the dashboard computes them, for anyone, with the same
 * suppression; `method` states how the index is computed.
 */
export const publicStatisticsSchema = dashboardSchema.pick({ minGroupSize: true, enterprises: true, diagnoses: true, levels: true, bands: true, industries: true }).extend({
  /** When the figures were read (ISO 8601). */
  asOf: z.string(),
  method: z.object({
    /** The display index of one result: 20 × S, S the total score (0–5). */
    index: z.string(),
    /** What a group's index is. */
    groupIndex: z.string(),
    /** The scoring rules followed. */
    rules: z.string(),
  }),
});
export type PublicStatistics = z.infer<typeof publicStatisticsSchema>;
