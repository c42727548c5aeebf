// 合规性审查, 公示 and the certificates the platform issues.
import type { CertificateStatus } from '@cmmm/db';
import type { Db } from './db-types.ts';

export async function insertReview(db: Db, r: { id: string; assessmentId: string; checks: unknown; decision: 'approved' | 'returned'; reasons: string | null; by: string; at: Date }): Promise<void> {
  await db
    .insertInto('formal_review')
    .values({ id: r.id, assessment_id: r.assessmentId, checks: JSON.stringify(r.checks), decision: r.decision, reasons: r.reasons, reviewer_id: r.by, decided_at: r.at })
    .execute();
}

export const listReviews = (db: Db, assessmentId: string) =>
  db.selectFrom('formal_review').selectAll().where('assessment_id', '=', assessmentId).orderBy('decided_at').orderBy('id').execute();

export async function savePublicNotice(db: Db, n: { assessmentId: string; startsOn: string; endsOn: string; by: string; at: Date }): Promise<void> {
  const values = { starts_on: n.startsOn, ends_on: n.endsOn, published_by: n.by, published_at: n.at };
  await db
    .insertInto('public_notice')
    .values({ assessment_id: n.assessmentId, ...values })
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
    .execute();
}

export const findPublicNotice = (db: Db, assessmentId: string) => db.selectFrom('public_notice').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

/** 公示 under way today (stage publicized, today within the period), newest first, paged. */
export async function listCurrentNotices(db: Db, o: { today: string; limit: number; offset: number }) {
  const base = db
    .selectFrom('public_notice')
    .innerJoin('formal_assessment', 'formal_assessment.id', 'public_notice.assessment_id')
    .where('formal_assessment.stage', '=', 'publicized')
    .where('public_notice.starts_on', '<=', o.today)
    .where('public_notice.ends_on', '>=', o.today);
  const [rows, total] = await Promise.all([
    base.select(['public_notice.assessment_id', 'public_notice.starts_on', 'public_notice.ends_on']).orderBy('public_notice.published_at', 'desc').orderBy('public_notice.assessment_id').limit(o.limit).offset(o.offset).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Assessments whose 公示 ended before `today` and that wait for their certificate. */
export const listNoticesEndedBefore = (db: Db, today: string) =>
  db
    .selectFrom('public_notice')
    .innerJoin('formal_assessment', 'formal_assessment.id', 'public_notice.assessment_id')
    .select('public_notice.assessment_id')
    .where('formal_assessment.stage', '=', 'publicized')
    .where('public_notice.ends_on', '<', today)
    .execute();

export async function insertObjection(db: Db, o: { id: string; assessmentId: string; name: string; contact: string; text: string; at: Date }): Promise<void> {
  await db.insertInto('objection').values({ id: o.id, assessment_id: o.assessmentId, name: o.name, contact: o.contact, text: o.text, filed_at: o.at }).execute();
}

export const listObjections = (db: Db, assessmentId: string) =>
  db.selectFrom('objection').selectAll().where('assessment_id', '=', assessmentId).orderBy('filed_at').orderBy('id').execute();

export async function resolveObjection(db: Db, r: { id: string; assessmentId: string; status: 'dismissed' | 'upheld'; resolution: string; by: string; at: Date }): Promise<boolean> {
  const updated = await db
    .updateTable('objection')
    .set({ status: r.status, resolution: r.resolution, resolved_by: r.by, resolved_at: r.at })
    .where('id', '=', r.id)
    .where('assessment_id', '=', r.assessmentId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

// ---- certificates issued by the platform

/** The enterprise's certificates still valid (or suspended) other than `except`: a new one supersedes them. */
export const currentCertificatesOf = (db: Db, enterpriseId: string, except: string) =>
  db.selectFrom('certificate').selectAll().where('enterprise_id', '=', enterpriseId).where('id', '!=', except).where('status', 'in', ['valid', 'suspended']).execute();

export async function setCertificateStatus(db: Db, s: { id: string; status: CertificateStatus; reason: string | null; supersededBy?: string; at: Date }): Promise<void> {
  await db
    .updateTable('certificate')
    .set({ status: s.status, status_reason: s.reason, status_changed_at: s.at, ...(s.supersededBy ? { superseded_by: s.supersededBy } : {}) })
    .where('id', '=', s.id)
    .execute();
}

export const findCertificateOfAssessment = (db: Db, assessmentId: string) => db.selectFrom('certificate').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();

/** Marks every valid certificate whose last day is before `today` expired; returns those this call changed (each once, whoever runs it). */
export const expireCertificatesEndedBefore = (db: Db, today: string, at: Date) =>
  db
    .updateTable('certificate')
    .set({ status: 'expired', status_reason: '有效期届满', status_changed_at: at })
    .where('status', '=', 'valid')
    .where('valid_until', '<', today)
    .returning(['id', 'enterprise_id', 'certificate_number'])
    .execute();

/** Valid certificates whose last day is exactly `day` (a reminder's target). */
/** Valid certificates whose last day is after `after` and not after `upTo` (days 'YYYY-MM-DD'). */
export const validCertificatesEndingBetween = (db: Db, after: string, upTo: string) =>
  db
    .selectFrom('certificate')
    .innerJoin('enterprise', 'enterprise.id', 'certificate.enterprise_id')
    .select(['certificate.id', 'certificate.certificate_number', 'certificate.valid_until', 'enterprise.id as enterprise_id', 'enterprise.name', 'enterprise.region_code'])
    .where('certificate.status', '=', 'valid')
    .where('certificate.valid_until', '>', after)
    .where('certificate.valid_until', '<=', upTo)
    .execute();

/** Claims a reminder; false when it was already sent (by this or another server). */
export async function claimReminder(db: Db, r: { certificateId: string; daysBefore: 90 | 30; at: Date }): Promise<boolean> {
  const claimed = await db
    .insertInto('certificate_reminder')
    .values({ certificate_id: r.certificateId, days_before: r.daysBefore, sent_at: r.at })
    .onConflict((oc) => oc.columns(['certificate_id', 'days_before']).doNothing())
    .returning('certificate_id')
    .executeTakeFirst();
  return !!claimed;
}

export async function markAssessmentCertified(db: Db, assessmentId: string, at: Date): Promise<void> {
  await db.updateTable('assessment').set({ status: 'completed', completed_at: at }).where('id', '=', assessmentId).where('kind', '=', 'formal').execute();
}
