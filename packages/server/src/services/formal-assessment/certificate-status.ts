// 证书状态 after issue (seed 002 标准符合性评估-证书; issue: "Status: valid, suspended, revoked, expired,
// superseded; changes are audit events"): the scheme's reviewers and the platform admin suspend (暂停),
// reinstate (恢复) and revoke (撤销) a certificate, always with a reason. Legal moves only: valid →
// suspended, suspended → valid, valid | suspended → revoked; revoked, expired and superseded are final
// (a valid certificate past its last day is expired already, whether or not the daily run marked it).
// Each change is an audit event and a message to the enterprise's contact mobile; the reason stays with
// the certificate and the audit trail — the registry and /verify show the status only.
import type { CertificateStatusAction, ManagedCertificate } from '@cmmm/contract';
import type { CertificateRow, CertificateStatus } from '@cmmm/db';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canManageCertificates, type Actor } from '../../policy.ts';
import { SmsSendError } from '../../sms.ts';
import { certificateStatusOn, certificateView } from '../assessors/views.ts';
import { recordAudit } from '../audit.ts';

/** The status an action leads to from each status it is allowed from. */
const TRANSITIONS: Readonly<Record<CertificateStatusAction, { from: readonly CertificateStatus[]; to: CertificateStatus }>> = {
  suspend: { from: ['valid'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'valid' },
  revoke: { from: ['valid', 'suspended'], to: 'revoked' },
};

export const CERTIFICATE_STATUS_NAMES: Readonly<Record<CertificateStatus, string>> = { valid: '有效', suspended: '暂停', revoked: '撤销', expired: '过期', superseded: '被替代' };
const ACTION_NAMES: Readonly<Record<CertificateStatusAction, string>> = { suspend: '暂停', reinstate: '恢复', revoke: '撤销' };

/** The status after the action, or CERTIFICATE_STATUS_FINAL naming both. */
export function certificateStatusAfter(status: CertificateStatus, action: CertificateStatusAction): CertificateStatus {
  const t = TRANSITIONS[action];
  if (t.from.includes(status)) return t.to;
  throw new AppError('CERTIFICATE_STATUS_FINAL', undefined, [
    { code: 'CERTIFICATE_STATUS_FINAL', path: 'status', message: `证书状态为「${CERTIFICATE_STATUS_NAMES[status]}」，不能${ACTION_NAMES[action]}` },
  ]);
}

export function managedCertificateView(row: CertificateRow, enterprise: { name: string; creditCode: string }, today: string): ManagedCertificate {
  return {
    ...certificateView(row, enterprise.name, today),
    creditCode: enterprise.creditCode,
    statusChangedAt: row.status_changed_at ? new Date(row.status_changed_at).toISOString() : null,
  };
}

export async function changeCertificateStatus(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { number: string; action: CertificateStatusAction; reason: string },
): Promise<ManagedCertificate> {
  authorize(actor, canManageCertificates(actor));
  return ctx.transaction(async (tx) => {
    const row = await tx.repos.certificates.findCertificateByNumber(input.number);
    const enterprise = row && (await tx.repos.enterprises.findEnterpriseById(row.enterprise_id));
    if (!row || !enterprise) throw new AppError('NOT_FOUND', '找不到该证书编号的证书');
    const today = beijingDay(tx.now());
    const from = certificateStatusOn(row, today);
    const to = certificateStatusAfter(from, input.action);
    // Conditional on the status read: a concurrent change (another reviewer, the daily expiry) wins.
    if (!(await tx.repos.certificates.changeCertificateStatus({ id: row.id, from: row.status, to, reason: input.reason, at: tx.now() }))) {
      throw new AppError('EDIT_CONFLICT', '该证书的状态已被他人修改，请刷新后重试');
    }
    const notified = await notifyEnterprise(tx, enterprise.contact_mobile, { number: row.certificate_number, status: CERTIFICATE_STATUS_NAMES[to], date: today });
    await recordAudit(
      tx,
      actor,
      'certificate.status_changed',
      { type: 'certificate', id: row.id, enterprise: { id: enterprise.id, regionCode: enterprise.region_code } },
      { from, to, action: input.action, reason: input.reason, notified },
    );
    const changed = (await tx.repos.certificates.findCertificate(row.id))!;
    return managedCertificateView(changed, { name: enterprise.name, creditCode: enterprise.credit_code }, today);
  });
}

/** The SMS to the enterprise; a provider that refuses does not undo the change (the audit event records it). */
async function notifyEnterprise(tx: ServiceContext, mobile: string, params: { number: string; status: string; date: string }): Promise<boolean> {
  try {
    await tx.sms.send(tx, mobile, { template: 'certificateStatus', params });
    return true;
  } catch (error) {
    if (!(error instanceof SmsSendError)) throw error;
    tx.log.warn({ err: error, certificate: params.number }, 'certificate status SMS not sent');
    return false;
  }
}
