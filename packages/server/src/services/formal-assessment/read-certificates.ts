// 证书 as read in the platform: every certificate (for the scheme's reviewers and the platform admin, who
// manage their status), and the certificate a formal assessment led to (for whoever may read the assessment).
import type { Certificate, CertificateListQuery, ManagedCertificate } from '@cmmm/contract';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { authorize, canManageCertificates, type Actor } from '../../policy.ts';
import type { CertificateListFilter } from '../../repositories/certificates.ts';
import { certificateView } from '../assessors/views.ts';
import { managedCertificateView } from './certificate-status.ts';
import { readableFormalAssessment } from './load-formal-assessment.ts';

const CREDIT_CODE = /^[0-9A-Z]{18}$/;

export async function listCertificates(ctx: ServiceContext, actor: Actor | null, input: CertificateListQuery): Promise<{ items: ManagedCertificate[]; total: number; page: number; pageSize: number }> {
  authorize(actor, canManageCertificates(actor));
  const q = input.q?.trim();
  // A whole credit code is looked up as such; anything else is part of a number or a name.
  const filter: CertificateListFilter = {
    ...(q && CREDIT_CODE.test(q.toUpperCase()) ? { creditCode: q.toUpperCase() } : q ? { text: q } : {}),
    ...(input.status ? { status: input.status } : {}),
  };
  const { rows, total } = await ctx.repos.certificates.listCertificates(filter, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const today = beijingDay(ctx.now());
  return {
    items: rows.map((r) => managedCertificateView(r, { name: r.enterprise_name, creditCode: r.enterprise_credit_code }, today)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The certificate issued for this assessment, or null before it is (or for a certificate no longer on record). */
export async function readAssessmentCertificate(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<{ certificate: Certificate | null }> {
  const { facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  const row = await ctx.repos.formalReview.findCertificateOfAssessment(f.row.id);
  return { certificate: row ? certificateView(row, f.enterprise.name, beijingDay(ctx.now())) : null };
}
