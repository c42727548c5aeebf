// 资质: the grade path is history (seed 002 晋级程序). A qualification is only ever added and decided,
// never changed or removed: an upgrade adds a row and the earlier ones stay. The platform admin
// registers each one ("在平台正式注册"): added by it, approved at once; added by others, pending.
import type { AddQualification, DecideQualification, Qualification } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import type { QualificationRow } from '@cmmm/db';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canDecideQualification, canManageAssessor, canReadAssessor, type Actor } from '../../policy.ts';
import type { AssessorWithNames } from '../../repositories/assessors.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { assessorEnterprise, assessorScope } from './manage-assessors.ts';
import { INTERNAL_GRADES, pathAllows, qualificationFacts } from './qualification-rules.ts';
import { qualificationView } from './views.ts';

const certificateNumberTaken = () =>
  new AppError('CERTIFICATE_NUMBER_TAKEN', undefined, [{ code: 'CERTIFICATE_NUMBER_TAKEN', path: 'certificateNumber', message: '该证书编号已登记' }]);

/**
 * Inserts a qualification for the person if the rules allow it: an internal assessor holds intro only,
 * the grade's prerequisite was approved, the certificate number is new. Inside a transaction.
 */
export async function insertAllowedQualification(
  tx: ServiceContext,
  person: Pick<AssessorWithNames, 'id' | 'enterprise_id'>,
  q: AddQualification & { status: 'pending' | 'approved'; decidedBy: string | null; trainingId?: string | null },
): Promise<QualificationRow> {
  if (person.enterprise_id && !INTERNAL_GRADES.includes(q.grade)) throw new AppError('INTERNAL_ASSESSOR_GRADE');
  const held = (await tx.repos.assessors.qualificationsOf([person.id])).map(qualificationFacts);
  if (!pathAllows(held, q.grade)) throw new AppError('GRADE_PATH');
  if (await tx.repos.assessors.findQualificationByCertificateNumber(q.certificateNumber)) throw certificateNumberTaken();
  const id = newId();
  await tx.repos.assessors.insertQualification({
    id,
    assessorId: person.id,
    grade: q.grade,
    certificateNumber: q.certificateNumber,
    issuingBody: q.issuingBody,
    obtainedOn: q.obtainedOn,
    validUntil: q.validUntil,
    status: q.status,
    decidedBy: q.decidedBy,
    decidedAt: q.status === 'approved' ? tx.now() : null,
    trainingId: q.trainingId ?? null,
  });
  return (await tx.repos.assessors.findQualification(id))!;
}

/** Turns the race of two inserts with one certificate number into its code. */
export function certificateNumberRace(err: unknown): unknown {
  return isUniqueViolation(err, 'qualification_certificate_number_key') ? certificateNumberTaken() : err;
}

export async function addQualification(ctx: ServiceContext, actor: Actor | null, input: { assessorId: string; qualification: AddQualification }): Promise<Qualification> {
  authorize(actor, true); // any logged-in user; whose record, the rules below decide
  const person = await ctx.repos.assessors.findAssessorWithNames(input.assessorId);
  // A record the actor may not read answers like a missing one: no probing for ids.
  if (!person || !canReadAssessor(actor, assessorScope(person))) throw new AppError('ASSESSOR_NOT_FOUND');
  authorize(actor, canManageAssessor(actor, assessorScope(person)));
  const approvedAtOnce = canDecideQualification(actor);
  try {
    const row = await ctx.transaction(async (tx) => {
      const added = await insertAllowedQualification(tx, person, { ...input.qualification, status: approvedAtOnce ? 'approved' : 'pending', decidedBy: approvedAtOnce ? actor.id : null });
      const q = input.qualification;
      await recordAudit(tx, actor, approvedAtOnce ? 'qualification.approved' : 'qualification.submitted', { type: 'qualification', id: added.id, enterprise: assessorEnterprise(person) }, {
        assessorId: person.id,
        grade: q.grade,
        certificateNumber: q.certificateNumber,
        issuingBody: q.issuingBody,
        obtainedOn: q.obtainedOn,
        validUntil: q.validUntil,
      });
      return added;
    });
    return qualificationView(row, beijingDay(ctx.now()));
  } catch (err) {
    throw certificateNumberRace(err);
  }
}

export async function decideQualification(ctx: ServiceContext, actor: Actor | null, input: { id: string; decision: DecideQualification }): Promise<Qualification> {
  authorize(actor, canDecideQualification(actor));
  const { approve, reason } = input.decision;
  const row = await ctx.transaction(async (tx) => {
    const pending = await tx.repos.assessors.findQualification(input.id);
    if (!pending) throw new AppError('NOT_FOUND', '找不到该资质记录');
    const decided = await tx.repos.assessors.decidePendingQualification(input.id, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: actor.id,
      decidedAt: tx.now(),
      rejectReason: approve ? null : (reason ?? null),
    });
    // Only a pending one changes (also when two admins decide at once).
    if (!decided) throw new AppError('QUALIFICATION_DECIDED');
    const person = (await tx.repos.assessors.findAssessorWithNames(pending.assessor_id))!;
    await recordAudit(tx, actor, approve ? 'qualification.approved' : 'qualification.rejected', { type: 'qualification', id: input.id, enterprise: assessorEnterprise(person) }, {
      assessorId: pending.assessor_id,
      grade: pending.grade,
      certificateNumber: pending.certificate_number,
      ...(approve ? {} : { reason: reason ?? null }),
    });
    return (await tx.repos.assessors.findQualification(input.id))!;
  });
  return qualificationView(row, beijingDay(ctx.now()));
}
