// 正式评估 on the wire (seed 003 §8.3): the 首次会议 record, the working sheet (every requirement in
// scope with the enterprise's own claim), evidence and its files, each assessor's own ratings, the
// consensus (组内一致意见) with the finding's text, per-domain summaries, and the result.
import { z } from 'zod';
import { dateSchema } from './assessors.ts';
import { trimmed } from './schemas.ts';

export const RATED_GRADE_CODES = ['FI', 'LI', 'PI', 'NI'] as const;
export type RatedGradeCode = (typeof RATED_GRADE_CODES)[number];
const gradeSchema = z.enum(RATED_GRADE_CODES, { error: '评分须为 FI（全部满足）、LI（大部分满足）、PI（部分满足）或 NI（不满足）' });

/** Seed 003 §8.3.2: how a piece of evidence was obtained. */
export const EVIDENCE_METHODS = ['interview', 'observation', 'site_tour', 'document_review', 'system_demo', 'data_collection'] as const;
export type EvidenceMethod = (typeof EVIDENCE_METHODS)[number];
export const EVIDENCE_METHOD_NAMES: Record<EvidenceMethod, { zh: string; en: string }> = {
  interview: { zh: '访谈', en: 'Interview' },
  observation: { zh: '观察', en: 'Observation' },
  site_tour: { zh: '现场巡视', en: 'Site tour' },
  document_review: { zh: '文件与记录评审', en: 'Document and record review' },
  system_demo: { zh: '信息系统演示', en: 'Information system demonstration' },
  data_collection: { zh: '数据采集', en: 'Data collection' },
};

/** Seed 002 评估方法: each consensus grade is one kind of finding. */
export const FINDING_KINDS = { NI: 'weakness', PI: 'improvement', LI: 'conformity', FI: 'good_practice' } as const satisfies Record<RatedGradeCode, string>;
export type FindingKind = (typeof FINDING_KINDS)[RatedGradeCode];
export const FINDING_KIND_NAMES: Record<FindingKind, { zh: string; en: string }> = {
  weakness: { zh: '弱项', en: 'Weakness' },
  improvement: { zh: '改进项', en: 'Improvement' },
  conformity: { zh: '符合项', en: 'Conformity' },
  good_practice: { zh: '良好实践', en: 'Good practice' },
};

export const firstMeetingSchema = z.object({
  heldOn: dateSchema,
  attendees: trimmed(2000, '参会人员'),
  /** The meeting confirmed the formal assessment plan (seed 003 §8.3.1). */
  planConfirmed: z.literal(true, { error: '首次会议须确认正式评估计划' }),
  agreedItems: trimmed(4000, '会议确认事项'),
});
export type FirstMeetingInput = z.infer<typeof firstMeetingSchema>;
export const firstMeetingRecordSchema = z.object({
  heldOn: z.string(),
  attendees: z.string(),
  planConfirmed: z.boolean(),
  agreedItems: z.string(),
  recordedAt: z.string(),
});

export const addEvidenceSchema = z.object({
  requirementId: z.string().min(1).max(40),
  method: z.enum(EVIDENCE_METHODS, { error: '请选择取证方式' }),
  /** Who or what: the people interviewed, the system shown, the records reviewed. */
  source: trimmed(500, '证据来源（人员、系统或文件）'),
  collectedOn: dateSchema,
  note: trimmed(4000, '证据说明'),
});
export type AddEvidence = z.infer<typeof addEvidenceSchema>;

export const evidenceFileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceFile = z.infer<typeof evidenceFileSchema>;

