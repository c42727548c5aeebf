// 标准符合性评估: the application, 受理, the team, weights, the two plans and the pre-assessment.
import {
  acceptanceDecisionSchema,
  addTeamMemberSchema,
  applicationChecksSchema,
  applicationSchema,
  assignLeadSchema,
  coiDeclarationSchema,
  confirmPlanSchema,
  domainWeightsSchema,
  feasibilityDecisionSchema,
  formalAssessmentListQuerySchema,
  formalAssessmentSchema,
  formalAssessmentSummarySchema,
  pageOf,
  PLAN_KINDS,
  preAssessmentSchema,
  savePlanSchema,
} from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignLeadAssessor, decideAcceptance, withdrawApplication } from '../services/formal-assessment/decide-acceptance.ts';
import { addTeamMember, declareConflictOfInterest, formTeam, removeTeamMember, reopenTeam } from '../services/formal-assessment/manage-team.ts';
import { confirmPlan, savePlan } from '../services/formal-assessment/plans.ts';
import { decideFeasibility, recordPreAssessment } from '../services/formal-assessment/pre-assessment.ts';
import { listFormalAssessments, readFormalAssessment } from '../services/formal-assessment/read-formal-assessments.ts';
import { setDomainWeights } from '../services/formal-assessment/set-domain-weights.ts';
import { checkApplication, submitApplication } from '../services/formal-assessment/submit-application.ts';

const tags = ['标准符合性评估'];
const idParams = z.object({ id: z.uuid('无效的评估编号') });
const memberParams = idParams.extend({ assessorId: z.uuid('无效的评估人员编号') });
const planParams = idParams.extend({ kind: z.enum(PLAN_KINDS, { error: '计划类型为 pre（预评估计划）或 formal（正式评估计划）' }) });
const view = { 200: formalAssessmentSchema };

export function formalAssessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/formal-assessments',
    { schema: { operationId: 'listFormalAssessments', tags, summary: '评估申请与评估项目列表（按角色限定范围）', querystring: formalAssessmentListQuerySchema, response: { 200: pageOf(formalAssessmentSummarySchema) } } },
    async (request) => listFormalAssessments(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/formal-assessments/checks',
    { schema: { operationId: 'checkApplication', tags, summary: '提交前检查评估申请：不能提交的原因与风险提示', body: applicationSchema, response: { 200: applicationChecksSchema } } },
    async (request) => checkApplication(request.ctx, request.actor, request.body),
  );

  r.post(
    '/api/formal-assessments',
    { schema: { operationId: 'submitApplication', tags, summary: '提交评估申请表', body: applicationSchema, response: { 201: formalAssessmentSchema } } },
    async (request, reply) => reply.status(201).send(await submitApplication(request.ctx, request.actor, request.body)),
  );

  r.get('/api/formal-assessments/:id', { schema: { operationId: 'readFormalAssessment', tags, summary: '一项评估：申请、受理、评估组、计划、预评估', params: idParams, response: view } }, async (request) =>
    readFormalAssessment(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post('/api/formal-assessments/:id/withdrawal', { schema: { operationId: 'withdrawApplication', tags, summary: '撤回评估申请（现场预评估开始前）', params: idParams, response: view } }, async (request) =>
    withdrawApplication(request.ctx, request.actor, { id: request.params.id }),
  );

  r.put(
    '/api/formal-assessments/:id/lead',
    { schema: { operationId: 'assignLeadAssessor', tags, summary: '指定主任评估师（评估组长）', params: idParams, body: assignLeadSchema, response: view } },
    async (request) => assignLeadAssessor(request.ctx, request.actor, { id: request.params.id, assessorId: request.body.assessorId }),
  );

  r.post(
    '/api/formal-assessments/:id/acceptance',
    { schema: { operationId: 'decideAcceptance', tags, summary: '受理或不予受理评估申请', params: idParams, body: acceptanceDecisionSchema, response: view } },
    async (request) => decideAcceptance(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  r.put(
    '/api/formal-assessments/:id/team/:assessorId',
    { schema: { operationId: 'addTeamMember', tags, summary: '添加评估组成员（评估组员或企业内部评估师）', params: memberParams, body: addTeamMemberSchema, response: view } },
    async (request) => addTeamMember(request.ctx, request.actor, { ...request.params, teamRole: request.body.teamRole }),
  );

  r.delete('/api/formal-assessments/:id/team/:assessorId', { schema: { operationId: 'removeTeamMember', tags, summary: '移出评估组成员', params: memberParams, response: view } }, async (request) =>
    removeTeamMember(request.ctx, request.actor, request.params),
  );

  r.post(
    '/api/formal-assessments/:id/team/:assessorId/declaration',
    { schema: { operationId: 'declareConflictOfInterest', tags, summary: '利益冲突声明（存在冲突即退出评估组）', params: memberParams, body: coiDeclarationSchema, response: view } },
    async (request) => declareConflictOfInterest(request.ctx, request.actor, { ...request.params, ...request.body }),
  );

  r.post('/api/formal-assessments/:id/team/formation', { schema: { operationId: 'formTeam', tags, summary: '确认组建评估组', params: idParams, response: view } }, async (request) =>
    formTeam(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post('/api/formal-assessments/:id/team/reopening', { schema: { operationId: 'reopenTeam', tags, summary: '重新调整评估组（计划须由企业再次确认）', params: idParams, response: view } }, async (request) =>
    reopenTeam(request.ctx, request.actor, { id: request.params.id }),
  );

  r.put(
    '/api/formal-assessments/:id/weights',
    { schema: { operationId: 'setDomainWeights', tags, summary: '确定能力域权重（含依据；null 恢复标准权重）', params: idParams, body: domainWeightsSchema, response: view } },
    async (request) => setDomainWeights(request.ctx, request.actor, { id: request.params.id, weights: request.body.weights, rationale: request.body.rationale }),
  );

  r.put(
    '/api/formal-assessments/:id/plans/:kind',
    { schema: { operationId: 'savePlan', tags, summary: '编制或修改预评估计划、正式评估计划', params: planParams, body: savePlanSchema, response: view } },
    async (request) => savePlan(request.ctx, request.actor, { id: request.params.id, kind: request.params.kind, plan: request.body }),
  );

  r.post(
    '/api/formal-assessments/:id/plans/:kind/confirmation',
    { schema: { operationId: 'confirmPlan', tags, summary: '企业确认评估计划（指定版本）', params: planParams, body: confirmPlanSchema, response: view } },
    async (request) => confirmPlan(request.ctx, request.actor, { id: request.params.id, kind: request.params.kind, version: request.body.version }),
  );

  r.put(
    '/api/formal-assessments/:id/pre-assessment',
    { schema: { operationId: 'recordPreAssessment', tags, summary: '填写现场预评估记录', params: idParams, body: preAssessmentSchema, response: view } },
    async (request) => recordPreAssessment(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );

  r.post(
    '/api/formal-assessments/:id/pre-assessment/decision',
    { schema: { operationId: 'decideFeasibility', tags, summary: '预评估结论：具备正式评估条件或终止评估', params: idParams, body: feasibilityDecisionSchema, response: view } },
    async (request) => decideFeasibility(request.ctx, request.actor, { id: request.params.id, ...request.body }),
  );
}
