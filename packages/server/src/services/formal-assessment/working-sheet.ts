// 评估工作表 (seed 003 §8.3.2): every requirement in scope with the enterprise's own claim from the
// linked self-diagnosis (企业自评), the evidence count, the viewer's own rating, the others' ratings
// once the viewer has submitted (so each assessor rates on their own), the spread and disagreements,
// and the consensus. Who sees what is decided here from policy.ts's rules.
import type { RatedGradeCode, SheetRow, WorkingSheet } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canCollectEvidence, canSeeAssessedEnterpriseData, canSeeIndividualRatings, type Actor } from '../../policy.ts';
import { formalPlan, requirementsInScope, topLevel } from './formal-scope.ts';
import { readableFormalAssessment, scopeOf, type FormalFacts } from './load-formal-assessment.ts';
import { disagrees, raterOf, ratersOf, spreadOf } from './rating-rules.ts';
import { requireStage } from './stage-machine.ts';

/** Stages with a working sheet: from the feasibility decision on. */
export const SHEET_STAGES = ['feasible', 'assessing', 'rated', 'communicating', 'final', 'under_review', 'publicized', 'certified'] as const;
/** Stages in which the enterprise and region admins see the consensus (the result is shared with them). */
const CONSENSUS_PUBLIC_STAGES: readonly string[] = ['communicating', 'final', 'under_review', 'publicized', 'certified'];

/** The actor may see the enterprise's data, or is told to declare first (a team member who has not). */
export function requireEnterpriseData(actor: Actor, f: FormalFacts): void {
  if (canSeeAssessedEnterpriseData(actor, scopeOf(f))) return;
  throw new AppError(scopeOf(f).members.some((m) => m.accountId === actor.id) ? 'COI_REQUIRED' : 'FORBIDDEN');
}

export async function readWorkingSheet(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<WorkingSheet> {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  requireEnterpriseData(reader, f);
  requireStage(f.row.stage, SHEET_STAGES, '查看评估工作表');
  const scope = scopeOf(f);
  const plan = formalPlan(f.row);
  const inScope = requirementsInScope(f.row, plan);
  // The ratings, consensus and evidence counts come in one query (readSheetRows: ~1,500 rows at 五级).
  const [claims, { ratings, consensus, evidence }, submissions, summaries, meeting] = await Promise.all([
    ctx.repos.selfDiagnoses.listAnswers(f.row.self_diagnosis_id),
    ctx.repos.formalRatings.readSheetRows(f.row.id),
    ctx.repos.formalRatings.listSubmissions(f.row.id),
    ctx.repos.formalRatings.listDomainSummaries(f.row.id),
    ctx.repos.formalRatings.findFirstMeeting(f.row.id),
  ]);
  const raters = ratersOf(f);
  const me = raterOf(f, reader.id);
  const submittedAt = new Map(submissions.map((s) => [s.assessor_id, s.submitted_at]));
  const names = new Map(f.team.map((m) => [m.assessor_id, m.name]));
  const staff = canSeeIndividualRatings(reader, scope) && !me;
  // A rater sees the others' ratings once their own are submitted; staff see every submitted one.
  const seesOthers = staff || (!!me && submittedAt.has(me.assessor_id));
  const seesConsensus = canCollectEvidence(reader, scope) || staff || CONSENSUS_PUBLIC_STAGES.includes(f.row.stage);
  const byRequirement = new Map<string, typeof ratings>();
  for (const r of ratings) {
    const list = byRequirement.get(r.requirement_id) ?? [];
    list.push(r);
    byRequirement.set(r.requirement_id, list);
  }
  const consensusOf = new Map(consensus.map((c) => [c.requirement_id, c]));
  const ratingView = (r: (typeof ratings)[number]) => ({ assessorId: r.assessor_id, assessorName: names.get(r.assessor_id) ?? '', grade: r.grade as RatedGradeCode, note: r.note });

  const rows: SheetRow[] = inScope.map((ir) => {
    const id = ir.requirement.id;
    const all = byRequirement.get(id) ?? [];
    const mine = me ? all.find((r) => r.assessor_id === me.assessor_id) : undefined;
    const shown = seesOthers ? all.filter((r) => submittedAt.has(r.assessor_id) || r.assessor_id === me?.assessor_id) : [];
    const grades = shown.map((r) => r.grade as RatedGradeCode);
    const c = seesConsensus ? consensusOf.get(id) : undefined;
    return {
      requirementId: id,
      level: ir.level,
      elementId: ir.element.id,
      domainId: ir.domain.id,
      domainName: ir.domain.name,
      subdomainId: ir.subdomain.id,
      subdomainName: ir.subdomain.name,
      itemName: ir.item.name,
      text: ir.requirement.text,
      selfClaim: claims[id] ?? null,
      evidenceCount: evidence.get(id) ?? 0,
      myRating: mine ? ratingView(mine) : null,
      ratings: shown.map(ratingView),
      spread: spreadOf(grades),
      disagreement: disagrees(grades),
      consensus: c ? { grade: c.grade as RatedGradeCode, note: c.note, finding: c.finding, updatedAt: c.updated_at.toISOString() } : null,
    };
  });

  const ratedCount = new Map<string, number>();
  const inScopeIds = new Set(inScope.map((r) => r.requirement.id));
  for (const r of ratings) if (inScopeIds.has(r.requirement_id)) ratedCount.set(r.assessor_id, (ratedCount.get(r.assessor_id) ?? 0) + 1);
  const domains = new Map(inScope.map((r) => [r.domain.id, r.domain.name]));
  return {
    assessmentId: f.row.id,
    stage: f.row.stage,
    assessmentType: f.row.assessment_type,
    targetLevel: topLevel(f.row),
    firstMeeting: meeting
      ? { heldOn: meeting.held_on, attendees: meeting.attendees, planConfirmed: meeting.plan_confirmed, agreedItems: meeting.agreed_items, recordedAt: meeting.recorded_at.toISOString() }
      : null,
    raters: raters.map((m) => ({
      assessorId: m.assessor_id,
      name: m.name,
      teamRole: m.team_role,
      rated: seesOthers || m.assessor_id === me?.assessor_id ? (ratedCount.get(m.assessor_id) ?? 0) : 0,
      submittedAt: submittedAt.get(m.assessor_id)?.toISOString() ?? null,
    })),
    myAssessorId: me?.assessor_id ?? null,
    mySubmittedAt: me ? (submittedAt.get(me.assessor_id)?.toISOString() ?? null) : null,
    rows,
    progress: {
      total: rows.length,
      consensus: rows.filter((r) => r.consensus).length,
      disagreements: rows.filter((r) => r.disagreement).length,
      withEvidence: rows.filter((r) => r.evidenceCount > 0).length,
    },
    domainSummaries: seesConsensus
      ? summaries.filter((s) => domains.has(s.domain_id)).map((s) => ({ domainId: s.domain_id, domainName: domains.get(s.domain_id) ?? s.domain_id, strengths: s.strengths, weaknesses: s.weaknesses, improvements: s.improvements }))
      : [],
  };
}
