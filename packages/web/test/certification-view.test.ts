// What the pages after 等级判定 compute: findings with responses, who may do what (the actions the
// server lists and those derived from the stage and the viewer), the steps, the checks, objections,
// the contact rule of the objection form and finding an assessment's certificate.
import type { Certificate } from '@cmmm/contract/assessors';
import type { RegistryEntry } from '@cmmm/contract/registry';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api.ts';
import { translator } from '../src/i18n.tsx';
import {
  certificateFromRecord,
  certificateFromRegistry,
  certificateNumberTail,
  certificateOfAssessment,
  certificationRoleOf,
  checkIssueCode,
  failedChecks,
  findingEntries,
  findingName,
  hasReview,
  isContact,
  isLeadOf,
  isShared,
  isStageRefusal,
  latestReturn,
  newestFirst,
  objectionCounts,
  responseCounts,
  responseIssueId,
  responseStateOf,
  reviewStepOf,
  sortCertificates,
  stageHintKey,
  suggestedGrade,
} from '../src/pages/formal-rating/certification-view.ts';
import type { Finding, FindingResponse, FormalAssessment } from '../src/pages/formal-rating/rating-api.ts';
import { RATING_STEPS, ratingStepOf } from '../src/pages/formal-rating/rating-view.ts';

const finding = (requirementId: string, grade: Finding['grade']): Finding => ({
  requirementId,
  level: 2,
  domainId: 'D1',
  domainName: '生产',
  itemName: `条目 ${requirementId}`,
  kind: ({ NI: 'weakness', PI: 'improvement', LI: 'conformity', FI: 'good_practice' } as const)[grade],
  grade,
  text: '说明',
});

const response = (requirementId: string, decision: FindingResponse['decision'] = null): FindingResponse => ({
  requirementId,
  response: '论证',
  evidenceNote: null,
  respondedAt: '2026-12-01T02:00:00.000Z',
  decision,
  decisionReason: decision ? '理由' : null,
  gradeBefore: decision ? 'PI' : null,
  gradeAfter: decision === 'accepted' ? 'LI' : decision ? 'PI' : null,
  decidedAt: decision ? '2026-12-02T02:00:00.000Z' : null,
});

describe('再次论证', () => {
  it('lists weaknesses and improvements first, each kind in the result\'s order, with its response', () => {
    const findings = [finding('a', 'FI'), finding('b', 'LI'), finding('c', 'PI'), finding('d', 'NI'), finding('e', 'PI'), finding('f', 'NI')];
    const entries = findingEntries(findings, [response('c'), response('f', 'accepted'), response('x')]);
    expect(entries.map((e) => e.finding.requirementId)).toEqual(['d', 'f', 'c', 'e', 'b', 'a']);
    expect(entries.map((e) => e.state)).toEqual(['none', 'accepted', 'pending', 'none', 'none', 'none']);
    expect(entries[1]!.response?.gradeAfter).toBe('LI');
  });

  it('counts responses by state', () => {
    expect(responseStateOf(undefined)).toBe('none');
    expect(responseCounts([response('a'), response('b', 'accepted'), response('c', 'rejected'), response('d')])).toEqual({ total: 4, pending: 2, accepted: 1, rejected: 1 });
    expect(responseCounts([])).toEqual({ total: 0, pending: 0, accepted: 0, rejected: 0 });
  });

  it('offers one grade up when accepting (全部满足 stays)', () => {
    expect(suggestedGrade('NI')).toBe('PI');
    expect(suggestedGrade('PI')).toBe('LI');
    expect(suggestedGrade('LI')).toBe('FI');
    expect(suggestedGrade('FI')).toBe('FI');
  });

  it('reads the requirement a RESPONSES_PENDING issue names', () => {
    expect(responseIssueId('responses.R2-01.1')).toBe('R2-01.1');
    expect(responseIssueId('consensus.R2-01.1')).toBeUndefined();
  });

  it('knows the stages of a shared result and of the review', () => {
    expect(['rated', 'assessing'].some((s) => isShared(s as FormalAssessment['stage']))).toBe(false);
    expect(['communicating', 'final', 'under_review', 'publicized', 'certified'].every((s) => isShared(s as FormalAssessment['stage']))).toBe(true);
    expect(hasReview('communicating')).toBe(false);
    expect(hasReview('final')).toBe(true);
    expect(stageHintKey('assessing')).toBeUndefined();
    expect(stageHintKey('publicized')).toBe('cert.stageHint.publicized');
  });

  it('tells a read the server does not serve at this stage from other failures', () => {
    expect(isStageRefusal(new ApiError(409, 'ILLEGAL_TRANSITION', '当前评估阶段不能执行此操作'))).toBe(true);
    expect(isStageRefusal(new ApiError(403, 'FORBIDDEN', ''))).toBe(false);
    expect(isStageRefusal(new Error('x'))).toBe(false);
  });
});

