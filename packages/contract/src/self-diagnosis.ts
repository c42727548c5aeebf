// 企业自诊断: the self-diagnosis API's shapes (seed 001 §1.2–1.7, §2).
import { GRADES, type PlausibilityWarning as ModelPlausibilityWarning } from '@cmmm/model';
import { z } from 'zod';
import type { Assert, SameType } from './same-type.ts';
import { enterpriseTypeSchema } from './schemas.ts';
import { INFORMATION_SYSTEMS, PRODUCTION_MODES, REVENUE_BANDS } from './self-diagnosis-options.ts';

export * from './self-diagnosis-options.ts';

/** 调查问卷: the basic data asked before answering; stored once, then read-only. */
export const surveySchema = z.object({
  employees: z.number({ error: '请填写员工人数' }).int('员工人数应为整数').min(1, '员工人数至少为 1').max(10_000_000, '员工人数过大'),
  revenueBand: z.enum(REVENUE_BANDS, { error: '请选择年营业收入' }),
  mainProducts: z.string({ error: '请填写主要产品' }).trim().min(1, '请填写主要产品').max(200, '主要产品不能超过 200 个字符'),
  productionMode: z.enum(PRODUCTION_MODES, { error: '请选择生产模式' }),
  informationSystems: z.array(z.enum(INFORMATION_SYSTEMS, { error: '未知的信息系统' })).max(INFORMATION_SYSTEMS.length),
  otherSystems: z.string().trim().max(200, '其他系统不能超过 200 个字符').optional(),
  /** 设备联网率: share of production equipment connected to a network, 0–100 %. */
  networkedEquipmentShare: z.number({ error: '请填写设备联网率' }).int().min(0, '应在 0–100 之间').max(100, '应在 0–100 之间'),
  /** 关键工序数控化率: share of key-process equipment that is numerically controlled, 0–100 %. */
  ncEquipmentShare: z.number({ error: '请填写关键工序数控化率' }).int().min(0, '应在 0–100 之间').max(100, '应在 0–100 之间'),
});
export type Survey = z.infer<typeof surveySchema>;

export const gradeSchema = z.enum(GRADES, { error: '答案须为 FI、LI、PI、NI 或 NA' });
export type Grade = z.infer<typeof gradeSchema>;

export const createSelfDiagnosisSchema = z.object({
  enterpriseType: enterpriseTypeSchema,
  /** Tailorable domains or subdomains the enterprise will not answer (cannot be changed later). */
  tailored: z.array(z.string().max(20)).max(50).default([]),
});

export const saveAnswerSchema = z.object({ grade: gradeSchema });
export const saveAnswersSchema = z.object({ answers: z.record(z.string().max(30), gradeSchema) });

export const SELF_DIAGNOSIS_STATUSES = ['survey', 'answering', 'completed'] as const;
export type SelfDiagnosisStatus = (typeof SELF_DIAGNOSIS_STATUSES)[number];

export const levelOutcomeSchema = z.object({ level: z.number().int(), score: z.number(), reached: z.boolean(), submittedAt: z.string() });

export const selfDiagnosisSummarySchema = z.object({
  id: z.string(),
  status: z.enum(SELF_DIAGNOSIS_STATUSES),
  editionId: z.string(),
  enterpriseType: enterpriseTypeSchema,
  tailored: z.array(z.string()),
  /** The level being answered (status answering), else the last one evaluated. */
  currentLevel: z.number().int(),
  /** Result level 0–5 and total score S once completed. */
  level: z.number().int().nullable(),
  levelName: z.string().nullable(),
  totalScore: z.number().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  /** Printed on the report; the public page /verify/<reportNumber> confirms it. */
  reportNumber: z.string().nullable(),
  /** The enterprise's valid result: its latest completed self-diagnosis. */
  isValidResult: z.boolean(),
});
export type SelfDiagnosisSummary = z.infer<typeof selfDiagnosisSummarySchema>;

export const selfDiagnosisSchema = selfDiagnosisSummarySchema.extend({
  survey: surveySchema.nullable(),
  /** Every saved answer (all levels so far). */
  answers: z.record(z.string(), gradeSchema),
  levels: z.array(levelOutcomeSchema),
});
export type SelfDiagnosis = z.infer<typeof selfDiagnosisSchema>;

/** The monthly limit (seed 001 §2.1), stated precisely. */
export const quotaSchema = z.object({
  limit: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  /** The calendar month in China Standard Time (UTC+8) that counts, as ISO instants. */
  windowStart: z.string(),
  windowEnd: z.string(),
});
export type Quota = z.infer<typeof quotaSchema>;

export const submitLevelResultSchema = z.object({
  level: z.number().int(),
  score: z.number(),
  reached: z.boolean(),
  /** The next level to answer, or null when answering has ended. */
  nextLevel: z.number().int().nullable(),
  completed: z.boolean(),
});

export const plausibilityWarningSchema = z.object({ requirementId: z.string(), rule: z.string(), message: z.string() });
export type PlausibilityWarning = z.infer<typeof plausibilityWarningSchema>;
/** Compile-time: the wire shape is the one model's plausibilityWarnings returns. */
export type PlausibilityWarningMatchesModel = Assert<SameType<PlausibilityWarning, ModelPlausibilityWarning>>;

export const peerPositionSchema = z.object({
  /** industry: same GB/T 4754 major category; region: same province. */
  group: z.enum(['industry', 'region']),
  label: z.string(),
  peers: z.number().int(),
  /** Share of peers with a lower total score (ties count half), 0–100; null when fewer than 5 peers. */
  percentile: z.number().nullable(),
});

/** The unofficial translation's notice on an English answer (contract/edition.ts TranslationNotice). */
export const translationNoticeSchema = z.object({ locale: z.literal('en'), official: z.literal(false), notice: z.string() });

export const requirementNoteSchema = z.object({
  requirementId: z.string(),
  level: z.number().int(),
  subdomainId: z.string(),
  subdomainName: z.string(),
  itemName: z.string(),
  text: z.string(),
  /** The authoritative Chinese text, when `text` is a translation. */
  textZh: z.string().optional(),
  grade: gradeSchema,
});
