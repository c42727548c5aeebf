// 评分 and 组内一致意见 (seed 002 评估方法; seed 003 §8.3.3): each assessor rates every requirement in
// scope on their own and submits; once everyone has, the lead records the consensus with a note (and
// the finding's text); the lead also writes each domain's strengths, weaknesses and improvement
// directions. Every change is an audit event. Work goes on side by side (workOnFormalAssessment).
import type { RatedGradeCode } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import type { ItemOutcome } from '../../group-commit.ts';
import { authorize, canLeadFormalAssessment, canRateFormalAssessment, canReadFormalAssessment, type Actor } from '../../policy.ts';
import type { FormalAssessmentRecord, shareLockRatingFacts } from '../../repositories/formal-assessments.ts';
import type { RatingToSave } from '../../repositories/formal-ratings.ts';
import { recordAudit, recordAudits, type AuditEntry } from '../audit.ts';
import { formalPlan, requirementsInScope } from './formal-scope.ts';
import { changeFormalAssessment, formalSubject, scopeOf, workOnFormalAssessment } from './load-formal-assessment.ts';
import { raterOf, ratersOf } from './rating-rules.ts';
import { requireStage } from './stage-machine.ts';

type ScopeRow = Parameters<typeof requirementsInScope>[0];

function requireInScope(row: ScopeRow, requirementId: string) {
  const found = requirementsInScope(row, formalPlan(row)).find((r) => r.requirement.id === requirementId);
  if (!found) throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'requirementId', message: `「${requirementId}」不在本次评估的范围内` }]);
  return found;
}

const requireRating = (row: Pick<FormalAssessmentRecord, 'stage'>) => requireStage(row.stage, ['assessing'], '评分');

interface RatingInput {
  id: string;
  requirementId: string;
  grade: RatedGradeCode;
  note?: string;
}

interface RatingSave {
  ctx: ServiceContext;
  actor: Actor;
  input: RatingInput;
}

type SavedRating = { requirementId: string; grade: RatedGradeCode };

/**
 * 评分: the rater's own rating of a requirement in scope, while assessing, until they submit. Saves of
 * one assessment arriving together are written together (group commit: one transaction, one share
 * lock, one audit append, one commit), each checked on its own; each is answered once committed.
 */
export async function saveRating(ctx: ServiceContext, actor: Actor | null, input: RatingInput): Promise<SavedRating> {
  authorize(actor, true);
  // One batch at a time per assessment on the embedded database (one session: fewer, larger transactions);
  // on PostgreSQL per rater, so the raters' batches run side by side (a rating is only ever in its rater's).
  const key = ctx.concurrentDb ? `rating:${input.id}:${actor.id}` : `rating:${input.id}`;
  return ctx.caches.groupCommit.write(key, { ctx, actor, input }, writeRatings);
}

/** The facts a rating needs (shareLockRatingFacts) in the shape the rules read. */
function ratingFactsOf(row: NonNullable<Awaited<ReturnType<typeof shareLockRatingFacts>>>) {
  return { row, enterprise: { id: row.enterprise_id, region_code: row.region_code, sub_platform_code: row.sub_platform_code }, lead: { account_id: row.lead_account_id }, team: row.team };
}
type RatingFacts = ReturnType<typeof ratingFactsOf>;

/**
 * One batch of one assessment's rating saves, in one transaction: the facts once (share lock), each
 * save checked on its own in the order they came, the allowed ones written together, the audit events
 * appended together. A save refused by a rule is answered with its error; the others still land.
 */
async function writeRatings(saves: readonly RatingSave[]): Promise<ItemOutcome<SavedRating>[]> {
  return saves[0]!.ctx.transaction(async (tx) => {
    const found = await tx.repos.formalAssessments.shareLockRatingFacts(saves[0]!.input.id);
    const facts = found && ratingFactsOf(found);
    const outcomes: ItemOutcome<SavedRating>[] = [];
    const allowed: { index: number; save: RatingSave; rating: RatingToSave }[] = [];
    saves.forEach((save, index) => {
      try {
        allowed.push({ index, save, rating: ratingAllowed(facts, save) });
        outcomes.push({ ok: true, value: { requirementId: save.input.requirementId, grade: save.input.grade } });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ ok: false, error });
      }
    });
    const events: AuditEntry[] = [];
    // One statement changes a row once: a rating saved twice in the batch goes in a second statement, after the first.
    for (const wave of waves(allowed, (a) => `${a.rating.assessorId} ${a.rating.requirementId}`)) {
      const saved = await tx.repos.formalRatings.saveRatingsIfOpen(facts!.row.id, tx.now(), wave.map((a) => a.rating));
      wave.forEach(({ index, save: { ctx, actor, input } }, i) => {
        const { open, changed, before } = saved[i]!;
        if (!open) outcomes[index] = { ok: false, error: new AppError('RATINGS_SUBMITTED') };
        else if (changed) events.push({ actor, action: 'formal_assessment.rated', subject: formalSubject(facts!), summary: { requirementId: input.requirementId, from: before?.grade ?? null, to: input.grade }, requestId: ctx.requestId });
      });
    }
    if (events.length) await recordAudits(tx, events);
    return outcomes;
  });
}

