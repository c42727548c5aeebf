// 标准符合性评估 on the wire: the application (评估申请表), its checks, and the formal assessment from
// 受理 through the team, the two plans and the pre-assessment (seed 002; seed 003 §8.2).
import { z } from 'zod';
import { dateSchema } from './assessors.ts';
import { mobileSchema, trimmed } from './schemas.ts';

/** The one state machine: 申请 → 受理/不受理 → 组建评估组 → 计划确认 → 预评估 → 可行/终止 (and 撤回) → 正式评估 → 等级判定 → 沟通评估结果 → 末次会议 → 合规性审查 → 公示 → 证书. */
export const FORMAL_STAGES = ['submitted', 'accepted', 'declined', 'withdrawn', 'team_formed', 'plans_confirmed', 'pre_assessment', 'feasible', 'closed', 'assessing', 'rated', 'communicating', 'final', 'under_review', 'publicized', 'certified'] as const;
export type FormalStage = (typeof FORMAL_STAGES)[number];
export const FORMAL_STAGE_NAMES: Record<FormalStage, { zh: string; en: string }> = {
  submitted: { zh: '已申请，待受理', en: 'Applied, awaiting acceptance' },
  accepted: { zh: '已受理，组建评估组', en: 'Accepted, forming the team' },
  declined: { zh: '不予受理', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  team_formed: { zh: '评估组已组建，待确认评估计划', en: 'Team formed, plans awaiting confirmation' },
  plans_confirmed: { zh: '评估计划已确认，待现场预评估', en: 'Plans confirmed, awaiting pre-assessment' },
  pre_assessment: { zh: '现场预评估中', en: 'Pre-assessment under way' },
  feasible: { zh: '预评估结论：具备正式评估条件', en: 'Pre-assessment: ready for the formal assessment' },
  closed: { zh: '预评估结论：终止评估', en: 'Pre-assessment: closed' },
  assessing: { zh: '正式评估中（首次会议已召开）', en: 'Formal assessment under way' },
  rated: { zh: '已判定成熟度等级，待与企业沟通', en: 'Level determined, to be discussed with the enterprise' },
  communicating: { zh: '沟通评估结果中（企业可再次论证）', en: 'Discussing the result with the enterprise' },
  final: { zh: '评估结果已确定（末次会议已召开），待提交合规性审查', en: 'Result final (closing meeting held), to be submitted for review' },
  under_review: { zh: '合规性审查中', en: 'Under compliance review' },
  publicized: { zh: '审查通过，公示中', en: 'Approved, public notice under way' },
  certified: { zh: '已颁发证书', en: 'Certificate issued' },
};

export const ASSESSMENT_TYPES = ['predefined', 'custom'] as const;
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number];

const reasonText = (what: string) => trimmed(500, what);

/** The 评估申请表. */
export const applicationSchema = z.object({
  /** A completed self-diagnosis of this enterprise (seed 002 step 2). */
  selfDiagnosisId: z.uuid('请选择一次已完成的自诊断'),
  assessmentType: z.enum(ASSESSMENT_TYPES, { error: '请选择预定义评估或自定义评估' }),
  /** 预定义评估: the maturity level applied for (二级–五级). */
  targetLevel: z.number().int().min(2, '申请等级为二级至五级').max(5, '申请等级为二级至五级').optional(),
  /** 自定义评估: the chosen process domains, each with its target capability level. */
  customDomains: z
    .array(z.object({ domainId: z.string().max(10), targetCapabilityLevel: z.number().int().min(1, '目标能力度等级为一级至五级').max(5, '目标能力度等级为一级至五级') }))
    .max(20)
    .default([]),
  /** Activities and products, in the enterprise's words, e.g. "水泥的工艺设计、生产、销售". */
  scope: trimmed(500, '评估范围'),
  /** 确认不适用能力域: tailorable domains or subdomains only, each with a reason. */
  notApplicable: z.array(z.object({ nodeId: z.string().max(10), reason: reasonText('不适用的理由') })).max(20).default([]),
  sponsor: z.object({ name: trimmed(50, '发起人姓名'), title: trimmed(50, '发起人职务') }),
  liaison: z.object({ name: trimmed(50, '评估联络人姓名'), mobile: mobileSchema }),
  /** Required from 三级: a registered internal assessor of this enterprise. */
  internalAssessorId: z.uuid('无效的内部评估师').optional(),
  /** 评估机构 applied to. */
  bodyId: z.uuid('请选择评估机构'),
  /** The lead assessor applied to, if the enterprise names one. */
  leadAssessorId: z.uuid('无效的主任评估师').optional(),
});
export type Application = z.infer<typeof applicationSchema>;