describe('who may do what after 等级判定', () => {
  const view = (stage: FormalAssessment['stage'], actions: FormalAssessment['actions'] = []) => ({ stage, actions });

  it('follows the actions the server lists', () => {
    expect(certificationRoleOf(view('rated', ['shareResult', 'reopenRating']), { role: 'lead_assessor', lead: true })).toMatchObject({ canShare: true, canDecide: false });
    expect(certificationRoleOf(view('communicating', ['respondToFindings']), { role: 'enterprise_user', lead: false })).toMatchObject({ canRespond: true, canDecide: false, canFinalise: false });
    expect(certificationRoleOf(view('communicating', ['decideResponses', 'finalise']), { role: 'lead_assessor', lead: true })).toMatchObject({ canRespond: false, canDecide: true, canFinalise: true });
  });

  it('derives the review actions the server does not list yet from the stage and the viewer', () => {
    expect(certificationRoleOf(view('final'), { role: 'lead_assessor', lead: true }).canSubmitForReview).toBe(true);
    expect(certificationRoleOf(view('final'), { role: 'assessor', lead: false }).canSubmitForReview).toBe(false);
    expect(certificationRoleOf(view('under_review'), { role: 'lead_assessor', lead: true }).canSubmitForReview).toBe(false);
    expect(certificationRoleOf(view('under_review'), { role: 'reviewer', lead: false }).canReview).toBe(true);
    expect(certificationRoleOf(view('under_review'), { role: 'platform_admin', lead: false }).canReview).toBe(false);
    const publicized = certificationRoleOf(view('publicized'), { role: 'reviewer', lead: false });
    expect(publicized).toMatchObject({ canReview: false, canResolveObjections: true, canIssueCertificate: true, seesObjectorContact: true });
    expect(certificationRoleOf(view('publicized'), { role: 'enterprise_user', lead: false })).toMatchObject({ canResolveObjections: false, canIssueCertificate: false, seesObjectorContact: false });
    // Once the server lists them, those count too.
    expect(certificationRoleOf(view('final', ['submitForReview']), { role: 'lead_assessor', lead: false }).canSubmitForReview).toBe(true);
  });

  it('knows the lead by the viewer\'s own assessor record (removed leads do not count)', () => {
    const team = [
      { assessorId: 'a1', teamRole: 'lead', removedAt: '2026-01-01T00:00:00.000Z' },
      { assessorId: 'a2', teamRole: 'lead', removedAt: null },
      { assessorId: 'a3', teamRole: 'member', removedAt: null },
    ] as FormalAssessment['team'];
    expect(isLeadOf(team, 'a2')).toBe(true);
    expect(isLeadOf(team, 'a1')).toBe(false);
    expect(isLeadOf(team, 'a3')).toBe(false);
    expect(isLeadOf(team, undefined)).toBe(false);
  });
});

describe('the steps', () => {
  it('正式评估: 等级判定 → 沟通评估结果 → 末次会议', () => {
    expect(RATING_STEPS).toEqual(['meeting', 'rating', 'consensus', 'level', 'communicate', 'final']);
    expect(ratingStepOf('rated', undefined)).toEqual({ current: 4, status: 'process' });
    expect(ratingStepOf('communicating', undefined)).toEqual({ current: 4, status: 'process' });
    for (const stage of ['final', 'under_review', 'publicized', 'certified'] as const) expect(ratingStepOf(stage, undefined)).toEqual({ current: 5, status: 'finish' });
    expect(ratingStepOf('feasible', undefined)).toEqual({ current: 0, status: 'process' });
  });

  it('最终评估结果 → 合规性审查 → 公示 → 颁发证书', () => {
    expect(reviewStepOf('communicating')).toEqual({ current: 0, status: 'wait' });
    expect(reviewStepOf('final')).toEqual({ current: 1, status: 'wait' });
    expect(reviewStepOf('under_review')).toEqual({ current: 1, status: 'process' });
    expect(reviewStepOf('publicized')).toEqual({ current: 2, status: 'process' });
    expect(reviewStepOf('certified')).toEqual({ current: 3, status: 'finish' });
  });
});

