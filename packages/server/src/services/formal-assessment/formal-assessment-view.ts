// A formal assessment as the pages show it (formalAssessmentSchema): the application header, the
// team, the plans beside seed 002's person-day table, the pre-assessment, and what the viewer may do
// now. The enterprise's own data (its self-diagnosis) only for those policy.ts lets see it.
import type { FormalAction, FormalAssessment, FormalAssessmentSummary, Plan, PlanKind, TeamMember } from '@cmmm/contract';
import { editionIndex, requireEdition } from '@cmmm/model';
import {
  canActForAssessedEnterprise,
  canAssignLeadAssessor,
  canCollectEvidence,
  canDeclareOwnConflict,
  canLeadFormalAssessment,
  canRateFormalAssessment,
  canReviewFormalAssessment,
  canSeeAssessedEnterpriseData,
  type Actor,
} from '../../policy.ts';
import type { FormalAssessmentListRow, PlanRecord } from '../../repositories/formal-assessments.ts';
import type { SelfDiagnosisRow } from '../../repositories/self-diagnoses.ts';
import { highestGrade } from '../assessors/qualification-rules.ts';
import { effortFlags, effortLevel, plannedEffort, STANDARD_EFFORT } from './effort.ts';
import { currentTeam, levelOf, scopeOf, type FormalFacts } from './load-formal-assessment.ts';
import { canHappen } from './stage-machine.ts';
import { gradesFor, periodsOf, qualifiedOver, type PlanDates } from './team-rules.ts';

/** Stages in which the lead may set the domain weights (from 受理 to the pre-assessment's decision). */
export const WEIGHT_STAGES = ['accepted', 'team_formed', 'plans_confirmed', 'pre_assessment'] as const;

export const planDatesOf = (f: Pick<FormalFacts, 'plans'>): PlanDates[] =>
  Object.values(f.plans).map((p) => ({ kind: p.kind, startsOn: p.starts_on, endsOn: p.ends_on, assessorIds: p.assessor_ids }));

/** Whether a lead may be assigned now: before 受理, or after the lead declared a conflict and left. */
export const leadAssignable = (f: FormalFacts): boolean => f.row.stage === 'submitted' || (f.row.stage === 'accepted' && f.row.lead_assessor_id === null);

export const isConfirmed = (p: Pick<PlanRecord, 'version' | 'confirmed_version'>): boolean => p.confirmed_version === p.version;

/** What the viewer may do now: the rule of policy.ts and the stage both allow it. */
export function actionsFor(actor: Actor, f: FormalFacts): FormalAction[] {
  const scope = scopeOf(f);
  const stage = f.row.stage;
  const lead = canLeadFormalAssessment(actor, scope);
  const enterprise = canActForAssessedEnterprise(actor, scope);
  const team = currentTeam(f);
  const plans = Object.values(f.plans);
  const actions: FormalAction[] = [];
  const offer = (action: FormalAction, when: boolean) => {
    if (when) actions.push(action);
  };
  offer('withdraw', enterprise && canHappen(stage, 'withdraw'));
  offer('assignLead', canAssignLeadAssessor(actor, scope) && leadAssignable(f));
  offer('decideAcceptance', lead && canHappen(stage, 'accept'));
  offer('editTeam', lead && stage === 'accepted');
  offer('declareOwnConflict', stage === 'accepted' && team.some((m) => m.team_role !== 'internal' && m.coi === 'pending' && canDeclareOwnConflict(actor, { accountId: m.account_id })));
  offer('declareInternalConflict', stage === 'accepted' && enterprise && team.some((m) => m.team_role === 'internal' && m.coi === 'pending'));
  offer('finaliseTeam', lead && canHappen(stage, 'formTeam'));
  offer('reopenTeam', lead && canHappen(stage, 'reopenTeam'));
  offer('setWeights', lead && (WEIGHT_STAGES as readonly string[]).includes(stage));
  offer('editPlans', lead && canHappen(stage, 'changePlan'));
  offer('confirmPlans', enterprise && stage === 'team_formed' && plans.some((p) => !isConfirmed(p)));
  offer('recordPreAssessment', lead && (canHappen(stage, 'startPreAssessment') || (stage === 'pre_assessment' && !f.preAssessment?.decision)));
  offer('decideFeasibility', lead && stage === 'pre_assessment' && !!f.preAssessment);
  offer('recordFirstMeeting', lead && canHappen(stage, 'holdFirstMeeting'));
  offer('addEvidence', canCollectEvidence(actor, scope) && stage === 'assessing');
  offer('rate', canRateFormalAssessment(actor, scope) && stage === 'assessing');
  offer('recordConsensus', lead && stage === 'assessing');
  offer('writeSummaries', lead && stage === 'assessing');
  offer('rollUp', lead && canHappen(stage, 'rollUp'));
  offer('reopenRating', lead && canHappen(stage, 'reopenRating'));
  offer('shareResult', lead && canHappen(stage, 'shareResult'));
  offer('respondToFindings', enterprise && stage === 'communicating');
  offer('decideResponses', lead && stage === 'communicating');
  offer('finalise', lead && canHappen(stage, 'finalise'));
  offer('submitForReview', lead && canHappen(stage, 'submitForReview'));
  const reviewer = canReviewFormalAssessment(actor);
  offer('review', reviewer && stage === 'under_review');
  offer('resolveObjections', reviewer && stage === 'publicized');
  offer('issueCertificate', reviewer && canHappen(stage, 'issueCertificate'));
  return actions;
}

