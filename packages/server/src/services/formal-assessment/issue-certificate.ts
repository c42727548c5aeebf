// 授予证书 (seed 002 标准符合性评估-证书): once the 公示 has ended with no open objection, the
// certificate is issued — by a reviewer, or by the daily run (scheduled-work.ts) — exactly once:
// the stage change under the assessment's row lock decides. It carries the level (or, for a
// 自定义评估, each domain's capability level), the scope, the body, and is valid for the configured
// years; it supersedes the enterprise's earlier certificates.
import type { FormalAssessment, FormalResult } from '@cmmm/contract';
import { beijingDay, lastDayOfYears } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReviewFormalAssessment, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { changeFormalAssessment, changeFormalAssessmentAsSystem, formalSubject, type FormalFacts } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage } from './stage-machine.ts';

/**
 * CMMM-<level>-<issue date>-<10 characters of the assessment id>, e.g. CMMM-3-20261230-1A2B3C4D5E;
 * a 自定义评估's certificate has C instead of a level. Unique because assessment ids are.
 */
export function certificateNumberFor(level: number | null, issuedOn: string, assessmentId: string): string {
  return `CMMM-${level ?? 'C'}-${issuedOn.replaceAll('-', '')}-${assessmentId.replaceAll('-', '').slice(0, 10).toUpperCase()}`;
}

/** The certificate's data; refuses while the 公示 runs or an objection is open. Inside the assessment's row lock. */
async function issueWithin(tx: ServiceContext, f: FormalFacts, by: Pick<Actor, 'id' | 'role'> | null) {
  const stage = nextStage(f.row.stage, 'issueCertificate');
  const today = beijingDay(tx.now());
  const notice = await tx.repos.formalReview.findPublicNotice(f.row.id);
  if (!notice || today <= notice.ends_on) throw new AppError('NOTICE_NOT_ENDED');
  const open = (await tx.repos.formalReview.listObjections(f.row.id)).filter((o) => o.status === 'open');
  if (open.length) throw new AppError('OBJECTIONS_OPEN');
  const stored = await tx.repos.formalRatings.findFormalResult(f.row.id);
  if (!stored?.result) throw new AppError('NOT_FOUND');
  const result = stored.result as unknown as FormalResult;
  const id = newId();
  const level = f.row.assessment_type === 'predefined' ? result.level : null;
  const capability = f.row.assessment_type === 'custom' ? result.capability.map((d) => ({ domainId: d.id, name: d.name, level: d.capabilityLevel })) : null;
  const number = certificateNumberFor(level, today, f.row.id);
  const validUntil = lastDayOfYears(today, tx.scheme.certificateYears);
  await tx.repos.certificates.insertCertificate({ id, enterpriseId: f.enterprise.id, level, capability, certificateNumber: number, scope: f.row.scope, issuedOn: today, validUntil, assessmentId: f.row.id, bodyId: f.row.body_id });
  for (const older of await tx.repos.formalReview.currentCertificatesOf(f.enterprise.id, id)) {
    await tx.repos.formalReview.setCertificateStatus({ id: older.id, status: 'superseded', reason: `由证书 ${number} 替代`, supersededBy: id, at: tx.now() });
    await recordAudit(tx, by, 'certificate.status_changed', { type: 'certificate', id: older.id, enterprise: { id: f.enterprise.id, regionCode: f.enterprise.region_code } }, { from: older.status, to: 'superseded', by: number });
  }
  await tx.repos.formalReview.markAssessmentCertified(f.row.id, tx.now());
  await recordAudit(tx, by, 'certificate.issued', { type: 'certificate', id, enterprise: { id: f.enterprise.id, regionCode: f.enterprise.region_code } }, { number, level, validUntil });
  await recordAudit(tx, by, 'formal_assessment.certified', formalSubject(f), { certificateNumber: number });
  return { stage };
}

/** 颁发证书 by a reviewer (the daily run does the same for every 公示 that ended). */
export async function issueCertificate(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, (a) => canReviewFormalAssessment(a), (tx, f, by) => issueWithin(tx, f, by));
  return viewFor(ctx, done.actor, done.facts);
}

/** The daily run's part: certificates for every 公示 that ended before today with no open objection. */
export async function issueDueCertificates(ctx: ServiceContext): Promise<string[]> {
  const due = await ctx.repos.formalReview.listNoticesEndedBefore(beijingDay(ctx.now()));
  const issued: string[] = [];
  for (const { assessment_id: id } of due) {
    try {
      await changeFormalAssessmentAsSystem(ctx, id, (tx, f) => issueWithin(tx, f, null));
      issued.push(id);
    } catch (err) {
      // Another server issued it first, or an objection is open: nothing to do today.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return issued;
}
