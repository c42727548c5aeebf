// A campaign as the pages show it: its status and window in China time, the region and class by name.
import type { CampaignView } from '@cmmm/contract';
import { findIndustry, findRegion, regionPrefix } from '@cmmm/reference';
import type { CampaignRow } from '@cmmm/db';
import { addDays, CST_OFFSET_MS } from '../../china-time.ts';
import { AppError } from '../../errors.ts';
import { regionRef } from '../statistics/figures.ts';

/** The significant digits of the campaign's region ('' the nation), as the repositories filter by. */
export const campaignPrefix = (c: Pick<CampaignRow, 'region_code'>): string => (c.region_code === null ? '' : regionPrefix(c.region_code));

export function campaignStatusOf(c: Pick<CampaignRow, 'starts_on' | 'ends_on' | 'closed_at'>, today: string): CampaignView['status'] {
  if (c.closed_at) return 'closed';
  return today < c.starts_on ? 'upcoming' : today > c.ends_on ? 'ended' : 'running';
}

export function campaignViewOf(row: CampaignRow, today: string): CampaignView {
  return {
    id: row.id,
    regionCode: row.region_code,
    regionName: regionRef(campaignPrefix(row)).name,
    title: row.title,
    target: row.target,
    industryMajor: row.industry_major,
    industryName: row.industry_major === null ? null : (findIndustry(row.industry_major)?.name ?? row.industry_major),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: campaignStatusOf(row, today),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** The window [from, to) of the days startsOn … endsOn, China time. */
export const windowOf = (startsOn: string, endsOn: string) => ({
  from: new Date(Date.parse(`${startsOn}T00:00:00Z`) - CST_OFFSET_MS),
  to: new Date(Date.parse(`${addDays(endsOn, 1)}T00:00:00Z`) - CST_OFFSET_MS),
});

/** Days from `today` through `endsOn`, both counted; 0 once past. */
export const daysLeftOf = (endsOn: string, today: string): number => Math.max(0, Math.round((Date.parse(endsOn) - Date.parse(today)) / 86_400_000) + 1);

/** A region a campaign may be set for (a province, city or county of GB/T 2260, or null: the nation) and a major class, or a VALIDATION error naming the field. */
export function checkCampaignTarget(input: { regionCode?: string | null; industryMajor?: string | null }): void {
  if (input.regionCode !== undefined && input.regionCode !== null && !findRegion(input.regionCode)) {
    const message = `没有代码为 ${input.regionCode} 的地区`;
    throw new AppError('UNKNOWN_REGION', message, [{ code: 'UNKNOWN_REGION', path: 'regionCode', message }]);
  }
  const major = input.industryMajor;
  if (major !== undefined && major !== null && findIndustry(major)?.level !== 'major') {
    throw new AppError('VALIDATION', undefined, [{ code: 'UNKNOWN_INDUSTRY', path: 'industryMajor', message: `没有代码为 ${major} 的制造业大类` }]);
  }
}
