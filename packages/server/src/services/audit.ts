// The audit trail: every state change writes one event in the same transaction, chained by SHA-256
// to the one before (repositories/audit-events.ts), so an edited or deleted row is found by
// `cmmm audit verify`. Actions are stable codes: <subject>.<past participle>.
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
  | 'self_diagnosis.completed';

export interface AuditSubject {
  type: 'account' | 'enterprise' | 'sub_platform' | 'self_diagnosis';
  id: string;
  /** The enterprise it belongs to, so a region admin reads the events of its region. */
  enterprise?: { id: string; regionCode: string } | null;
}

/** Writes one event; must be called inside `ctx.transaction`. The summary is short: what changed, never secrets. */
export async function recordAudit(
  tx: ServiceContext,
  actor: Pick<Actor, 'id' | 'role'> | null,
  action: AuditAction,
  subject: AuditSubject,
  summary: Record<string, unknown> = {},
): Promise<void> {
  await tx.repos.auditEvents.appendAuditEvent({
    at: tx.now(),
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    enterpriseId: subject.enterprise?.id ?? null,
    regionCode: subject.enterprise?.regionCode ?? null,
    summary,
    requestId: tx.requestId,
  });
}