export const evidenceSchema = z.object({
  id: z.string(),
  requirementId: z.string(),
  method: z.enum(EVIDENCE_METHODS),
  source: z.string(),
  collectedOn: z.string(),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  files: z.array(evidenceFileSchema),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const saveRatingSchema = z.object({ grade: gradeSchema, note: z.string().trim().max(2000).optional() });
export const saveConsensusSchema = z.object({
  grade: gradeSchema,
  note: trimmed(2000, '组内一致意见说明'),
  /** The finding as the report states it; required for 弱项/改进项 before the roll-up. */
  finding: z.string().trim().max(2000).optional(),
});
export const domainSummaryInputSchema = z.object({
  strengths: trimmed(4000, '优势'),
  weaknesses: trimmed(4000, '不足'),
  improvements: trimmed(4000, '改进方向'),
});

export const ratingSchema = z.object({ assessorId: z.string(), assessorName: z.string(), grade: z.enum(RATED_GRADE_CODES), note: z.string().nullable() });

/** One row of the working sheet. */
export const sheetRowSchema = z.object({
  requirementId: z.string(),
  level: z.number(),
  elementId: z.string(),
  domainId: z.string(),
  domainName: z.string(),
  subdomainId: z.string(),
  subdomainName: z.string(),
  itemName: z.string(),
  text: z.string(),
  /** 企业自评: the answer in the linked self-diagnosis (NA included), null where it has none. */
  selfClaim: z.enum(['FI', 'LI', 'PI', 'NI', 'NA']).nullable(),
  evidenceCount: z.number(),
  /** The viewer's own rating (raters only). */
  myRating: ratingSchema.nullable(),
  /** Others' submitted ratings: shown to a rater only once the rater has submitted (and to the scheme's staff). */
  ratings: z.array(ratingSchema),
  /** Steps between the lowest and highest rating shown (NI 0 … FI 3); 2 or more is a disagreement. */
  spread: z.number().nullable(),
  disagreement: z.boolean(),
  consensus: z.object({ grade: z.enum(RATED_GRADE_CODES), note: z.string(), finding: z.string().nullable(), updatedAt: z.string() }).nullable(),
});
export type SheetRow = z.infer<typeof sheetRowSchema>;

export const raterSchema = z.object({ assessorId: z.string(), name: z.string(), teamRole: z.string(), rated: z.number(), submittedAt: z.string().nullable() });

export const workingSheetSchema = z.object({
  assessmentId: z.string(),
  stage: z.string(),
  assessmentType: z.enum(['predefined', 'custom']),
  /** Levels rated: 一级 to the target (预定义); per domain for a 自定义评估. */
  targetLevel: z.number(),
  firstMeeting: firstMeetingRecordSchema.nullable(),
  raters: z.array(raterSchema),
  /** The viewer's own assessor id when the viewer rates. */
  myAssessorId: z.string().nullable(),
  mySubmittedAt: z.string().nullable(),
  rows: z.array(sheetRowSchema),
  progress: z.object({ total: z.number(), consensus: z.number(), disagreements: z.number(), withEvidence: z.number() }),
  domainSummaries: z.array(z.object({ domainId: z.string(), domainName: z.string(), strengths: z.string(), weaknesses: z.string(), improvements: z.string() })),
});
export type WorkingSheet = z.infer<typeof workingSheetSchema>;

export const findingSchema = z.object({
  requirementId: z.string(),
  level: z.number(),
  domainId: z.string(),
  domainName: z.string(),
  itemName: z.string(),
  kind: z.enum(['weakness', 'improvement', 'conformity', 'good_practice']),
  grade: z.enum(RATED_GRADE_CODES),
  text: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

export const capabilityDomainSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.number().nullable(),
  capabilityLevel: z.number(),
  levels: z.array(z.object({ level: z.number(), score: z.number(), reached: z.boolean() })),
});

/** The formal result beside the enterprise's own self-diagnosis. */
export const formalResultSchema = z.object({
  assessmentId: z.string(),
  assessmentType: z.enum(['predefined', 'custom']),
  /** 预定义评估: the maturity level (0 = 未达到一级); null for a 自定义评估. */
  level: z.number().nullable(),
  levelName: z.string().nullable(),
  totalScore: z.number().nullable(),
  levelScores: z.record(z.string(), z.number()),
  weights: z.record(z.string(), z.number()).nullable(),
  /** 能力度等级 per chosen domain (自定义评估), or every domain's profile (预定义评估, for reference). */
  capability: z.array(capabilityDomainSchema),
  comparison: z.object({
    selfLevel: z.number().nullable(),
    selfTotalScore: z.number().nullable(),
    /** Per requirement: the claim and the consensus, where they differ. */
    requirements: z.array(z.object({ requirementId: z.string(), itemName: z.string(), level: z.number(), self: z.string().nullable(), formal: z.enum(RATED_GRADE_CODES) })),
    /** Per domain and level: the self-diagnosis's score and the formal one. */
    domains: z.array(z.object({ domainId: z.string(), domainName: z.string(), level: z.number(), self: z.number().nullable(), formal: z.number().nullable() })),
  }),
  findings: z.array(findingSchema),
  ratedAt: z.string(),
});
export type FormalResult = z.infer<typeof formalResultSchema>;

/** 再次论证 (seed 003 §8.4.1): the enterprise's answer to one finding. */
export const findingResponseInputSchema = z.object({
  response: trimmed(4000, '论证说明'),
  /** The evidence it offers (documents, records, systems to see). */
  evidenceNote: z.string().trim().max(2000).optional(),
});
export const responseDecisionSchema = z
  .object({
    accept: z.boolean(),
    reason: trimmed(2000, '处理理由'),
    /** The grade after accepting (the consensus changes to it). */
    grade: gradeSchema.optional(),
  })
  .refine((d) => !d.accept || !!d.grade, { message: '采纳论证时请给出调整后的评分', path: ['grade'] });

export const findingResponseSchema = z.object({
  requirementId: z.string(),
  response: z.string(),
  evidenceNote: z.string().nullable(),
  respondedAt: z.string(),
  decision: z.enum(['accepted', 'rejected']).nullable(),
  decisionReason: z.string().nullable(),
  gradeBefore: z.enum(RATED_GRADE_CODES).nullable(),
  gradeAfter: z.enum(RATED_GRADE_CODES).nullable(),
  decidedAt: z.string().nullable(),
});
export type FindingResponse = z.infer<typeof findingResponseSchema>;

/** 末次会议 (seed 003 §8.4.2), recorded when the lead fixes the final result. */
export const lastMeetingSchema = z.object({
  heldOn: dateSchema,
  attendees: trimmed(2000, '参会人员'),
  summary: trimmed(4000, '会议内容'),
});
export const lastMeetingRecordSchema = z.object({ heldOn: z.string(), attendees: z.string(), summary: z.string(), recordedAt: z.string() });

/** The result as the pages show it: the stored roll-up, the enterprise's responses and the closing meeting. */
export const formalResultViewSchema = formalResultSchema.extend({
  stage: z.string(),
  responses: z.array(findingResponseSchema),
  lastMeeting: lastMeetingRecordSchema.nullable(),
});
export type FormalResultView = z.infer<typeof formalResultViewSchema>;

export const requirementParamsSchema = z.object({ id: z.uuid('无效的评估编号'), requirementId: z.string().min(1).max(40) });