/** One rule about an application: a block refuses submission, a warning is shown and allowed. */
export const applicationCheckSchema = z.object({
  code: z.string(),
  severity: z.enum(['block', 'warning']),
  message: z.string(),
  path: z.string(),
});
export type ApplicationCheck = z.infer<typeof applicationCheckSchema>;

export const TEAM_ROLES = ['lead', 'member', 'internal'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const COI_STATUSES = ['pending', 'none', 'conflict'] as const;

export const teamMemberSchema = z.object({
  assessorId: z.string(),
  name: z.string(),
  teamRole: z.enum(TEAM_ROLES),
  /** The highest approved grade valid on the planned dates (or today). */
  grade: z.string().nullable(),
  coi: z.enum(COI_STATUSES),
  coiStatement: z.string().nullable(),
  declaredAt: z.string().nullable(),
  /** Removed members stay listed (a declared conflict removes): the record is kept. */
  removedAt: z.string().nullable(),
  qualifiedOnPlannedDates: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const agendaEntrySchema = z.object({
  date: dateSchema,
  time: z.string().regex(/^\d{2}:\d{2}(-\d{2}:\d{2})?$/, '时间格式应为 09:00 或 09:00-12:00'),
  activity: trimmed(200, '日程内容'),
  assessorIds: z.array(z.uuid()).max(20),
});

export const PLAN_KINDS = ['pre', 'formal'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const savePlanSchema = z
  .object({
    purpose: trimmed(500, '评估目的'),
    scope: trimmed(500, '评估范围'),
    tasks: trimmed(2000, '评估任务'),
    startsOn: dateSchema,
    endsOn: dateSchema,
    assessorIds: z.array(z.uuid()).min(1, '请选择评估人员').max(20),
    agenda: z.array(agendaEntrySchema).min(1, '请填写评估日程安排').max(100),
  })
  .refine((p) => p.endsOn >= p.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type SavePlan = z.infer<typeof savePlanSchema>;

export const effortSchema = z.object({ people: z.number(), days: z.number(), personDays: z.number() });
export const planSchema = z.object({
  kind: z.enum(PLAN_KINDS),
  purpose: z.string(),
  scope: z.string(),
  tasks: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  assessorIds: z.array(z.string()),
  agenda: z.array(agendaEntrySchema),
  version: z.number(),
  confirmedVersion: z.number().nullable(),
  confirmedAt: z.string().nullable(),
  /** Confirmed, and not changed since. */
  confirmed: z.boolean(),
  planned: effortSchema,
  standard: effortSchema,
});
export type Plan = z.infer<typeof planSchema>;

/** Seed 002's person-day table against what is planned; flags when the plan is below it. */
export const effortPlanSchema = z.object({
  standard: z.object({ pre: effortSchema, formal: effortSchema, totalPersonDays: z.number() }),
  planned: z.object({ pre: effortSchema.nullable(), formal: effortSchema.nullable(), totalPersonDays: z.number() }),
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const preAssessmentSchema = z.object({
  basicSituation: trimmed(4000, '基本情况'),
  directEvidence: trimmed(4000, '可提供的直接证据'),
  indirectEvidence: trimmed(4000, '可提供的间接证据'),
  readinessFindings: trimmed(4000, '就绪情况'),
});
export const preAssessmentRecordSchema = preAssessmentSchema.extend({
  decision: z.enum(['proceed', 'close']).nullable(),
  closeReasons: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const feasibilityDecisionSchema = z
  .object({ decision: z.enum(['proceed', 'close']), reasons: z.string().trim().max(2000).optional() })
  .refine((d) => d.decision === 'proceed' || !!d.reasons, { message: '终止评估时请填写原因（企业可见）', path: ['reasons'] });

export const acceptanceDecisionSchema = z
  .object({
    accept: z.boolean(),
    /** 确认受评估方所从事的活动符合相关法律法规规定 (seed 003 §8.2.1). */
    lawful: z.boolean(),
    /** 确认实施了智能制造相关活动. */
    intelligentManufacturing: z.boolean(),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((d) => d.accept || !!d.reason, { message: '不予受理时请填写原因', path: ['reason'] })
  .refine((d) => !d.accept || (d.lawful && d.intelligentManufacturing), { message: '受理前须确认企业活动合法合规且实施了智能制造相关活动', path: ['lawful'] });

export const coiDeclarationSchema = z
  .object({ conflict: z.boolean(), statement: z.string().trim().max(1000).optional() })
  .refine((d) => !d.conflict || !!d.statement, { message: '存在利益冲突时请说明', path: ['statement'] });

export const domainWeightsSchema = z.object({
  /** Domain id → weight within its element; null restores 表14/表15. */
  weights: z.record(z.string().max(10), z.number().min(0).max(1)).nullable(),
  rationale: z.string().trim().max(2000).optional(),
});

/** What the viewer may do now (the web shows these buttons; the server checks again). */
export const FORMAL_ACTIONS = [
  'withdraw',
  'assignLead',
  'decideAcceptance',
  'editTeam',
  'declareOwnConflict',
  'declareInternalConflict',
  'finaliseTeam',
  'reopenTeam',
  'setWeights',
  'editPlans',
  'confirmPlans',
  'recordPreAssessment',
  'decideFeasibility',
  // 正式评估 (formal-rating.ts)
  'recordFirstMeeting',
  'addEvidence',
  'rate',
  'recordConsensus',
  'writeSummaries',
  'rollUp',
  'reopenRating',
  'shareResult',
  'respondToFindings',
  'decideResponses',
  'finalise',
  'submitForReview',
  'review',
  'resolveObjections',
  'issueCertificate',
] as const;
export type FormalAction = (typeof FORMAL_ACTIONS)[number];

export const formalAssessmentSummarySchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  assessmentType: z.enum(ASSESSMENT_TYPES),
  targetLevel: z.number().nullable(),
  stage: z.enum(FORMAL_STAGES),
  bodyId: z.string(),
  bodyName: z.string(),
  leadName: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type FormalAssessmentSummary = z.infer<typeof formalAssessmentSummarySchema>;

export const formalAssessmentSchema = formalAssessmentSummarySchema.extend({
  application: z.object({
    selfDiagnosisId: z.string(),
    customDomains: z.array(z.object({ domainId: z.string(), domainName: z.string(), targetCapabilityLevel: z.number() })),
    scope: z.string(),
    notApplicable: z.array(z.object({ nodeId: z.string(), nodeName: z.string(), reason: z.string() })),
    sponsor: z.object({ name: z.string(), title: z.string() }),
    liaison: z.object({ name: z.string(), mobile: z.string() }),
    internalAssessor: z.object({ id: z.string(), name: z.string() }).nullable(),
    leadAssessorId: z.string().nullable(),
    editionId: z.string(),
    enterpriseType: z.string(),
  }),
  /** The linked self-diagnosis, for those who may see the enterprise's data (after a COI declaration). */
  selfDiagnosis: z.object({ id: z.string(), level: z.number(), totalScore: z.number(), completedAt: z.string() }).nullable(),
  acceptance: z.object({ lawful: z.boolean(), intelligentManufacturing: z.boolean(), declineReason: z.string().nullable() }),
  team: z.array(teamMemberSchema),
  plans: z.object({ pre: planSchema.nullable(), formal: planSchema.nullable() }),
  effort: effortPlanSchema,
  weights: z.object({ custom: z.record(z.string(), z.number()).nullable(), rationale: z.string().nullable() }),
  preAssessment: preAssessmentRecordSchema.nullable(),
  /** The viewer's own part: what they may do now. */
  actions: z.array(z.enum(FORMAL_ACTIONS)),
  version: z.number(),
});
export type FormalAssessment = z.infer<typeof formalAssessmentSchema>;

// ---- request shapes of the routes (besides the schemas above)

export const formalAssessmentListQuerySchema = z.object({
  stage: z.enum(FORMAL_STAGES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 指定主任评估师 (by the body's admin when the enterprise named none, or to replace one who declared a conflict). */
export const assignLeadSchema = z.object({ assessorId: z.uuid('无效的主任评估师') });

/** 添加评估组成员: a body's assessor, or (from 三级) the enterprise's internal assessor. */
export const addTeamMemberSchema = z.object({ teamRole: z.enum(['member', 'internal'], { error: '成员角色为评估组员或内部评估师' }) });

/** 确认评估计划: the version the enterprise has read. */
export const confirmPlanSchema = z.object({ version: z.number().int().min(1).max(1_000_000) });

export const applicationChecksSchema = z.object({ checks: z.array(applicationCheckSchema) });
