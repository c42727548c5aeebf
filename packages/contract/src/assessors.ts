// Assessment bodies (评估机构), assessors and their qualifications, training courses, certificates an
// enterprise holds, and the public 信息查询 — on the wire (seed 002: 标准培训, 晋级程序, 信息查询).
import { z } from 'zod';
import { mobileSchema, trimmed } from './schemas.ts';

/** 'YYYY-MM-DD', a real calendar date. */
export const dateSchema = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期')
  // PostgreSQL has no year 0000; no certificate or plan falls outside these years.
  .refine((s) => s >= '1900-01-01' && s <= '2999-12-31', '日期应在 1900 年至 2999 年之间');

// ---- qualifications

/** The grade path of seed 002 (intro → 评估师 → 主任评估师 → 高成熟度主任评估师), plus 培训讲师. */
export const QUALIFICATION_GRADES = ['intro', 'assessor', 'lead_assessor', 'high_maturity_lead', 'trainer'] as const;
export const qualificationGradeSchema = z.enum(QUALIFICATION_GRADES, { error: '未知的资质等级' });
export type QualificationGrade = z.infer<typeof qualificationGradeSchema>;
export const QUALIFICATION_GRADE_NAMES: Record<QualificationGrade, { zh: string; en: string }> = {
  intro: { zh: '内部评估师（CMMM intro 培训合格）', en: 'Internal assessor (CMMM intro)' },
  assessor: { zh: '评估师', en: 'Assessor' },
  lead_assessor: { zh: '主任评估师', en: 'Lead assessor' },
  high_maturity_lead: { zh: '高成熟度主任评估师', en: 'High-maturity lead assessor' },
  trainer: { zh: '培训讲师', en: 'Trainer' },
};

export const QUALIFICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type QualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

export const qualificationSchema = z.object({
  id: z.string(),
  assessorId: z.string(),
  grade: qualificationGradeSchema,
  certificateNumber: z.string(),
  issuingBody: z.string(),
  obtainedOn: z.string(),
  validUntil: z.string(),
  /** 待审核 / 已登记 / 未通过: only approved ones count. */
  status: z.enum(QUALIFICATION_STATUSES),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  trainingId: z.string().nullable(),
  createdAt: z.string(),
  /** Approved and valid today (China Standard Time). */
  validToday: z.boolean(),
});
export type Qualification = z.infer<typeof qualificationSchema>;

export const addQualificationSchema = z
  .object({
    grade: qualificationGradeSchema,
    certificateNumber: trimmed(40, '证书编号'),
    issuingBody: trimmed(100, '发证机构'),
    obtainedOn: dateSchema,
    validUntil: dateSchema,
  })
  .refine((q) => q.validUntil >= q.obtainedOn, { message: '有效期至不能早于取得日期', path: ['validUntil'] });
export type AddQualification = z.infer<typeof addQualificationSchema>;

export const decideQualificationSchema = z
  .object({ approve: z.boolean(), reason: z.string().trim().max(200).optional() })
  .refine((d) => d.approve || !!d.reason, { message: '不予登记时请填写原因', path: ['reason'] });
export type DecideQualification = z.infer<typeof decideQualificationSchema>;

// ---- assessment bodies

export const assessmentBodySchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  contactName: z.string(),
  contactMobile: z.string(),
  address: z.string().nullable(),
  /** Qualified lead assessors (主任评估师 or 高成熟度) valid today. */
  leadAssessorCount: z.number(),
  createdAt: z.string(),
});
export type AssessmentBody = z.infer<typeof assessmentBodySchema>;

export const createAssessmentBodySchema = z.object({
  name: trimmed(100, '机构名称'),
  creditCode: z.string({ error: '请填写统一社会信用代码' }).trim().min(1, '请填写统一社会信用代码').max(36, '统一社会信用代码应为 18 位'),
  regionCode: z.string({ error: '请选择所在地区' }).regex(/^\d{6}$/, '所在地区须选到区县一级'),
  contactName: trimmed(50, '联系人'),
  contactMobile: mobileSchema,
  address: z.string().trim().max(200).optional(),
});
export const updateAssessmentBodySchema = createAssessmentBodySchema.omit({ creditCode: true }).partial();
export type CreateAssessmentBody = z.infer<typeof createAssessmentBodySchema>;
export type UpdateAssessmentBody = z.infer<typeof updateAssessmentBodySchema>;

// ---- assessors (评估人员)

export const assessorSchema = z.object({
  id: z.string(),
  name: z.string(),
  mobile: z.string(),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  /** An internal assessor's enterprise. */
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  accountId: z.string().nullable(),
  username: z.string().nullable(),
  listedPublicly: z.boolean(),
  /** Every qualification ever recorded, oldest first: the grade path is history. */
  qualifications: z.array(qualificationSchema),
  /** The approved grades valid today. */
  currentGrades: z.array(qualificationGradeSchema),
  createdAt: z.string(),
});
export type Assessor = z.infer<typeof assessorSchema>;

