// The audit trail: every state change writes one event in the same transaction, chained by SHA-256
// to the one before (repositories/audit-events.ts), so an edited or deleted row is found by
// `cmmm audit verify`. Actions are stable codes: <subject>.<past participle>.
import type { AuditSubjectType } from '@cmmm/contract';
import type { Actor } from '../policy.ts';
import type { ServiceContext } from '../context.ts';

export type AuditAction =
  | 'enterprise.registered'
  | 'account.created'
  | 'account.updated'
  | 'account.one_time_password_issued'
  | 'account.password_changed'
  | 'account.password_reset'
  | 'account.unlocked'
  | 'sub_platform.updated'
  | 'self_diagnosis.created'
  | 'self_diagnosis.survey_submitted'
  | 'self_diagnosis.level_submitted'
  | 'self_diagnosis.completed'
  // 评估机构、评估人员、培训、证书
  | 'assessment_body.registered'
  | 'assessment_body.updated'
  | 'assessor.registered'
  | 'assessor.updated'
  | 'qualification.submitted'
  | 'qualification.approved'
  | 'qualification.rejected'
  | 'training.created'
  | 'training.enrolled'
  | 'training.result_recorded'
  | 'certificate.recorded'
  // 标准符合性评估 (the stage changes and every edit)
  | 'formal_assessment.submitted'
  | 'formal_assessment.withdrawn'
  | 'formal_assessment.lead_assigned'
  | 'formal_assessment.accepted'
  | 'formal_assessment.declined'
  | 'formal_assessment.member_added'
  | 'formal_assessment.member_removed'
  | 'formal_assessment.conflict_declared'
  | 'formal_assessment.team_formed'
  | 'formal_assessment.team_reopened'
  | 'formal_assessment.weights_set'
  | 'formal_assessment.plan_saved'
  | 'formal_assessment.plan_confirmed'
  | 'formal_assessment.plans_confirmed'
  | 'formal_assessment.pre_assessment_recorded'
  | 'formal_assessment.feasible'
  | 'formal_assessment.closed'
  // 正式评估
  | 'formal_assessment.first_meeting_recorded'
  | 'formal_assessment.evidence_added'
  | 'formal_assessment.file_attached'
  | 'formal_assessment.file_deleted'
  | 'formal_assessment.rated'
  | 'formal_assessment.ratings_submitted'
  | 'formal_assessment.consensus_recorded'
  | 'formal_assessment.summary_saved'
  | 'formal_assessment.rolled_up'
  | 'formal_assessment.rating_reopened'
  | 'formal_assessment.result_shared'
  | 'formal_assessment.finding_responded'
  | 'formal_assessment.response_decided'
  | 'formal_assessment.finalised'
  | 'formal_assessment.review_requested'
  | 'formal_assessment.approved'
  | 'formal_assessment.returned'
  | 'formal_assessment.objection_filed'
  | 'formal_assessment.objection_resolved'
  | 'formal_assessment.certified'
  | 'certificate.issued'
  | 'certificate.status_changed'
  | 'certificate.reminder_sent'
  // 推进活动
  | 'campaign.created'
  | 'campaign.updated'
  | 'campaign.closed'
  // 指数报告
  | 'index_report.generated';

export interface AuditSubject {
  type: AuditSubjectType;
  id: string;
  /** The enterprise it belongs to, so a region admin reads the events of its region. */
  enterprise?: { id: string; regionCode: string } | null;
}

/** One event to write: who did what to which thing. */
export interface AuditEntry {
  actor: Pick<Actor, 'id' | 'role'> | null;
  action: AuditAction;
  subject: AuditSubject;
  summary?: Record<string, unknown>;
  /** The request it happened in, when not the context's own (a group commit writes several requests' events). */
  requestId?: string | null;
}

/** Writes one event; must be called inside `ctx.transaction`. The summary is short: what changed, never secrets. */
export async function recordAudit(
  tx: ServiceContext,
  actor: Pick<Actor, 'id' | 'role'> | null,
  action: AuditAction,
  subject: AuditSubject,
  summary: Record<string, unknown> = {},
): Promise<void> {
  await tx.repos.auditEvents.appendAuditEvent(eventOf(tx, tx.now(), { actor, action, subject, summary }));
}

/** Writes several events in this order, in one append; must be called inside `ctx.transaction`. */
export async function recordAudits(tx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  const at = tx.now();
  await tx.repos.auditEvents.appendAuditEvents(entries.map((entry) => eventOf(tx, at, entry)));
}

const eventOf = (tx: ServiceContext, at: Date, { actor, action, subject, summary, requestId }: AuditEntry) => ({
  at,
  actorId: actor?.id ?? null,
  actorRole: actor?.role ?? null,
  action,
  subjectType: subject.type,
  subjectId: subject.id,
  enterpriseId: subject.enterprise?.id ?? null,
  regionCode: subject.enterprise?.regionCode ?? null,
  summary: summary ?? {},
  requestId: requestId === undefined ? tx.requestId : requestId,
});
