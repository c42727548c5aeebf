// 评估机构, 评估人员 and their qualifications, 标准培训, certificates held, and the public 信息查询.
import {
  addQualificationSchema,
  assessmentBodySchema,
  assessorListQuerySchema,
  assessorSchema,
  certificateSchema,
  createAssessmentBodySchema,
  createAssessorSchema,
  createTrainingCourseSchema,
  decideQualificationSchema,
  directoryAssessorSchema,
  directoryBodySchema,
  directoryQuerySchema,
  pageOf,
  qualificationSchema,
  recordCertificateSchema,
  recordTrainingResultSchema,
  trainingCourseSchema,
  updateAssessmentBodySchema,
  updateAssessorSchema,
} from '@cmmm/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAssessmentBodies, registerAssessmentBody, updateAssessmentBody } from '../services/assessors/assessment-bodies.ts';
import { listEnterpriseCertificates, recordCertificate } from '../services/assessors/certificates.ts';
import { listPublicAssessors, listPublicBodies } from '../services/assessors/directory.ts';
import { listAssessors, readAssessor, readOwnAssessorRecord, registerAssessor, updateAssessor } from '../services/assessors/manage-assessors.ts';
import { addQualification, decideQualification } from '../services/assessors/qualifications.ts';
import { createTrainingCourse, enrolParticipant, listTrainingCourses, readTrainingCourse, recordTrainingResult } from '../services/assessors/trainings.ts';

const PUBLIC = ['信息查询'];
const tags = ['评估机构与人员'];

const page = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) });
const bodyId = z.object({ id: z.uuid('无效的评估机构编号') });
const assessorId = z.object({ id: z.uuid('无效的评估人员编号') });
const courseId = z.object({ id: z.uuid('无效的培训编号') });

