// First start: the sub-platforms and, on an empty database, a platform admin with a one-time password.
// Run by the server's start-up (no actor: it is the operator starting the platform).
import { subPlatforms } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId, newOneTimePassword } from '../../security/tokens.ts';
import { seedPublishedCertifications } from '../registry/seed-published-certifications.ts';
import { backfillDiagnosisResults } from '../statistics/record-diagnosis-result.ts';
import { backfillWeakSubdomains } from '../statistics/weak-subdomain-aggregate.ts';

export interface BootstrapOutcome {
  subPlatformsCreated: number;
  /** Only when the admin was created now: shown once, must be changed at first login. */
  admin?: { username: string; password: string };
}

export async function bootstrapPlatform(ctx: ServiceContext): Promise<BootstrapOutcome> {
  const subPlatformsCreated = await ctx.repos.subPlatforms.insertMissingSubPlatforms(subPlatforms);
  await seedPublishedCertifications(ctx); // 信息查询: seed 004 appendix 1, idempotent
  await backfillWeakSubdomains(ctx); // 问题短板's cells of the results recorded before they existed, once; before the next line
  await backfillDiagnosisResults(ctx); // the read side of self-diagnoses completed before it existed, idempotent
  if ((await ctx.repos.accounts.countPlatformAdmins()) > 0) return { subPlatformsCreated };
  const password = newOneTimePassword();
  // Several servers may start at once on an empty database: the first to insert `admin` wins, the others go on.
  const created = await ctx.repos.accounts.insertAccountUnlessTaken({
    id: newId(),
    username: 'admin',
    passwordHash: await hashPassword(password),
    displayName: '平台管理员',
    mobile: null,
    role: 'platform_admin',
    mustChangePassword: true,
  });
  return created ? { subPlatformsCreated, admin: { username: 'admin', password } } : { subPlatformsCreated };
}
