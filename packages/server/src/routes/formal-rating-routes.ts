// 正式评估 on site: the first meeting, the working sheet, evidence and its files, ratings, the
// consensus, domain summaries, the roll-up and the result.
import {
  domainSummaryInputSchema,
  firstMeetingSchema,
  formalAssessmentSchema,
  findingResponseInputSchema,
  formalResultViewSchema,
  lastMeetingSchema,
  requirementParamsSchema,
  saveConsensusSchema,
  responseDecisionSchema,
  saveRatingSchema,
  workingSheetSchema,
} from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideResponse, finaliseResult, respondToFinding, shareResult } from '../services/formal-assessment/communicate-result.ts';
import { recordFirstMeeting } from '../services/formal-assessment/first-meeting.ts';
import { saveConsensus, saveDomainSummary, saveRating, submitRatings } from '../services/formal-assessment/ratings.ts';
import { readFormalResult, reopenRating, rollUp } from '../services/formal-assessment/roll-up.ts';
import { readWorkingSheet } from '../services/formal-assessment/working-sheet.ts';

const tags = ['正式评估'];
const idParams = z.object({ id: z.uuid('无效的评估编号') });
const domainParams = idParams.extend({ domainId: z.string().min(1).max(10) });
const view = { 200: formalAssessmentSchema };
const savedRating = z.object({ requirementId: z.string(), grade: z.enum(['FI', 'LI', 'PI', 'NI']) });

export function formalRatingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.put(
    '/api/formal-assessments/:id/first-meeting',
    { schema: { operationId: 'recordFirstMeeting', tags, summary: '记录首次会议（首次记录即开始正式评估）', params: idParams, body: firstMeetingSchema, response: view } },
    async (request) => recordFirstMeeting(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  r.get(
    '/api/formal-assessments/:id/working-sheet',
    { schema: { operationId: 'readWorkingSheet', tags, summary: '评估工作表：范围内每条要求的企业自评、证据、评分与组内一致意见', params: idParams, response: { 200: workingSheetSchema } } },
    async (request) => readWorkingSheet(request.ctx, request.actor, { id: request.params.id }),
  );

  r.put(
    '/api/formal-assessments/:id/ratings/:requirementId',
    { schema: { operationId: 'saveRating', tags, summary: '评估师本人对一条要求评分（NI/PI/LI/FI）', params: requirementParamsSchema, body: saveRatingSchema, response: { 200: savedRating } } },
    async (request) => saveRating(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post(
    '/api/formal-assessments/:id/ratings/submission',
    { schema: { operationId: 'submitRatings', tags, summary: '提交本人评分（提交后可见其他成员已提交的评分）', params: idParams, response: { 200: z.object({ submitted: z.boolean() }) } } },
    async (request) => submitRatings(request.ctx, request.actor, { id: request.params.id }),
  );

  r.put(
    '/api/formal-assessments/:id/consensus/:requirementId',
    { schema: { operationId: 'saveConsensus', tags, summary: '记录组内一致意见（评估组长）', params: requirementParamsSchema, body: saveConsensusSchema, response: { 200: savedRating } } },
    async (request) => saveConsensus(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.put(
    '/api/formal-assessments/:id/domain-summaries/:domainId',
    { schema: { operationId: 'saveDomainSummary', tags, summary: '能力域评估综述：优势、不足与改进方向（评估组长）', params: domainParams, body: domainSummaryInputSchema, response: { 200: z.object({ domainId: z.string() }) } } },
    async (request) => saveDomainSummary(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post('/api/formal-assessments/:id/roll-up', { schema: { operationId: 'rollUpFormalAssessment', tags, summary: '成熟度级别判定（全部要求有组内一致意见后）', params: idParams, response: view } }, async (request) =>
    rollUp(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post('/api/formal-assessments/:id/rating-reopening', { schema: { operationId: 'reopenRating', tags, summary: '撤销等级判定，重新评分', params: idParams, response: view } }, async (request) =>
    reopenRating(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/formal-assessments/:id/result',
    { schema: { operationId: 'readFormalResult', tags, summary: '正式评估结果：等级、得分、能力度等级、与自诊断的对比、评估发现', params: idParams, response: { 200: formalResultViewSchema } } },
    async (request) => readFormalResult(request.ctx, request.actor, { id: request.params.id }),
  );

  // 沟通评估结果 and 末次会议 (seed 003 §8.4)
  r.post('/api/formal-assessments/:id/result-sharing', { schema: { operationId: 'shareFormalResult', tags, summary: '将评估结果（草稿）提交企业沟通', params: idParams, response: view } }, async (request) =>
    shareResult(request.ctx, request.actor, { id: request.params.id }),
  );

  r.put(
    '/api/formal-assessments/:id/responses/:requirementId',
    { schema: { operationId: 'respondToFinding', tags, summary: '企业对一项评估发现再次论证（处理前可修改）', params: requirementParamsSchema, body: findingResponseInputSchema, response: { 200: z.object({ requirementId: z.string() }) } } },
    async (request) => respondToFinding(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post(
    '/api/formal-assessments/:id/responses/:requirementId/decision',
    { schema: { operationId: 'decideFindingResponse', tags, summary: '评估组长采纳（可调整评分）或不采纳企业论证，并说明理由', params: requirementParamsSchema, body: responseDecisionSchema, response: { 200: savedRating } } },
    async (request) => decideResponse(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post(
    '/api/formal-assessments/:id/finalisation',
    { schema: { operationId: 'finaliseFormalResult', tags, summary: '记录末次会议并确定最终评估结果', params: idParams, body: lastMeetingSchema, response: view } },
    async (request) => finaliseResult(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );
}