export function summaryOf(row: FormalAssessmentListRow): FormalAssessmentSummary {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    assessmentType: row.assessment_type,
    targetLevel: row.target_level,
    stage: row.stage,
    bodyId: row.body_id,
    bodyName: row.body_name,
    leadName: row.lead_name,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function teamMemberOf(f: FormalFacts, m: FormalFacts['team'][number], level: number, plans: readonly PlanDates[]): TeamMember {
  const qs = f.qualifications.get(m.assessor_id) ?? [];
  const periods = periodsOf(m.assessor_id, f.today, plans);
  const planned = periods.slice(1);
  const from = planned.length ? planned.reduce((a, p) => (p.from < a ? p.from : a), planned[0]!.from) : f.today;
  const to = planned.length ? planned.reduce((a, p) => (p.to > a ? p.to : a), planned[0]!.to) : f.today;
  return {
    assessorId: m.assessor_id,
    name: m.name,
    teamRole: m.team_role,
    grade: highestGrade(qs, from, to),
    coi: m.coi,
    coiStatement: m.coi_statement,
    declaredAt: m.declared_at?.toISOString() ?? null,
    removedAt: m.removed_at?.toISOString() ?? null,
    qualifiedOnPlannedDates: qualifiedOver(qs, gradesFor(m.team_role, level), periods),
  };
}

function planOf(p: PlanRecord | undefined, level: 2 | 3 | 4 | 5): Plan | null {
  if (!p) return null;
  const kind = p.kind as PlanKind;
  return {
    kind,
    purpose: p.purpose,
    scope: p.scope,
    tasks: p.tasks,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    assessorIds: p.assessor_ids,
    agenda: p.agenda,
    version: p.version,
    confirmedVersion: p.confirmed_version,
    confirmedAt: p.confirmed_at?.toISOString() ?? null,
    confirmed: isConfirmed(p),
    planned: plannedEffort({ startsOn: p.starts_on, endsOn: p.ends_on, assessorIds: p.assessor_ids }),
    standard: STANDARD_EFFORT[level][kind],
  };
}

/** The view for this actor; `selfDiagnosis` is the linked diagnosis row when the actor may see it. */
export function formalAssessmentView(actor: Actor, f: FormalFacts, selfDiagnosis: SelfDiagnosisRow | undefined): FormalAssessment {
  const { row } = f;
  const index = editionIndex(requireEdition(row.edition_id));
  const level = levelOf(row);
  const customTargets = row.custom_domains.map((d) => d.targetCapabilityLevel);
  const effortAt = effortLevel(row.assessment_type === 'predefined' ? row.target_level : null, customTargets);
  const plans = planDatesOf(f);
  const pre = planOf(f.plans.pre, effortAt);
  const formal = planOf(f.plans.formal, effortAt);
  const standard = STANDARD_EFFORT[effortAt];
  const seesData = canSeeAssessedEnterpriseData(actor, scopeOf(f));
  return {
    id: row.id,
    enterpriseId: f.enterprise.id,
    enterpriseName: f.enterprise.name,
    regionCode: f.enterprise.region_code,
    assessmentType: row.assessment_type,
    targetLevel: row.target_level,
    stage: row.stage,
    bodyId: row.body_id,
    bodyName: f.body?.name ?? '',
    leadName: f.lead?.name ?? null,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    application: {
      selfDiagnosisId: row.self_diagnosis_id,
      customDomains: row.custom_domains.map((d) => ({ domainId: d.domainId, domainName: index.name(d.domainId) ?? d.domainId, targetCapabilityLevel: d.targetCapabilityLevel })),
      scope: row.scope,
      notApplicable: row.not_applicable.map((n) => ({ nodeId: n.nodeId, nodeName: index.name(n.nodeId) ?? n.nodeId, reason: n.reason })),
      sponsor: { name: row.sponsor_name, title: row.sponsor_title },
      liaison: { name: row.liaison_name, mobile: row.liaison_mobile },
      internalAssessor: f.internalAssessor ? { id: f.internalAssessor.id, name: f.internalAssessor.name } : null,
      leadAssessorId: row.lead_assessor_id,
      editionId: row.edition_id,
      enterpriseType: row.enterprise_type,
    },
    selfDiagnosis:
      seesData && selfDiagnosis
        ? { id: selfDiagnosis.id, level: selfDiagnosis.level ?? 0, totalScore: selfDiagnosis.total_score ?? 0, completedAt: (selfDiagnosis.completed_at ?? selfDiagnosis.created_at).toISOString() }
        : null,
    acceptance: { lawful: row.lawful_confirmed, intelligentManufacturing: row.im_confirmed, declineReason: row.decline_reason },
    team: f.team.map((m) => teamMemberOf(f, m, level, plans)),
    plans: { pre, formal },
    effort: {
      standard: { pre: standard.pre, formal: standard.formal, totalPersonDays: standard.pre.personDays + standard.formal.personDays },
      planned: { pre: pre?.planned ?? null, formal: formal?.planned ?? null, totalPersonDays: (pre?.planned.personDays ?? 0) + (formal?.planned.personDays ?? 0) },
      flags: effortFlags(effortAt, { pre: pre?.planned ?? null, formal: formal?.planned ?? null }, currentTeam(f).length),
    },
    weights: { custom: row.weights, rationale: row.weights_rationale },
    preAssessment:
      seesData && f.preAssessment
        ? {
            basicSituation: f.preAssessment.basic_situation,
            directEvidence: f.preAssessment.direct_evidence,
            indirectEvidence: f.preAssessment.indirect_evidence,
            readinessFindings: f.preAssessment.readiness_findings,
            decision: f.preAssessment.decision,
            closeReasons: f.preAssessment.close_reasons,
            decidedAt: f.preAssessment.decided_at?.toISOString() ?? null,
          }
        : null,
    actions: actionsFor(actor, f),
    version: row.version,
  };
}
