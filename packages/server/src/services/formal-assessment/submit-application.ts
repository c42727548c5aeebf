// 评估申请: the rules explained before submission (checkApplication) and submission itself, which
// runs the same rules in the transaction with the enterprise's row locked, so two submissions on
// two servers cannot both pass "one open application per enterprise" (the partial unique index
// formal_assessment_open_key decides if they ever did).
import type { Application, ApplicationCheck, FormalAssessment } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import { getEdition, type EnterpriseType } from '@cmmm/model';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canApplyForAssessment, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { holdsGrade, MAY_LEAD_HIGH_MATURITY, qualificationFacts } from '../assessors/qualification-rules.ts';
import { recordAudit } from '../audit.ts';
import { applicationChecks, firstBlock, requestedLevel, type ApplicationFacts } from './application-rules.ts';
import { qualificationsByPerson } from './load-formal-assessment.ts';
import { readFormalAssessment } from './read-formal-assessments.ts';
import { OPEN_STAGES } from './stage-machine.ts';

/** The facts the rules of an application need, read through `ctx` (the transaction when submitting). */
async function applicationFacts(ctx: ServiceContext, enterpriseId: string, a: Application): Promise<ApplicationFacts> {
  const today = beijingDay(ctx.now());
  const [diagnosis, open, certificates, body, people] = await Promise.all([
    ctx.repos.selfDiagnoses.findSelfDiagnosis(a.selfDiagnosisId),
    ctx.repos.formalAssessments.findOpenFormalAssessment(enterpriseId, OPEN_STAGES),
    ctx.repos.certificates.certificatesOfEnterprise(enterpriseId),
    ctx.repos.assessmentBodies.findAssessmentBody(a.bodyId),
    ctx.repos.assessors.findAssessorsByIds([a.leadAssessorId, a.internalAssessorId].filter((x): x is string => !!x)),
  ]);
  const completed = diagnosis && diagnosis.enterprise_id === enterpriseId && diagnosis.status === 'completed' ? diagnosis : undefined;
  const edition = completed ? getEdition(completed.edition_id) : undefined;
  const qualifications = await qualificationsByPerson(ctx, people.map((p) => p.id));
  const person = (id: string | undefined) => {
    if (id === undefined) return undefined;
    const found = people.find((p) => p.id === id);
    return found ? { bodyId: found.body_id, enterpriseId: found.enterprise_id, qualifications: qualifications.get(found.id) ?? [] } : null;
  };
  // Only asked when no lead is named and a high-maturity lead is needed.
  const needsBodyLead = body && a.leadAssessorId === undefined && requestedLevel(a) >= 4;
  const bodyLeads = needsBodyLead ? (await ctx.repos.assessors.qualificationsOfBodyPeople(body.id, MAY_LEAD_HIGH_MATURITY)).map(qualificationFacts) : [];
  return {
    today,
    enterpriseId,
    selfDiagnosis: completed ? { editionId: completed.edition_id, enterpriseType: completed.enterprise_type as EnterpriseType } : null,
    edition: edition?.ok ? edition.value : null,
    openApplicationId: open?.id ?? null,
    // A maturity level certified and not withdrawn (a 自定义评估's certificate has no level).
    certificates: certificates.filter((c) => c.level !== null && c.status !== 'revoked' && c.status !== 'suspended').map((c) => ({ level: c.level!, issuedOn: c.issued_on })),
    bodyExists: !!body,
    bodyHasHighMaturityLead: holdsGrade(bodyLeads, MAY_LEAD_HIGH_MATURITY, today),
    lead: person(a.leadAssessorId),
    internalAssessor: person(a.internalAssessorId),
  };
}

/** The enterprise the actor applies for. */
function applicantOf(actor: Actor | null): { actor: Actor; enterpriseId: string } {
  authorize(actor, canApplyForAssessment(actor));
  return { actor, enterpriseId: actor.enterpriseId! };
}

/** 提交前检查: every rule, blocks and warnings, for the form to show. */
export async function checkApplication(ctx: ServiceContext, actor: Actor | null, input: Application): Promise<{ checks: ApplicationCheck[] }> {
  const { enterpriseId } = applicantOf(actor);
  return { checks: applicationChecks(input, await applicationFacts(ctx, enterpriseId, input)) };
}

const blocksAsIssues = (checks: readonly ApplicationCheck[]) => checks.filter((c) => c.severity === 'block').map(({ code, path, message }) => ({ code, path, message }));

/** 提交评估申请: refused with the first block's code, every block listed. */
export async function submitApplication(ctx: ServiceContext, actor: Actor | null, input: Application): Promise<FormalAssessment> {
  const applicant = applicantOf(actor);
  const id = await submitRow(ctx, applicant, input);
  return readFormalAssessment(ctx, actor, { id });
}

async function submitRow(ctx: ServiceContext, { actor, enterpriseId }: { actor: Actor; enterpriseId: string }, a: Application): Promise<string> {
  try {
    return await ctx.transaction(async (tx) => {
      // Serialise applications per enterprise (on every server): the open-application check below then sees the other one.
      const enterprise = await tx.repos.enterprises.lockEnterprise(enterpriseId);
      if (!enterprise) throw new AppError('NOT_FOUND');
      const facts = await applicationFacts(tx, enterpriseId, a);
      const checks = applicationChecks(a, facts);
      const block = firstBlock(checks);
      if (block) throw new AppError(block.code, block.message, blocksAsIssues(checks));
      const id = newId();
      const predefined = a.assessmentType === 'predefined';
      const notApplicable = a.notApplicable.map((n) => ({ nodeId: n.nodeId, reason: n.reason }));
      await tx.repos.formalAssessments.insertFormalAssessment({
        id,
        enterpriseId,
        selfDiagnosisId: a.selfDiagnosisId,
        editionId: facts.selfDiagnosis!.editionId,
        enterpriseType: facts.selfDiagnosis!.enterpriseType,
        tailored: [...new Set(notApplicable.map((n) => n.nodeId))],
        assessmentType: a.assessmentType,
        targetLevel: predefined ? a.targetLevel! : null,
        customDomains: predefined ? [] : a.customDomains,
        scope: a.scope,
        notApplicable,
        sponsorName: a.sponsor.name,
        sponsorTitle: a.sponsor.title,
        liaisonName: a.liaison.name,
        liaisonMobile: a.liaison.mobile,
        internalAssessorId: a.internalAssessorId ?? null,
        bodyId: a.bodyId,
        leadAssessorId: a.leadAssessorId ?? null,
        stage: 'submitted',
        at: tx.now(),
      });
      await recordAudit(tx, actor, 'formal_assessment.submitted', { type: 'formal_assessment', id, enterprise: { id: enterpriseId, regionCode: enterprise.region_code } }, {
        assessmentType: a.assessmentType,
        level: requestedLevel(a),
        bodyId: a.bodyId,
        leadAssessorId: a.leadAssessorId ?? null,
        internalAssessorId: a.internalAssessorId ?? null,
        notApplicable: notApplicable.map((n) => n.nodeId),
        warnings: checks.filter((c) => c.severity === 'warning').map((c) => c.code),
      });
      return id;
    });
  } catch (err) {
    // Two submissions racing past the check: the partial unique index decides.
    if (isUniqueViolation(err, 'formal_assessment_open_key')) {
      throw new AppError('APPLICATION_OPEN', undefined, [{ code: 'APPLICATION_OPEN', path: 'selfDiagnosisId', message: '本企业已有一项进行中的评估申请，不能同时提交第二项' }]);
    }
    throw err;
  }
}
