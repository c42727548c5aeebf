// 报告验证: anyone holding a printed report can check it against the platform (its QR code points
// to /verify/<number>). Shows enough to confirm the report and no more: for a 自诊断报告 (ZD-…) the
// enterprise, masked credit code, level, score, date; for a formal assessment's 评估报告 (PG-…, from
// the final result on) the enterprise, masked credit code, level or capability profile, body, date;
// for a certificate (any other number, e.g. CMMM-3-20261230-…) the enterprise, masked credit code,
// level or capability levels, body, dates and its status today — less than the public registry shows.
import type { FormalResult } from '@cmmm/contract';
import type { CertificateRow } from '@cmmm/db';
import { levelName, requireEdition } from '@cmmm/model';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { certificateStatusOn } from '../assessors/views.ts';
import { certificateFacts } from '../formal-assessment/certificate-document.ts';

export interface VerifiedSelfDiagnosisReport {
  kind: 'self_diagnosis';
  reportNumber: string;
  enterprise: string;
  creditCode: string;
  level: number;
  levelName: string;
  totalScore: number;
  completedAt: string;
  edition: string;
}

export interface VerifiedFormalReport {
  kind: 'formal';
  reportNumber: string;
  enterprise: string;
  creditCode: string;
  assessmentType: 'predefined' | 'custom';
  /** 预定义评估: the level; null for a 自定义评估. */
  level: number | null;
  levelName: string | null;
  /** 自定义评估: each chosen domain's capability level; empty for a 预定义评估. */
  capability: { domain: string; level: number; levelName: string }[];
  body: string;
  /** When the final result was fixed. */
  issuedAt: string;
}

export interface VerifiedCertificate {
  kind: 'certificate';
  certificateNumber: string;
  enterprise: string;
  creditCode: string;
  /** The level; null for a 自定义评估's certificate. */
  level: number | null;
  levelName: string | null;
  /** 自定义评估: each domain's capability level; empty otherwise. */
  capability: { domain: string; level: number; levelName: string }[];
  /** The assessment body; null for a certificate recorded without one. */
  body: string | null;
  issuedOn: string;
  validUntil: string;
  /** As of today (China Standard Time): a valid certificate past its last day reads expired. */
  status: CertificateRow['status'];
}

export type VerifiedReport = VerifiedSelfDiagnosisReport | VerifiedFormalReport | VerifiedCertificate;

/** Stages in which a formal assessment's report number stands for a final result. */
const VERIFIABLE_FORMAL_STAGES: readonly string[] = ['final', 'under_review', 'publicized', 'certified'];

export async function verifyReport(ctx: ServiceContext, actor: Actor | null, input: { number: string }): Promise<VerifiedReport> {
  permit(actor, canReadPublicData(actor));
  if (input.number.startsWith('ZD-')) return verifySelfDiagnosisReport(ctx, input.number);
  return input.number.startsWith('PG-') ? verifyFormalReport(ctx, input.number) : verifyCertificate(ctx, input.number);
}

async function verifyCertificate(ctx: ServiceContext, number: string): Promise<VerifiedCertificate> {
  const row = await ctx.repos.certificates.findCertificateByNumber(number);
  const enterprise = row && (await ctx.repos.enterprises.findEnterpriseById(row.enterprise_id));
  if (!row || !enterprise) throw new AppError('NOT_FOUND', '未找到该证书编号对应的证书');
  const { editionId, bodyName } = await certificateFacts(ctx, row);
  const edition = requireEdition(editionId);
  return {
    kind: 'certificate',
    certificateNumber: row.certificate_number,
    enterprise: enterprise.name,
    creditCode: maskedCreditCode(enterprise.credit_code),
    level: row.level,
    levelName: row.level === null ? null : levelName(edition, row.level),
    capability: row.level === null ? (row.capability ?? []).map((d) => ({ domain: d.name, level: d.level, levelName: levelName(edition, d.level) })) : [],
    body: bodyName,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    status: certificateStatusOn(row, beijingDay(ctx.now())),
  };
}

async function verifySelfDiagnosisReport(ctx: ServiceContext, number: string): Promise<VerifiedSelfDiagnosisReport> {
  const row = await ctx.repos.selfDiagnoses.findByReportNumber(number);
  if (!row || row.level === null || row.total_score === null) throw new AppError('NOT_FOUND', '未找到该报告编号对应的自诊断报告');
  const edition = requireEdition(row.edition_id);
  return {
    kind: 'self_diagnosis',
    reportNumber: number,
    enterprise: row.name,
    creditCode: maskedCreditCode(row.credit_code),
    level: row.level,
    levelName: levelName(edition, row.level),
    totalScore: row.total_score,
    completedAt: row.completed_at!.toISOString(),
    edition: edition.standard,
  };
}

async function verifyFormalReport(ctx: ServiceContext, number: string): Promise<VerifiedFormalReport> {
  const row = await ctx.repos.formalRatings.findFormalReportByNumber(number);
  if (!row || !row.result || !VERIFIABLE_FORMAL_STAGES.includes(row.stage)) throw new AppError('NOT_FOUND', '未找到该报告编号对应的评估报告');
  const edition = requireEdition(row.edition_id);
  const result = row.result as unknown as FormalResult;
  const custom = row.assessment_type === 'custom';
  return {
    kind: 'formal',
    reportNumber: number,
    enterprise: row.name,
    creditCode: maskedCreditCode(row.credit_code),
    assessmentType: row.assessment_type,
    level: custom ? null : result.level,
    levelName: custom || result.level === null ? null : levelName(edition, result.level),
    capability: custom ? result.capability.map((d) => ({ domain: d.name, level: d.capabilityLevel, levelName: levelName(edition, d.capabilityLevel) })) : [],
    body: row.body_name,
    issuedAt: result.ratedAt,
  };
}

/** What the public verification page shows of a credit code. */
export function maskedCreditCode(code: string): string {
  return `${code.slice(0, 4)}**********${code.slice(-4)}`;
}