describe('合规性审查 and 异议', () => {
  it('picks the failed checks and the check an issue names', () => {
    const checks = [
      { code: 'TEAM_SIZE_ODD', passed: true, message: '评估组 3 人，为奇数' },
      { code: 'EVIDENCE_COMPLETE', passed: false, message: '没有证据的要求：R2-01' },
    ];
    expect(failedChecks(checks).map((c) => c.code)).toEqual(['EVIDENCE_COMPLETE']);
    expect(checkIssueCode('checks.EVIDENCE_COMPLETE')).toBe('EVIDENCE_COMPLETE');
    expect(checkIssueCode('reasons')).toBeUndefined();
  });

  it('shows the reviews newest first', () => {
    const reviews = [{ decidedAt: '2026-12-01T02:00:00.000Z', id: 'a' }, { decidedAt: '2026-12-03T02:00:00.000Z', id: 'b' }];
    expect(newestFirst(reviews).map((r) => r.id)).toEqual(['b', 'a']);
    expect(reviews.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('counts objections by status', () => {
    expect(objectionCounts([{ status: 'open' }, { status: 'dismissed' }, { status: 'open' }])).toEqual({ open: 2, dismissed: 1, upheld: 0 });
  });

  it('takes a mobile number or an e-mail address as the contact', () => {
    for (const ok of ['13900002222', ' 13900002222 ', 'li.si@example.com', 'a@b.cn']) expect(isContact(ok), ok).toBe(true);
    for (const bad of ['', '1390000222', '12900002222', '139000022221', 'li.si@', 'li si@example.com', '@example.com', 'a@b']) expect(isContact(bad), bad).toBe(false);
  });
});

describe('the certificate of an assessment', () => {
  const assessmentId = '1a2b3c4d-5e6f-4a1b-8c2d-0123456789ab';
  const record: Certificate = {
    id: 'c1',
    enterpriseId: 'e1',
    enterpriseName: '昆山精密机械有限公司',
    level: 3,
    capability: null,
    certificateNumber: 'CMMM-3-20261230-1A2B3C4D5E',
    scope: '精密零部件的设计、生产',
    issuedOn: '2026-12-30',
    validUntil: '2029-12-29',
    status: 'valid',
    statusReason: null,
    assessmentId,
  };
  const older: Certificate = { ...record, id: 'c0', certificateNumber: 'CMMM-2-EARLIER', level: 2, issuedOn: '2025-03-01', validUntil: '2028-02-28', status: 'superseded', statusReason: '新证书取代', assessmentId: null };

  it('finds it by the assessment id in the enterprise\'s list, newest first', () => {
    const all = sortCertificates([older, record].map(certificateFromRecord));
    expect(all.map((c) => c.number)).toEqual(['CMMM-3-20261230-1A2B3C4D5E', 'CMMM-2-EARLIER']);
    expect(certificateOfAssessment(all, assessmentId)?.number).toBe('CMMM-3-20261230-1A2B3C4D5E');
    expect(certificateOfAssessment(all, '99999999-5e6f-4a1b-8c2d-0123456789ab')).toBeUndefined();
    // The reason of a status change travels with a certificate no longer valid only.
    expect(all.map((c) => c.statusReason)).toEqual([null, '新证书取代']);
    expect(certificateFromRecord({ ...record, statusReason: '整改完成，复查合格' }).statusReason).toBeNull();
  });

  it('keeps a 自定义评估\'s capability levels', () => {
    const custom = certificateFromRecord({ ...record, level: null, capability: [{ domainId: 'D1', name: '生产', level: 3 }], certificateNumber: 'CMMM-C-20261230-1A2B3C4D5E' });
    expect(custom).toMatchObject({ level: null, capability: [{ name: '生产', level: 3 }] });
  });

  it('finds it in the public registry by the number\'s tail (registry entries carry no assessment id)', () => {
    expect(certificateNumberTail(assessmentId)).toBe('-1A2B3C4D5E');
    const entry = { id: 'certificate:c1', source: 'platform', certificateNumber: record.certificateNumber, level: 3, scope: record.scope, issuedOn: record.issuedOn, validUntil: record.validUntil, status: 'valid' } as RegistryEntry;
    const published = { ...entry, id: 'practice_report_2022:1', source: 'practice_report_2022', certificateNumber: null, status: 'published' } as RegistryEntry;
    const found = [entry, published].map(certificateFromRegistry).filter((c) => c !== undefined);
    expect(found).toHaveLength(1);
    expect(certificateOfAssessment(found, assessmentId)).toMatchObject({ number: 'CMMM-3-20261230-1A2B3C4D5E', status: 'valid', issuedOn: '2026-12-30' });
    // Another assessment of the same enterprise: not this one.
    expect(certificateOfAssessment(found, 'ffffffff-5e6f-4a1b-8c2d-0123456789ab')).toBeUndefined();
  });
});

describe('why an assessment went back to the team', () => {
  it('takes the newest of a review returned and an objection upheld', () => {
    const reviews = [
      { decision: 'returned' as const, reasons: '证据不全', decidedAt: '2026-12-01T02:00:00.000Z' },
      { decision: 'approved' as const, reasons: null, decidedAt: '2026-12-03T02:00:00.000Z' },
    ];
    const upheld = { status: 'upheld' as const, resolution: '异议成立', resolvedAt: '2026-12-05T02:00:00.000Z' };
    const dismissed = { status: 'dismissed' as const, resolution: '不成立', resolvedAt: '2026-12-06T02:00:00.000Z' };
    expect(latestReturn(reviews, [dismissed])).toEqual({ kind: 'review', at: '2026-12-01T02:00:00.000Z', reasons: '证据不全' });
    expect(latestReturn(reviews, [upheld, dismissed])).toEqual({ kind: 'objection', at: '2026-12-05T02:00:00.000Z', reasons: '异议成立' });
    expect(latestReturn([], [])).toBeUndefined();
  });

  it('names a finding by its level and item (the same item recurs at each level)', () => {
    const t = translator('zh-CN');
    expect(findingName(t, { level: 2, itemName: '人员部署' })).toBe('二级 · 人员部署');
  });
});
