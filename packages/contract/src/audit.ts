// The audit trail on the wire: one event per state change (who, what, which subject, when, request id).
import { z } from 'zod';

export const AUDIT_SUBJECT_TYPES = [
  'account',
  'enterprise',
  'sub_platform',
  'self_diagnosis',
  'assessment_body',
  'assessor',
  'qualification',
  'training',
  'certificate',
  'formal_assessment',
  'campaign',
  'index_report',
] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  /** A stable code: <subject>.<what happened>, e.g. self_diagnosis.level_submitted. */
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  enterpriseId: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** A short before/after of what changed; never secrets. */
  summary: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditTrailQuerySchema = z.object({
  subjectType: z.enum(AUDIT_SUBJECT_TYPES).optional(),
  subjectId: z.string().trim().max(64).optional(),
  actorId: z.uuid('无效的账户编号').optional(),
  from: z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).optional(),
  to: z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).optional(),
  before: z.string().regex(/^\d{1,18}$/).optional().describe('the `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditTrailQuery = z.input<typeof auditTrailQuerySchema>;

export const auditTrailPageSchema = z.object({ events: z.array(auditEventSchema), next: z.string().nullable() });
export type AuditTrailPage = z.infer<typeof auditTrailPageSchema>;
