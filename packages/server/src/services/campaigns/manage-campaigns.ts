// 推进活动 (issue 11 §5): a sub-platform admin sets a participation target for its region (or a region inside
// it), changes it while it is open and closes it; the platform admin does so for any region. Each change is
// audited in its transaction.
import type { CampaignView, CreateCampaignRequest, UpdateCampaignRequest } from '@cmmm/contract';
import type { CampaignRow } from '@cmmm/db';
import { regionPrefix } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canManageCampaignIn, canManageCampaigns, oversightOf, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { campaignViewOf, checkCampaignTarget } from './campaign-view.ts';

/** A region's campaigns are few (a handful a year): one list, no paging. */
export const CAMPAIGN_LIST_LIMIT = 200;

export async function listCampaigns(ctx: ServiceContext, actor: Actor | null): Promise<{ campaigns: CampaignView[] }> {
  authorize(actor, canManageCampaigns(actor));
  const oversight = oversightOf(actor);
  const rows = await ctx.repos.campaigns.listCampaigns(oversight.all ? '' : regionPrefix(oversight.regionCode), CAMPAIGN_LIST_LIMIT);
  const today = beijingDay(ctx.now());
  return { campaigns: rows.map((row) => campaignViewOf(row, today)) };
}

export async function createCampaign(ctx: ServiceContext, actor: Actor | null, input: CreateCampaignRequest): Promise<CampaignView> {
  authorize(actor, canManageCampaigns(actor));
  authorize(actor, canManageCampaignIn(actor, input.regionCode), 'CAMPAIGN_REGION_FORBIDDEN');
  checkCampaignTarget(input);
  const id = newId();
  const row = await ctx.transaction(async (tx) => {
    await tx.repos.campaigns.insertCampaign({ id, regionCode: input.regionCode, title: input.title, target: input.target, industryMajor: input.industryMajor ?? null, startsOn: input.startsOn, endsOn: input.endsOn, createdBy: actor.id });
    await recordAudit(tx, actor, 'campaign.created', { type: 'campaign', id }, { regionCode: input.regionCode, target: input.target, startsOn: input.startsOn, endsOn: input.endsOn });
    return (await tx.repos.campaigns.findCampaign(id))!;
  });
  return campaignViewOf(row, beijingDay(ctx.now()));
}

/** The campaign when the actor may manage it; otherwise NOT_FOUND, like a missing one (no probing ids). */
export async function manageableCampaign(ctx: ServiceContext, actor: Actor | null, id: string, lock = false): Promise<CampaignRow> {
  authorize(actor, canManageCampaigns(actor));
  const row = lock ? await ctx.repos.campaigns.lockCampaign(id) : await ctx.repos.campaigns.findCampaign(id);
  if (!row || !canManageCampaignIn(actor, row.region_code)) throw new AppError('NOT_FOUND');
  return row;
}

export async function updateCampaign(ctx: ServiceContext, actor: Actor | null, input: { id: string } & UpdateCampaignRequest): Promise<CampaignView> {
  const row = await ctx.transaction(async (tx) => {
    const current = await manageableCampaign(tx, actor, input.id, true);
    checkCampaignTarget(input);
    if (current.closed_at) throw new AppError('CAMPAIGN_CLOSED');
    const next = {
      title: input.title ?? current.title,
      target: input.target ?? current.target,
      industryMajor: input.industryMajor === undefined ? current.industry_major : input.industryMajor,
      startsOn: input.startsOn ?? current.starts_on,
      endsOn: input.endsOn ?? current.ends_on,
    };
    if (next.endsOn < next.startsOn) {
      throw new AppError('VALIDATION', undefined, [{ code: 'CAMPAIGN_DATES', path: input.endsOn === undefined ? 'startsOn' : 'endsOn', message: '结束日期不能早于开始日期' }]);
    }
    await tx.repos.campaigns.updateCampaign(current.id, next, tx.now());
    const changed = Object.fromEntries(Object.entries(next).filter(([k]) => (input as Record<string, unknown>)[k] !== undefined));
    await recordAudit(tx, actor!, 'campaign.updated', { type: 'campaign', id: current.id }, changed);
    return (await tx.repos.campaigns.findCampaign(current.id))!;
  });
  return campaignViewOf(row, beijingDay(ctx.now()));
}

/** 结束: no more changes; its progress and follow-up lists stay readable. */
export async function closeCampaign(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<CampaignView> {
  const row = await ctx.transaction(async (tx) => {
    const current = await manageableCampaign(tx, actor, input.id, true);
    if (current.closed_at) throw new AppError('CAMPAIGN_CLOSED');
    await tx.repos.campaigns.closeCampaign(current.id, tx.now());
    await recordAudit(tx, actor!, 'campaign.closed', { type: 'campaign', id: current.id }, { regionCode: current.region_code });
    return (await tx.repos.campaigns.findCampaign(current.id))!;
  });
  return campaignViewOf(row, beijingDay(ctx.now()));
}