/** The checks of every change (workOnFormalAssessment), in the same order, then the rater's own: the rating to write. */
function ratingAllowed(f: RatingFacts | undefined, { actor, input }: RatingSave): RatingToSave {
  if (!f || !canReadFormalAssessment(actor, scopeOf(f))) throw new AppError('NOT_FOUND');
  authorize(actor, canRateFormalAssessment(actor, scopeOf(f)));
  requireRating(f.row);
  requireInScope(f.row, input.requirementId);
  const me = raterOf(f, actor.id)!;
  return { assessorId: me.assessor_id, requirementId: input.requirementId, grade: input.grade, note: input.note || null };
}

/** Splits `items` in order into runs where no key repeats: an item goes after every earlier one of its key. */
function waves<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const seen = new Map<string, number>();
  const out: T[][] = [];
  for (const item of items) {
    const key = keyOf(item);
    const wave = seen.get(key) ?? 0;
    seen.set(key, wave + 1);
    (out[wave] ??= []).push(item);
  }
  return out;
}

/**
 * 提交评分: every requirement in scope rated; then the others' ratings show and this member's stay fixed.
 * Under the row lock, not the share lock of the rating saves: it waits for the batches under way and holds
 * off the next, so no save of this rater slips in after the ratings were read (no version bump).
 */
export async function submitRatings(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  await changeFormalAssessment(ctx, actor, input.id, canRateFormalAssessment, async (tx, f, by) => {
    requireRating(f.row);
    const me = raterOf(f, by.id)!;
    const submitted = await tx.repos.formalRatings.listSubmissions(f.row.id);
    if (submitted.some((s) => s.assessor_id === me.assessor_id)) throw new AppError('RATINGS_SUBMITTED');
    const mine = new Set((await tx.repos.formalRatings.listRatings(f.row.id)).filter((r) => r.assessor_id === me.assessor_id).map((r) => r.requirement_id));
    const missing = requirementsInScope(f.row).filter((r) => !mine.has(r.requirement.id));
    if (missing.length) {
      throw new AppError(
        'RATINGS_INCOMPLETE',
        undefined,
        missing.slice(0, 20).map((r) => ({ code: 'RATINGS_INCOMPLETE', path: `ratings.${r.requirement.id}`, message: `「${r.item.name}」${r.level}级要求尚未评分` })),
      );
    }
    await tx.repos.formalRatings.submitRatings({ assessmentId: f.row.id, assessorId: me.assessor_id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.ratings_submitted', formalSubject(f), { assessorId: me.assessor_id, rated: mine.size });
    return null;
  });
  return { submitted: true };
}

/** 组内一致意见: the lead, once every rater has submitted. */
export async function saveConsensus(ctx: ServiceContext, actor: Actor | null, input: { id: string; requirementId: string; grade: RatedGradeCode; note: string; finding?: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['assessing'], '记录组内一致意见');
    requireInScope(f.row, input.requirementId);
    const submitted = new Set((await tx.repos.formalRatings.listSubmissions(f.row.id)).map((s) => s.assessor_id));
    const pending = ratersOf(f).filter((m) => !submitted.has(m.assessor_id));
    if (pending.length) throw new AppError('RATERS_PENDING', undefined, pending.map((m) => ({ code: 'RATERS_PENDING', path: 'raters', message: `${m.name} 尚未提交评分` })));
    const previous = (await tx.repos.formalRatings.listConsensus(f.row.id)).find((c) => c.requirement_id === input.requirementId);
    await tx.repos.formalRatings.saveConsensus({ assessmentId: f.row.id, requirementId: input.requirementId, grade: input.grade, note: input.note, finding: input.finding || null, by: by.id, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.consensus_recorded', formalSubject(f), { requirementId: input.requirementId, from: previous?.grade ?? null, to: input.grade });
    return { requirementId: input.requirementId, grade: input.grade };
  });
}

/** 各能力域的优势、不足与改进方向: the lead, for a domain in scope. */
export async function saveDomainSummary(ctx: ServiceContext, actor: Actor | null, input: { id: string; domainId: string; strengths: string; weaknesses: string; improvements: string }) {
  return workOnFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    requireStage(f.row.stage, ['assessing'], '填写能力域评估综述');
    if (!requirementsInScope(f.row).some((r) => r.domain.id === input.domainId)) {
      throw new AppError('NOT_IN_SCOPE', undefined, [{ code: 'NOT_IN_SCOPE', path: 'domainId', message: `能力域「${input.domainId}」不在本次评估的范围内` }]);
    }
    await tx.repos.formalRatings.saveDomainSummary({ assessmentId: f.row.id, domainId: input.domainId, strengths: input.strengths, weaknesses: input.weaknesses, improvements: input.improvements, at: tx.now() });
    await recordAudit(tx, by, 'formal_assessment.summary_saved', formalSubject(f), { domainId: input.domainId });
    return { domainId: input.domainId };
  });
}
