// 合规性审查 (seed 002 评估流程): the lead submits the final result; the scheme's reviewers see the
// automatic checks and approve — which opens the 公示 — or return it to the team with reasons (the
// team rates, rolls up and discusses again). Approval needs every check passed.
import type { FormalAssessment } from '@cmmm/contract';
import { newId } from '../../security/tokens.ts';
import { addDays } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canLeadFormalAssessment, canReviewFormalAssessment, type Actor } from '../../policy.ts';
import { recordAudit } from '../audit.ts';
import { effortLevel, plannedEffort } from './effort.ts';
import { formalPlan, requirementsInScope } from './formal-scope.ts';
import { changeFormalAssessment, currentTeam, formalSubject, levelOf, readableFormalAssessment, type FormalFacts } from './load-formal-assessment.ts';
import { planDatesOf } from './formal-assessment-view.ts';
import { viewFor } from './read-formal-assessments.ts';
import { reviewChecks, type ReviewCheck } from './review-checks.ts';
import { nextStage, requireStage } from './stage-machine.ts';
import { requireEnterpriseData, SHEET_STAGES } from './working-sheet.ts';

export async function checksFor(ctx: ServiceContext, f: FormalFacts): Promise<ReviewCheck[]> {
  const inScope = requirementsInScope(f.row, formalPlan(f.row)).map((r) => r.requirement.id);
  const [consensus, evidence, certificates] = await Promise.all([
    ctx.repos.formalRatings.listConsensus(f.row.id),
    ctx.repos.formalRatings.countEvidenceByRequirement(f.row.id),
    ctx.repos.certificates.certificatesOfEnterprise(f.enterprise.id),
  ]);
  const formal = f.plans.formal;
  const plans = planDatesOf(f);
  return reviewChecks({
    team: {
      level: levelOf(f.row),
      // Qualifications count on the assessment's own dates.
      today: formal?.starts_on ?? f.today,
      leadAssessorId: f.row.lead_assessor_id,
      members: currentTeam(f).map((m) => ({ assessorId: m.assessor_id, name: m.name, teamRole: m.team_role, coi: m.coi })),
      qualifications: f.qualifications,
      plans,
    },
    effortLevel: effortLevel(f.row.assessment_type === 'predefined' ? f.row.target_level : null, f.row.custom_domains.map((d) => d.targetCapabilityLevel)),
    planned: {
      pre: f.plans.pre ? plannedEffort({ startsOn: f.plans.pre.starts_on, endsOn: f.plans.pre.ends_on, assessorIds: f.plans.pre.assessor_ids }) : null,
      formal: formal ? plannedEffort({ startsOn: formal.starts_on, endsOn: formal.ends_on, assessorIds: formal.assessor_ids }) : null,
    },
    inScope,
    withConsensus: new Set(consensus.map((c) => c.requirement_id)),
    withEvidence: new Set([...evidence.keys()]),
    level: levelOf(f.row),
    certificates: certificates
      .filter((c) => c.assessment_id !== f.row.id && c.level !== null && c.status !== 'revoked' && c.status !== 'suspended')
      .map((c) => ({ level: c.level!, issuedOn: c.issued_on })),
    appliedOn: f.row.submitted_at.toISOString().slice(0, 10),
  });
}

export async function submitForReview(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, canLeadFormalAssessment, async (tx, f, by) => {
    const stage = nextStage(f.row.stage, 'submitForReview');
    await recordAudit(tx, by, 'formal_assessment.review_requested', formalSubject(f));
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}

/** The checks as they stand and every review so far: whoever may see the enterprise's data in this assessment. */
export async function readReview(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  requireEnterpriseData(reader, f);
  // From the feasibility decision on: the team sees what will be checked, and a returned team reads the reasons.
  requireStage(f.row.stage, SHEET_STAGES, '查看合规性审查');
  const [checks, reviews] = await Promise.all([checksFor(ctx, f), ctx.repos.formalReview.listReviews(f.row.id)]);
  return {
    checks,
    reviews: reviews.map((r) => ({ id: r.id, decision: r.decision, reasons: r.reasons, checks: r.checks, decidedAt: r.decided_at.toISOString() })),
  };
}

export async function decideReview(ctx: ServiceContext, actor: Actor | null, input: { id: string; approve: boolean; reasons?: string }): Promise<FormalAssessment> {
  const done = await changeFormalAssessment(ctx, actor, input.id, (a) => canReviewFormalAssessment(a), async (tx, f, by) => {
    const stage = nextStage(f.row.stage, input.approve ? 'approve' : 'returnForRework');
    const checks = await checksFor(tx, f);
    const failed = checks.filter((c) => !c.passed);
    if (input.approve && failed.length) throw new AppError('REVIEW_CHECKS_FAILED', undefined, failed.map((c) => ({ code: 'REVIEW_CHECKS_FAILED', path: `checks.${c.code}`, message: c.message })));
    await tx.repos.formalReview.insertReview({ id: newId(), assessmentId: f.row.id, checks, decision: input.approve ? 'approved' : 'returned', reasons: input.reasons ?? null, by: by.id, at: tx.now() });
    if (input.approve) {
      const startsOn = f.today;
      await tx.repos.formalReview.savePublicNotice({ assessmentId: f.row.id, startsOn, endsOn: addDays(startsOn, tx.scheme.noticeDays - 1), by: by.id, at: tx.now() });
    } else {
      // Back to the team: the result goes and everyone submits again.
      await tx.repos.formalRatings.clearFormalResult(f.row.id);
      await tx.repos.formalRatings.clearSubmissions(f.row.id);
    }
    await recordAudit(tx, by, input.approve ? 'formal_assessment.approved' : 'formal_assessment.returned', formalSubject(f), { reasons: input.reasons ?? null, failed: failed.map((c) => c.code) });
    return { stage };
  });
  return viewFor(ctx, done.actor, done.facts);
}
