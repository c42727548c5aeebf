// 企业自诊断 over HTTP: list, 新建, 调查问卷, answers (autosave and 保存), plausibility, 提交, 查看结果.
import {
  capabilityProfileViewSchema,
  createSelfDiagnosisSchema,
  peerPositionSchema,
  plausibilityWarningSchema,
  quotaSchema,
  policyMatchSchema,
  requirementNoteSchema,
  roadmapEntrySchema,
  scoreResultSchema,
  saveAnswerSchema,
  saveAnswersSchema,
  selfDiagnosisSchema,
  selfDiagnosisSummarySchema,
  submitLevelResultSchema,
  surveySchema,
  translationNoticeSchema,
  viewReadinessSchema,
} from '@cmmm/contract';
import type { MaturityLevel } from '@cmmm/model';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPlausibility } from '../services/self-diagnosis/check-plausibility.ts';
import { createSelfDiagnosis } from '../services/self-diagnosis/create-self-diagnosis.ts';
import { exportAsScoreInput, exportAsWorkbook } from '../services/self-diagnosis/export-self-diagnosis.ts';
import { listOwnSelfDiagnoses, readQuestionnaire, readSelfDiagnosis } from '../services/self-diagnosis/read-self-diagnoses.ts';
import { saveAnswer, saveAnswers } from '../services/self-diagnosis/save-answers.ts';
import { renderSelfDiagnosisReport } from '../services/self-diagnosis/self-diagnosis-report.ts';
import { readSelfDiagnosisResult } from '../services/self-diagnosis/self-diagnosis-result.ts';
import { submitLevel } from '../services/self-diagnosis/submit-level.ts';
import { submitSurvey } from '../services/self-diagnosis/submit-survey.ts';
import { langQuery } from '../services/platform/model-text.ts';

const tags = ['企业自诊断'];
const idParams = z.object({ id: z.uuid('无效的自诊断编号') });

