// The authorization table of 标准符合性评估 (assessment bodies, assessors, training, certificates, the
// public directory, formal assessments): merged into MATRIX by authorization-matrix.ts. The formal
// assessment acted on is A's, in a terminal stage (终止评估), so that every state-changing request an
// authorized persona sends gets a business answer (409 ILLEGAL_TRANSITION) and changes nothing.
import type { Denial, Outcome, Row, Sample } from './authorization-matrix.ts';
import { newCreditCode } from './harness.ts';

/** What the conformity rows act on (made in the matrix test's beforeAll). */
export interface ConformityFixtures {
  /** The agency admin persona's 评估机构. */
  bodyId: string;
  /** The assessor persona's record (in that body, not on A's team). */
  assessorId: string;
  /** The lead assessor persona's record: the lead of A's formal assessment. */
  leadId: string;
  /** A qualification of the assessor persona waiting for the platform admin. */
  pendingQualificationId: string;
  /** A course the assessor persona is enrolled in. */
  courseId: string;
  /** A's formal assessment, stage closed. */
  formalId: string;
  enterpriseA: string;
  diagnosisA: string;
  /** A requirement of the edition (in scope of A's 三级 assessment). */
  requirementId: string;
  /** A certificate of A recorded on the platform. */
  certificateNumber: string;
  /** Evidence of A's assessment, and a file attached to it. */
  evidenceId: string;
  fileId: string;
}

const OK = 'allowed' as const;
const E401: Denial = { status: 401, code: 'NOT_AUTHENTICATED' };
const E403: Denial = { status: 403, code: 'FORBIDDEN' };
const E404: Denial = { status: 404, code: 'NOT_FOUND' };
/** A person one may not see answers like a missing one. */
const N404: Denial = { status: 404, code: 'ASSESSOR_NOT_FOUND' };
type Expect = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

let unique = 0;
const nextUnique = () => `${Date.now() % 1e6}${(unique += 1)}${Math.floor(Math.random() * 1e4)}`;

//                                                  anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
const everyone: Expect = /*                      */ [OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK];
const anyLogin: Expect = /*                      */ [E401, OK,   OK,   OK,   OK,   OK,   OK,   OK,   OK];
const platformAdminOnly: Expect = /*             */ [E401, E403, E403, E403, E403, E403, E403, E403, OK];
const trainingReaders: Expect = /*               */ [E401, E403, E403, E403, E403, OK,   E403, E403, OK];
/** canLeadFormalAssessment; those who may not read A's assessment get 404, readers who may not act 403. */
const leadOfA: Expect = /*                       */ [E401, E403, E404, E404, OK,   E403, E403, E404, E403];
/** canActForAssessedEnterprise (A's own users). */
const enterpriseOfA: Expect = /*                 */ [E401, OK,   E404, E404, E403, E403, E403, E404, E403];
/** canSeeAssessedEnterpriseData: A's users, the lead (declared), the body's admin, A's region admin, the platform admin. */
const sheetReaders: Expect = /*                  */ [E401, OK,   E404, E404, OK,   OK,   OK,   E404, OK];
/** canReviewFormalAssessment: the reviewer role (not a persona here: formal-certification.test.ts acts as one); readers of A get 403. */
const reviewersOnly: Expect = /*                 */ [E401, E403, E404, E404, E403, E403, E403, E404, E403];
const applicants: Expect = /*                    */ [E401, OK,   OK,   E403, E403, E403, E403, E403, E403];
/** A's certificate recorded without an assessment: A's users and the platform admin; everyone else 404 (no probing numbers). */
const certificateOfA: Expect = /*                */ [E401, OK,   E404, E404, E404, E404, E404, E404, OK];

type Fx = ConformityFixtures;
const formal = (f: Fx, extra: Omit<Sample, 'params'> & { params?: Record<string, string> } = {}): Sample => ({ ...extra, params: { id: f.formalId, ...extra.params } });
const application = (f: Fx) => ({
  selfDiagnosisId: f.diagnosisA,
  assessmentType: 'predefined',
  // 四级 with no certificate: refused after authorization (HIGH_LEVEL_TOO_EARLY), so nothing is created.
  targetLevel: 4,
  scope: '精密零部件的设计、生产、销售',
  notApplicable: [],
  sponsor: { name: '张总', title: '副总经理' },
  liaison: { name: '李联络', mobile: '13900002222' },
  bodyId: f.bodyId,
});
const plan = (f: Fx) => ({
  purpose: '了解企业智能制造基本情况',
  scope: '生产',
  tasks: '现场参观、系统演示',
  startsOn: '2027-01-11',
  endsOn: '2027-01-12',
  assessorIds: [f.leadId],
  agenda: [{ date: '2027-01-11', time: '09:00', activity: '首次会议', assessorIds: [f.leadId] }],
});

