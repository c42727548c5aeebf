// 合规性审查, 公示 and the certificate on the wire (seed 002 评估流程: 专家委员会合规性审查 → 公示 → 授予证书).
import { z } from 'zod';
import { certificateSchema } from './assessors.ts';
import { mobileSchema, trimmed } from './schemas.ts';

export const reviewCheckSchema = z.object({ code: z.string(), passed: z.boolean(), message: z.string() });
export const reviewSchema = z.object({
  checks: z.array(reviewCheckSchema),
  reviews: z.array(z.object({ id: z.string(), decision: z.enum(['approved', 'returned']), reasons: z.string().nullable(), checks: z.array(reviewCheckSchema), decidedAt: z.string() })),
});
export type Review = z.infer<typeof reviewSchema>;

export const reviewDecisionSchema = z
  .object({ approve: z.boolean(), reasons: z.string().trim().max(4000).optional() })
  .refine((d) => d.approve || !!d.reasons, { message: '退回时请写明理由', path: ['reasons'] });

export const publicNoticeSchema = z.object({
  assessmentId: z.string(),
  enterpriseName: z.string(),
  assessmentType: z.enum(['predefined', 'custom']),
  level: z.number().nullable(),
  levelName: z.string().nullable(),
  capability: z.array(z.object({ domainId: z.string(), name: z.string(), level: z.number() })),
  scope: z.string(),
  bodyName: z.string(),
  leadName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const objectionInputSchema = z.object({
  name: trimmed(50, '姓名或单位'),
  contact: z.union([mobileSchema, z.email('请填写手机号码或电子邮箱')]),
  text: trimmed(4000, '异议内容'),
});
export const objectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  text: z.string(),
  filedAt: z.string(),
  status: z.enum(['open', 'dismissed', 'upheld']),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export const objectionResolutionSchema = z.object({ uphold: z.boolean(), resolution: trimmed(2000, '处理意见') });

// ---- the certificate's status after issue (暂停, 恢复, 撤销), by the scheme's reviewers and the platform admin

export const CERTIFICATE_STATUS_ACTIONS = ['suspend', 'reinstate', 'revoke'] as const;
export type CertificateStatusAction = (typeof CERTIFICATE_STATUS_ACTIONS)[number];
/** Every change of status names its reason (kept with the certificate and in the audit trail; never public). */
export const certificateStatusChangeSchema = z.object({ reason: trimmed(500, '理由') });
export type CertificateStatusChange = z.infer<typeof certificateStatusChangeSchema>;

/** GET /api/certificates: every certificate on the platform, for those who manage their status. */
export const certificateListQuerySchema = z.object({
  /** Part of the number or the enterprise's name, or a whole credit code. */
  q: z.string().trim().max(64).optional(),
  status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'superseded']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

/** A certificate as those who manage its status see it: with the credit code and when its status last changed. */
export const managedCertificateSchema = certificateSchema.extend({
  creditCode: z.string(),
  statusChangedAt: z.string().nullable(),
});
export type ManagedCertificate = z.infer<typeof managedCertificateSchema>;
