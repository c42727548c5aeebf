// The certificate's PDF (智能制造能力成熟度等级证书, packages/report): the enterprise, its level (or, for a
// 自定义评估, each domain's capability level), scope, standard, body, dates, number and a QR code to
// /verify/<number>. Who may download it: the enterprise's users, and whoever may read the formal
// assessment it was issued for; a certificate the platform admin recorded without an assessment, the
// enterprise's users and the platform admin. Anyone else is answered as if there were no such number.
import type { CertificateRow } from '@cmmm/db';
import { DEFAULT_EDITION_ID } from '@cmmm/model';
import { buildCertificateView, type ReportLanguage } from '@cmmm/report/views';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, type Actor } from '../../policy.ts';
import { beijingDay } from '../../china-time.ts';
import { certificateStatusOn } from '../assessors/views.ts';
import { readableFormalAssessment } from './load-formal-assessment.ts';

/** The edition a certificate's level is named in (its assessment's; the default one for a recorded certificate), and its body's name. */
export async function certificateFacts(ctx: ServiceContext, row: Pick<CertificateRow, 'assessment_id' | 'body_id'>): Promise<{ editionId: string; bodyName: string | null }> {
  const [assessment, body] = await Promise.all([
    row.assessment_id ? ctx.repos.formalAssessments.findFormalAssessment(row.assessment_id) : undefined,
    row.body_id ? ctx.repos.assessmentBodies.findAssessmentBody(row.body_id) : undefined,
  ]);
  return { editionId: assessment?.edition_id ?? DEFAULT_EDITION_ID, bodyName: body?.name ?? null };
}

export async function renderCertificate(ctx: ServiceContext, actor: Actor | null, input: { number: string; language: ReportLanguage }): Promise<{ pdf: Buffer; fileName: string }> {
  authorize(actor, true); // logged in; which certificate, the rules below decide
  const row = await ctx.repos.certificates.findCertificateByNumber(input.number);
  if (!row) throw new AppError('NOT_FOUND', '找不到该证书编号的证书');
  const ownEnterprise = actor.role === 'enterprise_user' && actor.enterpriseId === row.enterprise_id;
  if (!ownEnterprise) {
    if (row.assessment_id) await readableFormalAssessment(ctx, actor, row.assessment_id); // NOT_FOUND to whoever may not read it
    else if (actor.role !== 'platform_admin') throw new AppError('NOT_FOUND', '找不到该证书编号的证书');
  }
  const today = beijingDay(ctx.now());
  const [enterprise, facts] = await Promise.all([ctx.repos.enterprises.findEnterpriseById(row.enterprise_id), certificateFacts(ctx, row)]);
  if (!enterprise) throw new AppError('NOT_FOUND', '找不到该证书编号的证书');
  const view = buildCertificateView({
    language: input.language,
    editionId: facts.editionId,
    certificateNumber: row.certificate_number,
    enterprise: { name: enterprise.name, creditCode: enterprise.credit_code },
    level: row.level,
    capability: row.capability,
    scope: row.scope,
    body: facts.bodyName,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    verifyUrl: `${ctx.publicUrl}/verify/${encodeURIComponent(row.certificate_number)}`,
    // Still downloadable once suspended, revoked, expired or superseded, but marked so on the page.
    status: certificateStatusOn(row, today),
    statusOn: today,
  });
  return { pdf: await ctx.reports.render(view), fileName: row.certificate_number };
}