export const CONFORMITY_MATRIX = {
  // ---- 信息查询: public (canReadPublicData)
  listPublicAssessors: { why: '信息查询 is public', expect: everyone, sample: () => ({ query: { grade: 'lead_assessor' } }) },
  listPublicBodies: { why: '信息查询 is public', expect: everyone, sample: () => ({}) },

  // ---- 评估机构
  listAssessmentBodies: { why: 'any login (an enterprise chooses the body it applies to)', expect: anyLogin, sample: () => ({}) },
  registerAssessmentBody: {
    why: 'canRegisterAssessmentBody: platform admin',
    expect: platformAdminOnly,
    sample: () => ({ body: { name: `矩阵评估机构${nextUnique()}`, creditCode: newCreditCode('110108'), regionCode: '110108', contactName: '王', contactMobile: '13800001111' } }),
  },
  updateAssessmentBody: {
    why: 'canUpdateAssessmentBody: platform admin or the body’s own agency admin',
    //      anon  ent A ent B assr  lead  agcy  rg昆山 rg北京 plat
    expect: [E401, E403, E403, E403, E403, OK,  E403, E403, OK],
    sample: (f: Fx) => ({ params: { id: f.bodyId }, body: { contactName: '王联系' } }),
  },

  // ---- 评估人员与资质
  listAssessors: {
    why: 'canListAssessors: admins of people, body assessors, enterprises (their internal assessors); not region admins',
    expect: [E401, OK, OK, OK, OK, OK, E403, E403, OK],
    sample: () => ({}),
  },
  registerAssessor: {
    why: 'canManageAssessor: platform admin; an agency admin for its body; an enterprise for its internal assessors',
    expect: [E401, OK, OK, E403, E403, OK, E403, E403, OK],
    sample: () => ({ body: { name: '矩阵人员', mobile: '13900003333' } }),
  },
  readOwnAssessorRecord: {
    why: 'one’s own record: only accounts that have one',
    expect: [E401, N404, N404, OK, OK, N404, N404, N404, N404],
    sample: () => ({}),
  },
  readAssessor: {
    why: 'canReadAssessor: managers, the person, assessors (forming teams)',
    expect: [E401, N404, N404, OK, OK, OK, N404, N404, OK],
    sample: (f: Fx) => ({ params: { id: f.assessorId } }),
  },
  updateAssessor: {
    why: 'canEditAssessorListing: managers and the person',
    expect: [E401, N404, N404, OK, E403, OK, N404, N404, OK],
    sample: (f: Fx) => ({ params: { id: f.assessorId }, body: { listedPublicly: true } }),
  },
  addQualification: {
    why: 'canManageAssessor: platform admin (approved at once), the body’s admin (pending)',
    expect: [E401, N404, N404, E403, E403, OK, N404, N404, OK],
    sample: (f: Fx) => ({
      params: { id: f.assessorId },
      body: { grade: 'lead_assessor', certificateNumber: `MX-${nextUnique()}`, issuingBody: '中国电子技术标准化研究院', obtainedOn: '2026-01-05', validUntil: '2029-01-04' },
    }),
  },
  decideQualification: {
    why: 'canDecideQualification: platform admin (then QUALIFICATION_DECIDED)',
    expect: platformAdminOnly,
    sample: (f: Fx) => ({ params: { id: f.pendingQualificationId }, body: { approve: true } }),
  },

  // ---- 标准培训
  listTrainingCourses: { why: 'canReadTraining: platform admin, agency admins', expect: trainingReaders, sample: () => ({}) },
  createTrainingCourse: {
    why: 'canManageTraining: platform admin',
    expect: platformAdminOnly,
    sample: () => ({ body: { courseType: 'assessor', title: '矩阵评估师培训', place: '北京', startsOn: '2027-03-01', endsOn: '2027-03-03' } }),
  },
  readTrainingCourse: { why: 'canReadTraining: platform admin, agency admins', expect: trainingReaders, sample: (f: Fx) => ({ params: { id: f.courseId } }) },
  enrolParticipant: { why: 'canManageTraining: platform admin', expect: platformAdminOnly, sample: (f: Fx) => ({ params: { id: f.courseId }, body: { assessorId: f.assessorId } }) },
  recordTrainingResult: {
    why: 'canManageTraining: platform admin',
    expect: platformAdminOnly,
    sample: (f: Fx) => ({ params: { id: f.courseId, assessorId: f.assessorId }, body: { result: 'failed' } }),
  },

  // ---- 证书
  listEnterpriseCertificates: {
    why: 'canViewEnterprise: its users, admins over its region; others get 404 (no probing)',
    expect: [E401, OK, E404, E404, E404, E404, OK, E404, OK],
    sample: (f: Fx) => ({ params: { id: f.enterpriseA } }),
  },
  recordCertificate: {
    why: 'canRecordCertificate: platform admin',
    expect: platformAdminOnly,
    sample: (f: Fx) => ({ body: { enterpriseId: f.enterpriseA, level: 2, certificateNumber: `MXC-${nextUnique()}`, scope: '生产', issuedOn: '2025-01-01', validUntil: '2028-01-01' } }),
  },
  renderCertificatePdf: {
    why: 'the enterprise’s users; a recorded certificate (no assessment) also the platform admin',
    expect: certificateOfA,
    sample: (f: Fx) => ({ params: { number: f.certificateNumber }, query: { lang: 'zh' } }),
  },

  // ---- 标准符合性评估
  listFormalAssessments: { why: 'canListFormalAssessments: every login, scoped by role', expect: anyLogin, sample: () => ({}) },
  checkApplication: { why: 'canApplyForAssessment: enterprise users', expect: applicants, sample: (f: Fx) => ({ body: application(f) }) },
  submitApplication: { why: 'canApplyForAssessment: enterprise users (a business refusal after it)', expect: applicants, sample: (f: Fx) => ({ body: application(f) }) },
  readFormalAssessment: {
    why: 'canReadFormalAssessment: its enterprise, the body, the lead and team, its region’s admin, the platform admin',
    expect: [E401, OK, E404, E404, OK, OK, OK, E404, OK],
    sample: (f: Fx) => formal(f),
  },
  withdrawApplication: { why: 'canActForAssessedEnterprise (A: ILLEGAL_TRANSITION)', expect: enterpriseOfA, sample: (f: Fx) => formal(f) },
  assignLeadAssessor: {
    why: 'canAssignLeadAssessor: the body’s admin, the platform admin',
    expect: [E401, E403, E404, E404, E403, OK, E403, E404, OK],
    sample: (f: Fx) => formal(f, { body: { assessorId: f.leadId } }),
  },
  decideAcceptance: {
    why: 'canLeadFormalAssessment',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { body: { accept: true, lawful: true, intelligentManufacturing: true } }),
  },
  addTeamMember: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { assessorId: f.assessorId }, body: { teamRole: 'member' } }) },
  removeTeamMember: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { assessorId: f.assessorId } }) },
  declareConflictOfInterest: {
    why: 'canDeclareOwnConflict: the member’s own account (here the lead)',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { params: { assessorId: f.leadId }, body: { conflict: false } }),
  },
  formTeam: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  reopenTeam: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  setDomainWeights: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { body: { weights: null } }) },
  savePlan: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { kind: 'pre' }, body: plan(f) }) },
  confirmPlan: { why: 'canActForAssessedEnterprise', expect: enterpriseOfA, sample: (f: Fx) => formal(f, { params: { kind: 'pre' }, body: { version: 1 } }) },
  recordPreAssessment: {
    why: 'canLeadFormalAssessment',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { body: { basicSituation: '基本情况', directEvidence: '直接证据', indirectEvidence: '间接证据', readinessFindings: '就绪' } }),
  },
  decideFeasibility: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { body: { decision: 'proceed' } }) },
  // 正式评估 (A's lead is on the team and declared no conflict: the only rater)
  recordFirstMeeting: {
    why: 'canLeadFormalAssessment',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { body: { heldOn: '2026-12-14', attendees: '评估组、企业', planConfirmed: true, agreedItems: '日程' } }),
  },
  readWorkingSheet: { why: 'canSeeAssessedEnterpriseData', expect: sheetReaders, sample: (f: Fx) => formal(f) },
  saveRating: { why: 'canRateFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { requirementId: f.requirementId }, body: { grade: 'LI' } }) },
  submitRatings: { why: 'canRateFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  saveConsensus: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { requirementId: f.requirementId }, body: { grade: 'LI', note: '一致' } }) },
  saveDomainSummary: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { domainId: 'P1' }, body: { strengths: '优势', weaknesses: '不足', improvements: '方向' } }) },
  rollUpFormalAssessment: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  reopenRating: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  readFormalResult: { why: 'canSeeAssessedEnterpriseData', expect: sheetReaders, sample: (f: Fx) => formal(f) },
  renderFormalReport: { why: 'canSeeAssessedEnterpriseData, like readFormalResult (A closed: ILLEGAL_TRANSITION)', expect: sheetReaders, sample: (f: Fx) => formal(f, { query: { lang: 'zh' } }) },
  shareFormalResult: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  respondToFinding: { why: 'canActForAssessedEnterprise', expect: enterpriseOfA, sample: (f: Fx) => formal(f, { params: { requirementId: f.requirementId }, body: { response: '已建立制度' } }) },
  decideFindingResponse: {
    why: 'canLeadFormalAssessment',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { params: { requirementId: f.requirementId }, body: { accept: false, reason: '证据不足' } }),
  },
  finaliseFormalResult: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f, { body: { heldOn: '2026-12-16', attendees: '评估组、企业', summary: '通报结果' } }) },
  // 合规性审查, 公示, 证书
  submitForReview: { why: 'canLeadFormalAssessment', expect: leadOfA, sample: (f: Fx) => formal(f) },
  readReview: { why: 'canSeeAssessedEnterpriseData', expect: sheetReaders, sample: (f: Fx) => formal(f) },
  decideReview: { why: 'canReviewFormalAssessment', expect: reviewersOnly, sample: (f: Fx) => formal(f, { body: { approve: false, reasons: '证据不足' } }) },
  listPublicNotices: { why: 'canReadPublicData', expect: everyone, sample: () => ({}) },
  fileObjection: { why: 'canReadPublicData', expect: everyone, sample: (f: Fx) => formal(f, { body: { name: '张三', contact: '13900001111', text: '评估范围与实际不符' } }) },
  listObjections: { why: 'canReadFormalAssessment', expect: sheetReaders, sample: (f: Fx) => formal(f) },
  resolveObjection: { why: 'canReviewFormalAssessment', expect: reviewersOnly, sample: (f: Fx) => formal(f, { params: { objectionId: f.evidenceId }, body: { uphold: false, resolution: '异议不成立' } }) },
  issueCertificate: { why: 'canReviewFormalAssessment', expect: reviewersOnly, sample: (f: Fx) => formal(f) },
  // 信息查询 · 获证企业 (public)
  listCertifiedEnterprises: { why: 'canReadPublicData', expect: everyone, sample: () => ({ query: { province: '320000', level: '2' } }) },
  readCertifiedDistribution: { why: 'canReadPublicData', expect: everyone, sample: () => ({ query: { province: '320000' } }) },
  lookUpCertificate: { why: 'canReadPublicData', expect: everyone, sample: (f: Fx) => ({ params: { number: f.certificateNumber } }) },
  listEvidence: { why: 'canSeeAssessedEnterpriseData', expect: sheetReaders, sample: (f: Fx) => formal(f, { query: { requirementId: f.requirementId } }) },
  addEvidence: {
    why: 'canCollectEvidence',
    expect: leadOfA,
    sample: (f: Fx) => formal(f, { body: { requirementId: f.requirementId, method: 'interview', source: '王工', collectedOn: '2026-11-20', note: '访谈' } }),
  },
  attachEvidenceFile: { why: 'canCollectEvidence', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { evidenceId: f.evidenceId }, query: { name: 'a.pdf' }, body: {} }) },
  downloadEvidenceFile: { why: 'canSeeAssessedEnterpriseData', expect: sheetReaders, sample: (f: Fx) => formal(f, { params: { fileId: f.fileId } }) },
  // The lead passes the rule (an uploader too); A's assessment is closed, so the lead's request ends in 409 and nothing is deleted.
  deleteEvidenceFile: { why: 'canDeleteEvidenceFile: the uploader or the lead', expect: leadOfA, sample: (f: Fx) => formal(f, { params: { fileId: f.fileId } }) },
  readAssessmentCertificate: { why: 'canReadFormalAssessment (null before issue)', expect: [E401, OK, E404, E404, OK, OK, OK, E404, OK], sample: (f: Fx) => formal(f) },
  // 证书管理: the reviewer role is not a persona here (certificate-status.test.ts acts as one).
  listCertificates: { why: 'canManageCertificates: reviewers and the platform admin', expect: platformAdminOnly, sample: () => ({ query: { q: 'CMMM', status: 'valid' } }) },
  suspendCertificate: { why: 'canManageCertificates', expect: platformAdminOnly, sample: (f: Fx) => ({ params: { number: f.certificateNumber }, body: { reason: '监督检查发现问题' } }) },
  reinstateCertificate: { why: 'canManageCertificates', expect: platformAdminOnly, sample: (f: Fx) => ({ params: { number: f.certificateNumber }, body: { reason: '整改完成' } }) },
  revokeCertificate: { why: 'canManageCertificates', expect: platformAdminOnly, sample: (f: Fx) => ({ params: { number: f.certificateNumber }, body: { reason: '严重不符合' } }) },
} satisfies Record<string, Omit<Row, 'sample'> & { sample: (f: Fx) => Sample }>;
