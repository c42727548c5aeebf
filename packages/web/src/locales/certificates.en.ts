// UI strings: certificate management (reviewers and the platform admin suspend, reinstate, revoke) and the certificate on a result. Same keys as certificates.zh-CN.ts.
import type { certificatesZhCN } from './certificates.zh-CN.ts';

export const certificatesEn: Record<keyof typeof certificatesZhCN, string> = {
  'cm.nav': 'Certificates',
  'cm.title': 'Certificate management',
  'cm.intro': 'Every certificate on the platform. A valid certificate may be suspended or revoked, a suspended one reinstated or revoked; revoked, expired and superseded certificates are final. Every change needs a reason, is recorded in the audit trail and texted to the enterprise; the public register and verification show the status, never the reason.',
  'cm.search': 'Certificate number, enterprise name or credit code',
  'cm.statusFilter': 'Certificate status',
  'cm.allStatuses': 'All statuses',
  'cm.caption': '{total} certificates',
  'cm.col.actions': 'Actions',
  'cm.action.suspend': 'Suspend',
  'cm.action.reinstate': 'Reinstate',
  'cm.action.revoke': 'Revoke',
  'cm.actionFor.suspend': 'Suspend certificate {number}',
  'cm.actionFor.reinstate': 'Reinstate certificate {number}',
  'cm.actionFor.revoke': 'Revoke certificate {number}',
  'cm.dialog.suspend': 'Suspend certificate {number}',
  'cm.dialog.reinstate': 'Reinstate certificate {number}',
  'cm.dialog.revoke': 'Revoke certificate {number}',
  'cm.reason': 'Reason',
  'cm.reasonNote': 'The reason is kept with the certificate and in the audit trail; the public register does not show it.',
  'cm.revokeFinal': 'A revoked certificate cannot be reinstated.',
  'cm.final': 'Final: no change possible',
  'cm.changed': 'Certificate {number} is now "{status}"; the enterprise has been notified',
  'cm.pdf': 'Download the certificate PDF',
  'cm.verify': 'Public verification page',
};
