// Certificates of conformity an enterprise holds: recorded by the platform admin (earned before the
// platform), read by whoever may see the enterprise.
import type { Certificate, RecordCertificate } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canRecordCertificate, canViewEnterprise, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { enterpriseScope } from '../../views.ts';
import { recordAudit } from '../audit.ts';
import { certificateView } from './views.ts';

export async function listEnterpriseCertificates(ctx: ServiceContext, actor: Actor | null, input: { enterpriseId: string }): Promise<{ items: Certificate[] }> {
  authorize(actor, true); // any logged-in user; which enterprise, canViewEnterprise decides
  const enterprise = await ctx.repos.enterprises.findEnterpriseById(input.enterpriseId);
  // Not found and not allowed answer alike: no probing for ids.
  if (!enterprise || !canViewEnterprise(actor, enterpriseScope(enterprise))) throw new AppError('NOT_FOUND');
  const rows = await ctx.repos.certificates.certificatesOfEnterprise(enterprise.id);
  return { items: rows.map((r) => certificateView(r, enterprise.name, beijingDay(ctx.now()))) };
}

const certificateNumberTaken = () =>
  new AppError('CERTIFICATE_NUMBER_TAKEN', undefined, [{ code: 'CERTIFICATE_NUMBER_TAKEN', path: 'certificateNumber', message: '该证书编号已登记' }]);

export async function recordCertificate(ctx: ServiceContext, actor: Actor | null, input: RecordCertificate): Promise<Certificate> {
  authorize(actor, canRecordCertificate(actor));
  const enterprise = await ctx.repos.enterprises.findEnterpriseById(input.enterpriseId);
  if (!enterprise) throw new AppError('NOT_FOUND', '找不到该企业', [{ code: 'NOT_FOUND', path: 'enterpriseId', message: '找不到该企业' }]);
  const id = newId();
  try {
    const row = await ctx.transaction(async (tx) => {
      if (await tx.repos.certificates.findCertificateByNumber(input.certificateNumber)) throw certificateNumberTaken();
      await tx.repos.certificates.insertCertificate({ id, ...input });
      await recordAudit(tx, actor, 'certificate.recorded', { type: 'certificate', id, enterprise: { id: enterprise.id, regionCode: enterprise.region_code } }, {
        level: input.level,
        certificateNumber: input.certificateNumber,
        issuedOn: input.issuedOn,
        validUntil: input.validUntil,
      });
      return (await tx.repos.certificates.findCertificate(id))!;
    });
    return certificateView(row, enterprise.name, beijingDay(ctx.now()));
  } catch (err) {
    // Two records racing past the check: the unique index decides.
    if (isUniqueViolation(err, 'certificate_certificate_number_key')) throw certificateNumberTaken();
    throw err;
  }
}
