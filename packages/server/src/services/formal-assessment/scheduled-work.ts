// The certificate lifecycle's daily work (seed 002 证书; issue: "runs exactly once even with several
// servers"): issue the certificates whose 公示 ended with no open objection, remind the enterprise 90
// and 30 days before expiry (SMS to its contact mobile), and mark expired certificates. Every server
// may run it at any time: each effect is claimed in the database first — the stage change under the
// assessment's row lock, the reminder's primary key, the status update's WHERE — so it happens once.
import { addDays, beijingDay } from '../../china-time.ts';
import { daysBetween } from './effort.ts';
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
  // Each reminder has a window (the 90-day one from 90 down to 31 days before, the 30-day one from 30 to
  // the last day), so a day the servers were down is caught up on the next run instead of skipped.
  for (const [index, days] of REMINDER_DAYS.entries()) {
    const nextDays = REMINDER_DAYS[index + 1];
    const after = nextDays === undefined ? addDays(today, -1) : addDays(today, nextDays);
    for (const c of await ctx.repos.formalReview.validCertificatesEndingBetween(after, addDays(today, days))) {
      await ctx.transaction(async (tx) => {
        if (!(await tx.repos.formalReview.claimReminder({ certificateId: c.id, daysBefore: days, at: tx.now() }))) return;
        const left = daysBetween(today, c.valid_until) - 1; // whole days from today to the last day
        const enterprise = await tx.repos.enterprises.findEnterpriseById(c.enterprise_id);
        if (enterprise) await tx.sms.send(tx, enterprise.contact_mobile, { template: 'certificateExpiry', params: { number: c.certificate_number, date: c.valid_until, days: String(left) } });
        await recordAudit(tx, null, 'certificate.reminder_sent', { type: 'certificate', id: c.id, enterprise: { id: c.enterprise_id, regionCode: c.region_code } }, { daysBefore: days, daysLeft: left });
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
