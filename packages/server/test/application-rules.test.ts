// The rules of the 评估申请表 (seed 002 "申请评估应具有哪些条件"), pure: every block and warning.
import type { Application } from '@cmmm/contract';
import { requireEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import type { QualificationFacts } from '../src/services/assessors/qualification-rules.ts';
import { applicationChecks, firstBlock, oneYearAfter, requestedLevel, type ApplicationFacts } from '../src/services/formal-assessment/application-rules.ts';

const TODAY = '2026-11-21';
const ENTERPRISE = 'e-1';
const BODY = '00000000-0000-4000-8000-000000000001';
const LEAD = '00000000-0000-4000-8000-000000000002';
const INTERNAL = '00000000-0000-4000-8000-000000000003';

const q = (grade: QualificationFacts['grade'], validUntil = '2028-01-01', status: QualificationFacts['status'] = 'approved'): QualificationFacts => ({ grade, status, obtainedOn: '2024-01-01', validUntil });

function application(overrides: Partial<Application> = {}): Application {
  return {
    selfDiagnosisId: '00000000-0000-4000-8000-000000000009',
    assessmentType: 'predefined',
    targetLevel: 2,
    customDomains: [],
    scope: '精密数控机床零部件的设计、生产、销售',
    notApplicable: [],
    sponsor: { name: '李总', title: '副总经理' },
    liaison: { name: '王工', mobile: '13912345678' },
    bodyId: BODY,
    ...overrides,
  };
}

function facts(overrides: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return {
    today: TODAY,
    enterpriseId: ENTERPRISE,
    selfDiagnosis: { editionId: 'db12-t1073-2021', enterpriseType: 'discrete' },
    edition: requireEdition('db12-t1073-2021'),
    openApplicationId: null,
    certificates: [],
    bodyExists: true,
    bodyHasHighMaturityLead: false,
    lead: undefined,
    internalAssessor: undefined,
    ...overrides,
  };
}

const codes = (a: Application, f: ApplicationFacts) => applicationChecks(a, f).map((c) => `${c.severity}:${c.code}`);
const internal = { internalAssessorId: INTERNAL };
const internalFacts = { internalAssessor: { enterpriseId: ENTERPRISE, qualifications: [q('intro')] } };
const highLead = { lead: { bodyId: BODY, qualifications: [q('lead_assessor'), q('high_maturity_lead')] } };
const yearOldCertificate = { certificates: [{ level: 3, issuedOn: '2025-11-21' }] };

describe('application rules', () => {
  it('a 二级 application with a completed self-diagnosis passes with nothing to say', () => {
    expect(applicationChecks(application(), facts())).toEqual([]);
    expect(firstBlock([])).toBeUndefined();
  });

  it('blocks without a completed self-diagnosis of this enterprise, with an open application, or an unknown body', () => {
    expect(codes(application(), facts({ selfDiagnosis: null, edition: null }))).toEqual(['block:SELF_DIAGNOSIS_REQUIRED']);
    expect(codes(application(), facts({ openApplicationId: 'x' }))).toEqual(['block:APPLICATION_OPEN']);
    expect(codes(application(), facts({ bodyExists: false }))).toEqual(['block:BODY_NOT_FOUND']);
  });

  it('a 预定义评估 needs its level; a 自定义评估 known domains, each once', () => {
    expect(codes(application({ targetLevel: undefined }), facts())).toEqual(['block:TARGET_LEVEL_REQUIRED']);
    expect(codes(application({ assessmentType: 'custom', targetLevel: undefined }), facts())).toEqual(['block:BAD_CUSTOM_DOMAINS']);
    const custom = (domains: [string, number][]) => application({ assessmentType: 'custom', targetLevel: undefined, customDomains: domains.map(([domainId, targetCapabilityLevel]) => ({ domainId, targetCapabilityLevel })) });
    expect(codes(custom([['M2', 2], ['T1', 2]]), facts())).toEqual([]);
    expect(codes(custom([['M9', 2]]), facts())).toEqual(['block:BAD_CUSTOM_DOMAINS']);
    expect(codes(custom([['M2', 2], ['M2', 2]]), facts())).toEqual(['block:BAD_CUSTOM_DOMAINS']);
    expect(codes(custom([['__proto__', 2]]), facts())).toEqual(['block:BAD_CUSTOM_DOMAINS']);
  });

  it('only the tailorable domains (设计、物流、销售、服务、两化融合) and their subdomains may be not applicable', () => {
    const na = (...ids: string[]) => application({ notApplicable: ids.map((nodeId) => ({ nodeId, reason: '企业不涉及' })) });
    expect(codes(na('M1', 'M3', 'M4', 'M5', 'G2', 'M1-1'), facts())).toEqual([]);
    const refused = applicationChecks(na('M3', 'M2', 'P1'), facts());
    expect(refused.map((c) => [c.code, c.path])).toEqual([
      ['NOT_TAILORABLE', 'notApplicable.1'],
      ['NOT_TAILORABLE', 'notApplicable.2'],
    ]);
    expect(refused[0]!.message).toContain('必选');
  });

  it('三级 and above need an internal assessor of this enterprise with a valid intro certificate', () => {
    expect(codes(application({ targetLevel: 3 }), facts())).toEqual(['block:INTERNAL_ASSESSOR_REQUIRED']);
    expect(codes(application({ targetLevel: 3, ...internal }), facts(internalFacts))).toEqual([]);
    expect(codes(application({ targetLevel: 3, ...internal }), facts({ internalAssessor: null }))).toEqual(['block:INTERNAL_ASSESSOR_REQUIRED']);
    expect(codes(application({ targetLevel: 3, ...internal }), facts({ internalAssessor: { enterpriseId: 'other', qualifications: [q('intro')] } }))).toEqual(['block:INTERNAL_ASSESSOR_REQUIRED']);
    expect(codes(application({ targetLevel: 3, ...internal }), facts({ internalAssessor: { enterpriseId: ENTERPRISE, qualifications: [q('intro', '2026-11-20')] } }))).toEqual(['block:QUALIFICATION_INVALID']);
    expect(codes(application({ targetLevel: 3, ...internal }), facts({ internalAssessor: { enterpriseId: ENTERPRISE, qualifications: [q('intro', '2028-01-01', 'pending')] } }))).toEqual(['block:QUALIFICATION_INVALID']);
  });

  it('a first application above 三级 is warned about, and blocked without a year-old 二级/三级 certificate and a high-maturity lead', () => {
    expect(codes(application({ targetLevel: 4, ...internal }), facts(internalFacts))).toEqual(['warning:FIRST_APPLICATION_HIGH', 'block:HIGH_LEVEL_TOO_EARLY', 'block:HIGH_MATURITY_LEAD_REQUIRED']);
    const checks = applicationChecks(application({ targetLevel: 4, ...internal }), facts(internalFacts));
    expect(firstBlock(checks)!.code).toBe('HIGH_LEVEL_TOO_EARLY');
  });

  it('四级/五级: a 二级 or 三级 certificate at least one year old (to the day), led by a high-maturity lead', () => {
    const four = application({ targetLevel: 4, leadAssessorId: LEAD, ...internal });
    expect(codes(four, facts({ ...internalFacts, ...highLead, ...yearOldCertificate }))).toEqual([]);
    expect(codes(four, facts({ ...internalFacts, ...highLead, certificates: [{ level: 3, issuedOn: '2025-11-22' }] }))).toEqual(['block:HIGH_LEVEL_TOO_EARLY']);
    expect(codes(four, facts({ ...internalFacts, ...highLead, certificates: [{ level: 1, issuedOn: '2020-01-01' }] }))).toEqual(['block:HIGH_LEVEL_TOO_EARLY']);
    expect(codes(application({ targetLevel: 5, leadAssessorId: LEAD, ...internal }), facts({ ...internalFacts, ...highLead, ...yearOldCertificate }))).toEqual([]);
  });

  it('the named lead: a lead assessor of the body applied to, high-maturity for 四级/五级', () => {
    const four = application({ targetLevel: 4, leadAssessorId: LEAD, ...internal });
    const base = { ...internalFacts, ...yearOldCertificate };
    expect(codes(four, facts({ ...base, lead: { bodyId: BODY, qualifications: [q('lead_assessor')] } }))).toEqual(['block:HIGH_MATURITY_LEAD_REQUIRED']);
    expect(codes(four, facts({ ...base, lead: { bodyId: BODY, qualifications: [q('lead_assessor'), q('high_maturity_lead', '2026-11-20')] } }))).toEqual(['block:HIGH_MATURITY_LEAD_REQUIRED']);
    expect(codes(four, facts({ ...base, lead: null }))).toEqual(['block:HIGH_MATURITY_LEAD_REQUIRED', 'block:ASSESSOR_NOT_FOUND']);
    expect(codes(application({ leadAssessorId: LEAD }), facts({ lead: { bodyId: 'another body', qualifications: [q('lead_assessor')] } }))).toEqual(['block:LEAD_NOT_QUALIFIED']);
    expect(codes(application({ leadAssessorId: LEAD }), facts({ lead: { bodyId: BODY, qualifications: [q('assessor')] } }))).toEqual(['block:LEAD_NOT_QUALIFIED']);
    expect(codes(application({ leadAssessorId: LEAD }), facts({ lead: { bodyId: BODY, qualifications: [q('lead_assessor')] } }))).toEqual([]);
  });

  it('四级 with no lead named: the body must have a high-maturity lead', () => {
    const four = application({ targetLevel: 4, ...internal });
    expect(codes(four, facts({ ...internalFacts, ...yearOldCertificate, bodyHasHighMaturityLead: true }))).toEqual([]);
    expect(codes(four, facts({ ...internalFacts, ...yearOldCertificate }))).toEqual(['block:HIGH_MATURITY_LEAD_REQUIRED']);
  });

  it('a 自定义评估 is held to the level of its highest target capability level', () => {
    const custom = application({ assessmentType: 'custom', targetLevel: undefined, customDomains: [{ domainId: 'M2', targetCapabilityLevel: 4 }, { domainId: 'T1', targetCapabilityLevel: 2 }] });
    expect(requestedLevel(custom)).toBe(4);
    expect(codes(custom, facts({ certificates: [{ level: 2, issuedOn: '2024-06-01' }] }))).toEqual(['block:HIGH_MATURITY_LEAD_REQUIRED', 'block:INTERNAL_ASSESSOR_REQUIRED']);
  });

  it('one year after: the same calendar day, 29 February to 1 March', () => {
    expect(oneYearAfter('2025-11-21')).toBe('2026-11-21');
    expect(oneYearAfter('2024-02-29')).toBe('2025-03-01');
  });
});
