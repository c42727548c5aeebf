// The certificate lifecycle's daily work (seed 002 证书; issue: "runs exactly once even with several
// servers"): issue the certificates whose 公示 ended with no open objection, remind the enterprise 90
// and 30 days before expiry (SMS to its contact mobile), and mark expired certificates. Every server
// may run it at any time: each effect is claimed in the database first — the stage change under the
// assessment's row lock, the reminder's primary key, the status update's WHERE — so it happens once.
import { addDays, beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { recordAudit } from '../audit.ts';
import { issueDueCertificates } from './issue-certificate.ts';

export const REMINDER_DAYS = [90, 30] as const;

export interface ScheduledWorkDone {
  issued: string[];
  reminded: string[];
  expired: string[];
}

export async function runScheduledWork(ctx: ServiceContext): Promise<ScheduledWorkDone> {
  const issued = await issueDueCertificates(ctx);
  const today = beijingDay(ctx.now());
  const reminded: string[] = [];
  for (const days of REMINDER_DAYS) {
    for (const c of await ctx.repos.formalReview.validCertificatesEndingOn(addDays(today, days))) {
      await ctx.transaction(async (tx) => {
        if (!(await tx.repos.formalReview.claimReminder({ certificateId: c.id, daysBefore: days, at: tx.now() }))) return;
        const enterprise = await tx.repos.enterprises.findEnterpriseById(c.enterprise_id);
        if (enterprise) await tx.sms.send(tx, enterprise.contact_mobile, `【智能制造能力成熟度评估】贵企业证书 ${c.certificate_number} 将于 ${c.valid_until} 到期（还有 ${days} 天），如需保持认证请及时申请复评。`);
        await recordAudit(tx, null, 'certificate.reminder_sent', { type: 'certificate', id: c.id, enterprise: { id: c.enterprise_id, regionCode: c.region_code } }, { daysBefore: days });
        reminded.push(`${c.certificate_number}:${days}`);
      });
    }
  }
  const expired = await ctx.transaction(async (tx) => {
    const rows = await tx.repos.formalReview.expireCertificatesEndedBefore(today, tx.now());
    for (const c of rows) {
      const enterprise = await tx.repos.enterprises.findEnterpriseById(c.enterprise_id);
      await recordAudit(tx, null, 'certificate.status_changed', { type: 'certificate', id: c.id, enterprise: enterprise ? { id: enterprise.id, regionCode: enterprise.region_code } : null }, { from: 'valid', to: 'expired' });
    }
    return rows.map((c) => c.certificate_number);
  });
  return { issued, reminded, expired };
}