export function selfDiagnosisRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/self-diagnoses',
    { schema: { operationId: 'listSelfDiagnoses', tags, summary: '本企业的自诊断、本月剩余次数', response: { 200: z.object({ diagnoses: z.array(selfDiagnosisSummarySchema), quota: quotaSchema, inProgressId: z.string().nullable() }) } } },
    async (request) => listOwnSelfDiagnoses(request.ctx, request.actor),
  );

  r.post(
    '/api/self-diagnoses',
    { schema: { operationId: 'createSelfDiagnosis', tags, summary: '新建自诊断（确认企业类型与裁剪，之后不能更改）', body: createSelfDiagnosisSchema, response: { 201: selfDiagnosisSchema } } },
    async (request, reply) => {
      return reply.status(201).send(await createSelfDiagnosis(request.ctx, request.actor, request.body));
    },
  );

  r.get('/api/self-diagnoses/:id', { schema: { operationId: 'readSelfDiagnosis', tags, summary: '一次自诊断：状态、调查问卷、答案、已提交等级', params: idParams, response: { 200: selfDiagnosisSchema } } }, async (request) =>
    readSelfDiagnosis(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/self-diagnoses/:id/questionnaire',
    { schema: { operationId: 'readQuestionnaire', tags, summary: '某一级的题目（仅本次需作答的部分），含“！”说明', params: idParams, querystring: langQuery.extend({ level: z.coerce.number().int().min(1).max(5) }) } },
    async (request) => readQuestionnaire(request.ctx, request.actor, { id: request.params.id, level: request.query.level as MaturityLevel, lang: request.query.lang }),
  );

  r.put('/api/self-diagnoses/:id/survey', { schema: { operationId: 'submitSurvey', tags, summary: '保存调查问卷并开始答题（提交后不可修改）', params: idParams, body: surveySchema, response: { 200: selfDiagnosisSchema } } }, async (request) => {
    return submitSurvey(request.ctx, request.actor, { id: request.params.id, survey: request.body });
  });

  r.put(
    '/api/self-diagnoses/:id/answers/:requirementId',
    {
      schema: {
        operationId: 'saveAnswer',
        tags,
        summary: '自动保存一道题的答案',
        params: idParams.extend({ requirementId: z.string().max(30) }),
        body: saveAnswerSchema,
        response: { 200: z.object({ requirementId: z.string(), grade: z.string(), savedAt: z.string() }) },
      },
    },
    async (request) => {
      const { id, requirementId } = request.params;
      const savedAt = await saveAnswer(request.ctx, request.actor, { id, requirementId, grade: request.body.grade });
      return { requirementId, grade: request.body.grade, savedAt: savedAt.toISOString() };
    },
  );

  r.put(
    '/api/self-diagnoses/:id/answers',
    { schema: { operationId: 'saveAnswers', tags, summary: '保存：一次保存多道题', params: idParams, body: saveAnswersSchema, response: { 200: z.object({ saved: z.number(), savedAt: z.string() }) } } },
    async (request) => {
      const { saved, at } = await saveAnswers(request.ctx, request.actor, { id: request.params.id, answers: request.body.answers });
      return { saved, savedAt: at.toISOString() };
    },
  );

  r.get(
    '/api/self-diagnoses/:id/plausibility',
    { schema: { operationId: 'checkPlausibility', tags, summary: '提交前核对：与调查问卷矛盾的答案（仅提示，仍可提交）', params: idParams, response: { 200: z.object({ warnings: z.array(plausibilityWarningSchema) }) } } },
    async (request) => checkPlausibility(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post('/api/self-diagnoses/:id/submit', { schema: { operationId: 'submitLevel', tags, summary: '提交当前等级并评分', params: idParams, response: { 200: submitLevelResultSchema } } }, async (request) =>
    submitLevel(request.ctx, request.actor, { id: request.params.id }),
  );

  r.get(
    '/api/self-diagnoses/:id/result',
    {
      schema: {
        operationId: 'readSelfDiagnosisResult',
        tags,
        summary: '查看结果：等级、得分、分解、差距分析、强项与弱项、同行位置、能力度等级与应用视图',
        params: idParams,
        querystring: langQuery,
        response: {
          200: z.object({
            diagnosis: selfDiagnosisSummarySchema,
            result: scoreResultSchema.describe('the engine result, as `cmmm score` prints it (versioned: schemaVersion)'),
            strengths: z.array(requirementNoteSchema),
            weakPoints: z.array(requirementNoteSchema),
            peers: z.array(peerPositionSchema),
            roadmap: z.array(roadmapEntrySchema).describe('the improvement roadmap (@cmmm/advice)'),
            policies: z.array(policyMatchSchema).describe('policies rewarding the current or next level in the enterprise\'s region (@cmmm/advice)'),
            profile: capabilityProfileViewSchema.describe('能力度等级 of every assessed domain and subdomain (@cmmm/advice)'),
            views: z.array(viewReadinessSchema).describe('readiness for the application views 智能车间, 智能工厂, 智慧供应链 (seed 004 chapter 2)'),
            translation: translationNoticeSchema.optional().describe('with lang=en: the model text is an unofficial translation; the Chinese originals are in textZh'),
          }),
        },
      },
    },
    async (request) => readSelfDiagnosisResult(request.ctx, request.actor, { id: request.params.id, lang: request.query.lang }),
  );

  r.get('/api/self-diagnoses/:id/export.json', { schema: { operationId: 'exportSelfDiagnosisJson', tags, summary: '导出答案（cmmm score 输入格式，可离线重新评分）', params: idParams } }, async (request, reply) => {
    const input = await exportAsScoreInput(request.ctx, request.actor, { id: request.params.id });
    return reply
      .header('content-disposition', `attachment; filename="self-diagnosis-${request.params.id.slice(0, 8)}.json"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(input, null, 2));
  });

  r.get('/api/self-diagnoses/:id/export.xlsx', { schema: { operationId: 'exportSelfDiagnosisWorkbook', tags, summary: '导出 Excel：答案与各节点得分', params: idParams } }, async (request, reply) => {
    const workbook = await exportAsWorkbook(request.ctx, request.actor, { id: request.params.id });
    return reply
      .header('content-disposition', `attachment; filename="self-diagnosis-${request.params.id.slice(0, 8)}.xlsx"`)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(workbook);
  });

  r.get(
    '/api/self-diagnoses/:id/report.pdf',
    { schema: { operationId: 'renderSelfDiagnosisReport', tags, summary: '查看报告：下载 PDF 自诊断报告', params: idParams, querystring: z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }) } },
    async (request, reply) => {
      const { pdf, reportNumber } = await renderSelfDiagnosisReport(request.ctx, request.actor, { id: request.params.id, language: request.query.lang });
      return reply
        .header('content-disposition', `attachment; filename="${reportNumber}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );
}
