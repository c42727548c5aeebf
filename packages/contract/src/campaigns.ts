// 推进活动 on the wire (issue 11 §5): a sub-platform admin's participation target (so many enterprises of a
// region completing a self-diagnosis between two dates, China time), its progress by city, county and major
// class (every count below MIN_GROUP_SIZE suppressed), and the region's enterprises to follow up.
import { z } from 'zod';

const day = z.iso.date('日期格式应为 YYYY-MM-DD');
const regionCode = z.string().trim().regex(/^\d{6}$/, '地区代码应为 6 位数字（GB/T 2260 行政区划代码）');
const industryMajor = z.string().trim().regex(/^\d{2}$/, '行业应为 GB/T 4754 的两位大类代码');
const title = z.string().trim().min(1, '请填写名称').max(60, '名称不超过 60 个字');
const target = z.number().int('目标企业数应为整数').min(1, '目标企业数须大于 0').max(10_000_000, '目标企业数过大');

const END_BEFORE_START = '结束日期不能早于开始日期';
const datesInOrder = (v: { startsOn?: string; endsOn?: string }) => v.startsOn === undefined || v.endsOn === undefined || v.endsOn >= v.startsOn;

/** regionCode null: the whole nation (the platform admin only). */
export const createCampaignSchema = z
  .object({ title, regionCode: regionCode.nullable(), target, industryMajor: industryMajor.nullable().default(null), startsOn: day, endsOn: day })
  .refine(datesInOrder, { path: ['endsOn'], message: END_BEFORE_START });
export type CreateCampaignRequest = z.input<typeof createCampaignSchema>;

/** Everything but the region may change while the campaign is open; dates are checked against the stored ones too. */
export const updateCampaignSchema = z
  .object({ title: title.optional(), target: target.optional(), industryMajor: industryMajor.nullable().optional(), startsOn: day.optional(), endsOn: day.optional() })
  .refine(datesInOrder, { path: ['endsOn'], message: END_BEFORE_START });
export type UpdateCampaignRequest = z.input<typeof updateCampaignSchema>;

export const CAMPAIGN_STATUSES = ['upcoming', 'running', 'ended', 'closed'] as const;

export const campaignViewSchema = z.object({
  id: z.string(),
  /** null: a nation-wide campaign (regionName 全国). */
  regionCode: z.string().nullable(),
  regionName: z.string(),
  title: z.string(),
  target: z.number().int(),
  industryMajor: z.string().nullable(),
  industryName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** upcoming before startsOn, running through endsOn, ended after it (China time); closed once an admin closed it. */
  status: z.enum(CAMPAIGN_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignViewSchema) });

/** A count of enterprises, or null when it rests on fewer than MIN_GROUP_SIZE. */
const countSchema = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
const groupSchema = z.object({ code: z.string(), name: z.string(), completed: countSchema });

export const campaignProgressSchema = campaignViewSchema.extend({
  progress: z.object({
    minGroupSize: z.number().int(),
    /** Distinct enterprises of the region (and class) that completed a self-diagnosis inside the window. */
    completed: countSchema,
    /** completed / target in percent (one decimal), null when completed is suppressed. */
    percent: z.number().nullable(),
    /** Days left including today (China time), 0 once ended or closed. */
    daysLeft: z.number().int(),
    today: z.string(),
    /**
     * The regions inside the campaign's, two levels down at most (the nation: provinces and cities; a province:
     * cities and counties; a city: counties; a county: none), each with ≥ k enterprises shown, and hidden
     * within its parent as within the total (a hidden parent hides its children).
     */
    byProvince: z.array(groupSchema),
    byCity: z.array(groupSchema),
    byCounty: z.array(groupSchema),
    /** By GB/T 4754 major class. */
    byIndustry: z.array(groupSchema),
  }),
});
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

/** never: registered, never completed a self-diagnosis; stale: the valid result is older than 365 days. */
export const FOLLOW_UP_KINDS = ['never', 'stale'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const followUpQuerySchema = z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  after: z.string().max(200).optional().describe("上一页响应中的 next（游标分页）· the previous page's `next` (keyset cursor)"),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FollowUpQuery = z.input<typeof followUpQuerySchema>;

export const followUpEnterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionPath: z.string(),
  industryCode: z.string(),
  industryName: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  registeredAt: z.string(),
  /** stale: when its valid result was completed. */
  lastCompletedAt: z.string().nullable(),
});
export type FollowUpEnterprise = z.infer<typeof followUpEnterpriseSchema>;

export const followUpPageSchema = z.object({
  kind: z.enum(FOLLOW_UP_KINDS),
  enterprises: z.array(followUpEnterpriseSchema),
  next: z.string().nullable(),
  /** Counted exactly up to 10,000; `totalCapped` when there are more. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type FollowUpPage = z.infer<typeof followUpPageSchema>;