export function assessorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ---- 信息查询 (no login)

  r.get(
    '/api/directory/assessors',
    {
      schema: {
        operationId: 'listPublicAssessors',
        tags: PUBLIC,
        summary: '评估人员公开查询：每项已登记的评估师、主任评估师、高成熟度主任评估师、培训讲师证书一行（不含手机号）',
        querystring: directoryQuerySchema,
        response: { 200: pageOf(directoryAssessorSchema) },
      },
    },
    async (request) => listPublicAssessors(request.ctx, request.actor, request.query),
  );

  r.get(
    '/api/directory/bodies',
    {
      schema: {
        operationId: 'listPublicBodies',
        tags: PUBLIC,
        summary: '评估机构公开查询：名称、所在地区、联系人、当前有效的主任评估师人数',
        querystring: directoryQuerySchema.omit({ grade: true }),
        response: { 200: pageOf(directoryBodySchema) },
      },
    },
    async (request) => listPublicBodies(request.ctx, request.actor, request.query),
  );

  // ---- 评估机构

  r.get(
    '/api/assessment-bodies',
    {
      schema: {
        operationId: 'listAssessmentBodies',
        tags,
        summary: '评估机构列表（按名称或统一社会信用代码查找）',
        querystring: page.extend({ q: z.string().trim().max(64).optional() }),
        response: { 200: pageOf(assessmentBodySchema) },
      },
    },
    async (request) => listAssessmentBodies(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/assessment-bodies',
    { schema: { operationId: 'registerAssessmentBody', tags, summary: '登记评估机构', body: createAssessmentBodySchema, response: { 201: assessmentBodySchema } } },
    async (request, reply) => reply.status(201).send(await registerAssessmentBody(request.ctx, request.actor, request.body)),
  );

  r.patch(
    '/api/assessment-bodies/:id',
    { schema: { operationId: 'updateAssessmentBody', tags, summary: '修改评估机构信息', params: bodyId, body: updateAssessmentBodySchema, response: { 200: assessmentBodySchema } } },
    async (request) => updateAssessmentBody(request.ctx, request.actor, { id: request.params.id, patch: request.body }),
  );

  // ---- 评估人员与资质

  r.get(
    '/api/assessors',
    {
      schema: {
        operationId: 'listAssessors',
        tags,
        summary: '评估人员列表（按角色限定范围；pending=true：有待审核资质的人员）',
        querystring: assessorListQuerySchema,
        response: { 200: pageOf(assessorSchema) },
      },
    },
    async (request) => listAssessors(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/assessors',
    {
      schema: {
        operationId: 'registerAssessor',
        tags,
        summary: '登记评估人员（评估机构人员可同时开通账户，返回一次性密码；企业登记本企业内部评估师）',
        body: createAssessorSchema,
        response: { 201: z.object({ assessor: assessorSchema, oneTimePassword: z.string().nullable() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await registerAssessor(request.ctx, request.actor, request.body)),
  );

  r.get(
    '/api/assessors/me',
    { schema: { operationId: 'readOwnAssessorRecord', tags, summary: '本人的评估人员记录与资质', response: { 200: assessorSchema } } },
    async (request) => readOwnAssessorRecord(request.ctx, request.actor),
  );

  r.get(
    '/api/assessors/:id',
    { schema: { operationId: 'readAssessor', tags, summary: '评估人员及其全部资质（晋级历史）', params: assessorId, response: { 200: assessorSchema } } },
    async (request) => readAssessor(request.ctx, request.actor, { id: request.params.id }),
  );

  r.patch(
    '/api/assessors/:id',
    { schema: { operationId: 'updateAssessor', tags, summary: '修改评估人员姓名、手机号、是否公开', params: assessorId, body: updateAssessorSchema, response: { 200: assessorSchema } } },
    async (request) => updateAssessor(request.ctx, request.actor, { id: request.params.id, patch: request.body }),
  );

  r.post(
    '/api/assessors/:id/qualifications',
    {
      schema: {
        operationId: 'addQualification',
        tags,
        summary: '登记资质证书（平台管理员登记即生效，其他人提交后待平台管理员审核）',
        params: assessorId,
        body: addQualificationSchema,
        response: { 201: qualificationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addQualification(request.ctx, request.actor, { assessorId: request.params.id, qualification: request.body })),
  );

  r.post(
    '/api/qualifications/:id/decision',
    {
      schema: {
        operationId: 'decideQualification',
        tags,
        summary: '审核资质：予以登记或不予登记',
        params: z.object({ id: z.uuid('无效的资质编号') }),
        body: decideQualificationSchema,
        response: { 200: qualificationSchema },
      },
    },
    async (request) => decideQualification(request.ctx, request.actor, { id: request.params.id, decision: request.body }),
  );

  // ---- 标准培训

  r.get(
    '/api/trainings',
    { schema: { operationId: 'listTrainingCourses', tags, summary: '培训列表（开始日期新的在前）', querystring: page, response: { 200: pageOf(trainingCourseSchema) } } },
    async (request) => listTrainingCourses(request.ctx, request.actor, request.query),
  );

  r.post(
    '/api/trainings',
    { schema: { operationId: 'createTrainingCourse', tags, summary: '新建培训', body: createTrainingCourseSchema, response: { 201: trainingCourseSchema } } },
    async (request, reply) => reply.status(201).send(await createTrainingCourse(request.ctx, request.actor, request.body)),
  );

  r.get(
    '/api/trainings/:id',
    { schema: { operationId: 'readTrainingCourse', tags, summary: '培训及学员', params: courseId, response: { 200: trainingCourseSchema } } },
    async (request) => readTrainingCourse(request.ctx, request.actor, { id: request.params.id }),
  );

  r.post(
    '/api/trainings/:id/participants',
    {
      schema: {
        operationId: 'enrolParticipant',
        tags,
        summary: '培训报名',
        params: courseId,
        body: z.object({ assessorId: z.uuid('无效的评估人员编号') }),
        response: { 200: trainingCourseSchema },
      },
    },
    async (request) => enrolParticipant(request.ctx, request.actor, { courseId: request.params.id, assessorId: request.body.assessorId }),
  );

  r.put(
    '/api/trainings/:id/participants/:assessorId',
    {
      schema: {
        operationId: 'recordTrainingResult',
        tags,
        summary: '登记培训结果（合格即登记相应等级的资质证书）',
        params: z.object({ id: z.uuid('无效的培训编号'), assessorId: z.uuid('无效的评估人员编号') }),
        body: recordTrainingResultSchema,
        response: { 200: trainingCourseSchema },
      },
    },
    async (request) => recordTrainingResult(request.ctx, request.actor, { courseId: request.params.id, assessorId: request.params.assessorId, result: request.body }),
  );

  // ---- 证书

  r.get(
    '/api/enterprises/:id/certificates',
    {
      schema: {
        operationId: 'listEnterpriseCertificates',
        tags,
        summary: '企业持有的标准符合性评估证书',
        params: z.object({ id: z.uuid('无效的企业编号') }),
        response: { 200: z.object({ items: z.array(certificateSchema) }) },
      },
    },
    async (request) => listEnterpriseCertificates(request.ctx, request.actor, { enterpriseId: request.params.id }),
  );

  r.post(
    '/api/certificates',
    { schema: { operationId: 'recordCertificate', tags, summary: '登记企业已取得的证书', body: recordCertificateSchema, response: { 201: certificateSchema } } },
    async (request, reply) => reply.status(201).send(await recordCertificate(request.ctx, request.actor, request.body)),
  );
}
