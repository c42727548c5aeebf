// The rules of the 评估申请表 (seed 002 "申请评估应具有哪些条件"), as one pure function: the form
// shows its answer before submission (checkApplication) and submission refuses on any block.
import type { Application, ApplicationCheck, ErrorCode } from '@cmmm/contract';
import type { Edition, EnterpriseType } from '@cmmm/model';
import { holdsGrade, MAY_BE_INTERNAL, MAY_LEAD, MAY_LEAD_HIGH_MATURITY, type QualificationFacts } from '../assessors/qualification-rules.ts';

export interface ApplicationFacts {
  /** Today in China Standard Time, 'YYYY-MM-DD'. */
  today: string;
  enterpriseId: string;
  /** The linked self-diagnosis, if it is this enterprise's and completed. */
  selfDiagnosis: { editionId: string; enterpriseType: EnterpriseType } | null;
  edition: Edition | null;
  openApplicationId: string | null;
  certificates: readonly { level: number; issuedOn: string }[];
  bodyExists: boolean;
  /** Whether the body has a high-maturity lead assessor valid today (when no lead is named). */
  bodyHasHighMaturityLead: boolean;
  /** The named lead: undefined when none is named, null when not found. */
  lead: { bodyId: string | null; qualifications: readonly QualificationFacts[] } | null | undefined;
  internalAssessor: { enterpriseId: string | null; qualifications: readonly QualificationFacts[] } | null | undefined;
}

const block = (code: ErrorCode, path: string, message: string): ApplicationCheck => ({ code, severity: 'block', path, message });
const warning = (code: string, path: string, message: string): ApplicationCheck => ({ code, severity: 'warning', path, message });

/** The same day one year later ('YYYY-MM-DD'; 29 February → 1 March). */
export function oneYearAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** The highest level the application asks for: the target level, or the highest target capability level. */
export const requestedLevel = (a: Pick<Application, 'assessmentType' | 'targetLevel' | 'customDomains'>): number =>
  a.assessmentType === 'predefined' ? (a.targetLevel ?? 0) : Math.max(0, ...a.customDomains.map((d) => d.targetCapabilityLevel));

export function applicationChecks(a: Application, f: ApplicationFacts): ApplicationCheck[] {
  const checks: ApplicationCheck[] = [];
  if (!f.selfDiagnosis) checks.push(block('SELF_DIAGNOSIS_REQUIRED', 'selfDiagnosisId', '申请评估前须在平台完成一次企业自诊断，并选择该次自诊断'));
  if (f.openApplicationId) checks.push(block('APPLICATION_OPEN', 'selfDiagnosisId', '本企业已有一项进行中的评估申请，不能同时提交第二项'));
  if (!f.bodyExists) checks.push(block('BODY_NOT_FOUND', 'bodyId', '请选择平台登记的评估机构'));

  // The type: a level, or domains with capability levels.
  if (a.assessmentType === 'predefined' && !a.targetLevel) checks.push(block('TARGET_LEVEL_REQUIRED', 'targetLevel', '预定义评估须选择申请等级（二级至五级）'));
  if (a.assessmentType === 'custom') checks.push(...customDomainChecks(a, f));
  checks.push(...notApplicableChecks(a, f));

  const level = requestedLevel(a);
  const firstApplication = f.certificates.length === 0;
  if (firstApplication && level > 3) {
    checks.push(warning('FIRST_APPLICATION_HIGH', 'targetLevel', '首次申请评估的企业，建议从成熟度二级或三级开始申请；首次申请高成熟度等级被视为风险极高的项目'));
  }
  if (level >= 4) {
    const yearOld = f.certificates.some((c) => c.level >= 2 && oneYearAfter(c.issuedOn) <= f.today);
    if (!yearOld) checks.push(block('HIGH_LEVEL_TOO_EARLY', 'targetLevel', '申请四级、五级评估，须在通过二级或三级标准符合性评估满一年后'));
    const highLead = f.lead === undefined ? f.bodyHasHighMaturityLead : !!f.lead && holdsGrade(f.lead.qualifications, MAY_LEAD_HIGH_MATURITY, f.today);
    const advice = f.lead === undefined ? '所选评估机构目前没有持有效资质的高成熟度主任评估师，请选择其他评估机构' : '请选择持有效资质的高成熟度主任评估师';
    if (!highLead) checks.push(block('HIGH_MATURITY_LEAD_REQUIRED', 'leadAssessorId', `申请四级、五级评估须由高成熟度主任评估师主导评估；${advice}`));
  }
  if (f.lead === null) checks.push(block('ASSESSOR_NOT_FOUND', 'leadAssessorId', '找不到所选的主任评估师'));
  else if (f.lead && (f.lead.bodyId !== a.bodyId || !holdsGrade(f.lead.qualifications, MAY_LEAD, f.today))) {
    checks.push(block('LEAD_NOT_QUALIFIED', 'leadAssessorId', '所选人员不是该评估机构持有效资质的主任评估师'));
  }

  if (level >= 3 && !a.internalAssessorId) checks.push(block('INTERNAL_ASSESSOR_REQUIRED', 'internalAssessorId', '申请三级及以上评估须指定本企业在平台注册的内部评估师'));
  if (a.internalAssessorId) {
    const ia = f.internalAssessor;
    if (!ia || ia.enterpriseId !== f.enterpriseId) checks.push(block('INTERNAL_ASSESSOR_REQUIRED', 'internalAssessorId', '所选内部评估师不是本企业在平台登记的人员'));
    else if (!holdsGrade(ia.qualifications, MAY_BE_INTERNAL, f.today)) checks.push(block('QUALIFICATION_INVALID', 'internalAssessorId', '所选内部评估师的 CMMM intro 培训证书未登记或已过期'));
  }
  return checks;
}

function customDomainChecks(a: Application, f: ApplicationFacts): ApplicationCheck[] {
  if (a.customDomains.length === 0) return [block('BAD_CUSTOM_DOMAINS', 'customDomains', '自定义评估须选择至少一个能力域')];
  if (!f.edition || !f.selfDiagnosis) return [];
  const weights = f.edition.weights[f.selfDiagnosis.enterpriseType];
  const domains = new Set(f.edition.elements.flatMap((e) => e.domains.map((d) => d.id)));
  const seen = new Set<string>();
  return a.customDomains.flatMap((d, i) => {
    if (!domains.has(d.domainId) || !(d.domainId in weights)) return [block('BAD_CUSTOM_DOMAINS', `customDomains.${i}`, `「${d.domainId}」不是本企业类型可评估的能力域`)];
    if (seen.has(d.domainId)) return [block('BAD_CUSTOM_DOMAINS', `customDomains.${i}`, `能力域「${d.domainId}」重复`)];
    seen.add(d.domainId);
    return [];
  });
}

function notApplicableChecks(a: Application, f: ApplicationFacts): ApplicationCheck[] {
  if (!f.edition) return [];
  const tailorable = new Set<string>();
  for (const e of f.edition.elements) for (const d of e.domains) if (d.tailorable) [d.id, ...d.subdomains.map((s) => s.id)].forEach((id) => tailorable.add(id));
  return a.notApplicable.flatMap((n, i) =>
    tailorable.has(n.nodeId) ? [] : [block('NOT_TAILORABLE', `notApplicable.${i}`, `「${n.nodeId}」为必选内容，不能确认为不适用；只有设计、物流、销售、服务、两化融合可以`)],
  );
}

/** The first block, as the error submission answers with. */
export const firstBlock = (checks: readonly ApplicationCheck[]): ApplicationCheck | undefined => checks.find((c) => c.severity === 'block');