export const createAssessorSchema = z
  .object({
    name: trimmed(50, '姓名'),
    mobile: mobileSchema,
    /** A body's assessor; omitted for an enterprise's internal assessor. */
    bodyId: z.uuid('无效的评估机构编号').optional(),
    /** An internal assessor: the enterprise (its own users may omit it). */
    enterpriseId: z.uuid('无效的企业编号').optional(),
    listedPublicly: z.boolean().default(true),
    /** Give the person a login (returns a one-time password); body assessors only. */
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9_.-]{3,32}$/, '用户名为 3–32 位小写字母、数字、下划线、点或短横线').optional(),
  })
  .refine((a) => !(a.bodyId && a.enterpriseId), { message: '评估人员属于评估机构或企业之一', path: ['enterpriseId'] });
export type CreateAssessor = z.infer<typeof createAssessorSchema>;

export const updateAssessorSchema = z.object({ name: trimmed(50, '姓名').optional(), mobile: mobileSchema.optional(), listedPublicly: z.boolean().optional() });
export type UpdateAssessor = z.infer<typeof updateAssessorSchema>;

export const assessorListQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  grade: qualificationGradeSchema.optional(),
  bodyId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  /** Only people with a qualification waiting for the platform admin. */
  pending: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// ---- training (标准培训)

export const COURSE_TYPES = ['intro', 'assessor', 'lead_trainer'] as const;
export const courseTypeSchema = z.enum(COURSE_TYPES, { error: '未知的培训类型' });
export type CourseType = z.infer<typeof courseTypeSchema>;
export const COURSE_TYPE_NAMES: Record<CourseType, { zh: string; en: string }> = {
  intro: { zh: 'CMMM intro 培训', en: 'CMMM intro course' },
  assessor: { zh: '评估师培训', en: 'Assessor course' },
  lead_trainer: { zh: '主任评估师 & 培训讲师培训', en: 'Lead assessor & trainer course' },
};
/** The grades a passed course can award. */
export const COURSE_AWARDS: Record<CourseType, readonly QualificationGrade[]> = {
  intro: ['intro'],
  assessor: ['assessor'],
  lead_trainer: ['lead_assessor', 'high_maturity_lead', 'trainer'],
};

export const trainingParticipantSchema = z.object({
  assessorId: z.string(),
  name: z.string(),
  result: z.enum(['enrolled', 'passed', 'failed']),
  qualificationId: z.string().nullable(),
  certificateNumber: z.string().nullable(),
});

export const trainingCourseSchema = z.object({
  id: z.string(),
  courseType: courseTypeSchema,
  title: z.string(),
  place: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  trainerId: z.string().nullable(),
  trainerName: z.string().nullable(),
  participants: z.array(trainingParticipantSchema),
});
export type TrainingCourse = z.infer<typeof trainingCourseSchema>;

export const createTrainingCourseSchema = z
  .object({
    courseType: courseTypeSchema,
    title: trimmed(100, '培训名称'),
    place: trimmed(50, '培训地点'),
    startsOn: dateSchema,
    endsOn: dateSchema,
    /** 培训讲师: must hold a valid trainer qualification. */
    trainerId: z.uuid('无效的讲师编号').optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CreateTrainingCourse = z.infer<typeof createTrainingCourseSchema>;

export const recordTrainingResultSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('failed') }),
  z.object({
    result: z.literal('passed'),
    grade: qualificationGradeSchema,
    certificateNumber: trimmed(40, '证书编号'),
    /** Defaults to three years after the course ends. */
    validUntil: dateSchema.optional(),
  }),
]);
export type RecordTrainingResult = z.infer<typeof recordTrainingResultSchema>;

// ---- certificates an enterprise holds

export const certificateSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** null for a 自定义评估's certificate (its domains' capability levels instead). */
  level: z.number().int().min(1).max(5).nullable(),
  capability: z.array(z.object({ domainId: z.string(), name: z.string(), level: z.number() })).nullable(),
  certificateNumber: z.string(),
  scope: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  /** valid, suspended, revoked, expired or superseded (expiry is also read off validUntil). */
  status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'superseded']),
  /** Why the status last changed (暂停, 撤销…): for the holder and the assessment's readers, never public. */
  statusReason: z.string().nullable(),
  assessmentId: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const recordCertificateSchema = z
  .object({
    enterpriseId: z.uuid('无效的企业编号'),
    level: z.number().int().min(1, '等级为一级至五级').max(5, '等级为一级至五级'),
    certificateNumber: trimmed(40, '证书编号'),
    scope: trimmed(500, '评估范围'),
    issuedOn: dateSchema,
    validUntil: dateSchema,
  })
  .refine((c) => c.validUntil >= c.issuedOn, { message: '有效期至不能早于发证日期', path: ['validUntil'] });
export type RecordCertificate = z.infer<typeof recordCertificateSchema>;

// ---- 信息查询 (public)

export const directoryAssessorSchema = z.object({
  name: z.string(),
  grade: qualificationGradeSchema,
  bodyName: z.string().nullable(),
  certificateNumber: z.string(),
  obtainedOn: z.string(),
  validUntil: z.string(),
  valid: z.boolean(),
});
export const directoryQuerySchema = z.object({
  q: z.string().trim().max(64).optional(),
  grade: z.enum(['assessor', 'lead_assessor', 'high_maturity_lead', 'trainer']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const directoryBodySchema = z.object({ id: z.string(), name: z.string(), regionName: z.string(), contactName: z.string(), leadAssessorCount: z.number() });

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
