// 推进活动 (issue 11 §5): a sub-platform admin's participation targets, their progress and the region's
// enterprises to follow up (the web exports those lists page by page as CSV and Excel).
import { campaignListSchema, campaignProgressSchema, campaignViewSchema, createCampaignSchema, followUpPageSchema, followUpQuerySchema, updateCampaignSchema } from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeCampaign, createCampaign, listCampaigns, updateCampaign } from '../services/campaigns/manage-campaigns.ts';
import { listFollowUp, readCampaign } from '../services/campaigns/read-campaign.ts';

const tags = ['推进活动'];
const params = z.object({ id: z.uuid('无效的活动编号') });

export function campaignRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/campaigns',
    { schema: { operationId: 'listCampaigns', tags, summary: '推进活动列表（平台管理员：全部；地方分平台管理员：本地区及下级地区）', response: { 200: campaignListSchema } } },
    async (request) => listCampaigns(request.ctx, request.actor),
  );

  r.post(
    '/api/campaigns',
    { schema: { operationId: 'createCampaign', tags, summary: '设立推进活动：地区（null 为全国，仅平台管理员）、目标企业数、行业（可选）、起止日期', body: createCampaignSchema, response: { 201: campaignViewSchema } } },
    async (request, reply) => reply.code(201).send(await createCampaign(request.ctx, request.actor, request.body)),
  );

  r.get(
    '/api/campaigns/:id',
    { schema: { operationId: 'readCampaign', tags, summary: '推进活动及进度：期间内完成自诊断的企业数（去重）、按市、区县和行业分布（少于 5 家企业的数字不显示）', params, response: { 200: campaignProgressSchema } } },
    async (request) => readCampaign(request.ctx, request.actor, request.params),
  );

  r.patch(
    '/api/campaigns/:id',
    { schema: { operationId: 'updateCampaign', tags, summary: '修改推进活动（名称、目标、行业、起止日期）', params, body: updateCampaignSchema, response: { 200: campaignViewSchema } } },
    async (request) => updateCampaign(request.ctx, request.actor, { ...request.body, id: request.params.id }),
  );

  r.post(
    '/api/campaigns/:id/close',
    { schema: { operationId: 'closeCampaign', tags, summary: '结束推进活动（之后不能再修改）', params, response: { 200: campaignViewSchema } } },
    async (request) => closeCampaign(request.ctx, request.actor, request.params),
  );

  r.get(
    '/api/campaigns/:id/enterprises',
    {
      schema: {
        operationId: 'listCampaignFollowUp',
        tags,
        summary: '待跟进企业：从未完成自诊断的已注册企业（never）或有效结果已超过一年的企业（stale），游标分页',
        params,
        querystring: followUpQuerySchema,
        response: { 200: followUpPageSchema },
      },
    },
    async (request) => listFollowUp(request.ctx, request.actor, { ...request.params, ...request.query }),
  );
}
