// 报告验证: anyone holding a printed report can check it against the platform (its QR code points
// to /verify/<number>). Shows enough to confirm the report — enterprise, masked credit code, level,
// score, date — and no more.
import { levelName, requireEdition } from '@cmmm/model';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';

export interface VerifiedReport {
  reportNumber: string;
  enterprise: string;
  creditCode: string;
  level: number;
  levelName: string;
  totalScore: number;
  completedAt: string;
  edition: string;
}

export async function verifyReport(ctx: ServiceContext, actor: Actor | null, input: { number: string }): Promise<VerifiedReport> {
  permit(actor, canReadPublicData(actor));
  const row = await ctx.repos.selfDiagnoses.findByReportNumber(input.number);
  if (!row || row.level === null || row.total_score === null) throw new AppError('NOT_FOUND', '未找到该报告编号对应的自诊断报告');
  const edition = requireEdition(row.edition_id);
  return {
    reportNumber: input.number,
    enterprise: row.name,
    creditCode: maskedCreditCode(row.credit_code),
    level: row.level,
    levelName: levelName(edition, row.level),
    totalScore: row.total_score,
    completedAt: row.completed_at!.toISOString(),
    edition: edition.standard,
  };
}

/** What the public verification page shows of a credit code. */
export function maskedCreditCode(code: string): string {
  return `${code.slice(0, 4)}**********${code.slice(-4)}`;
}
