// The certifications published before the platform issued any — seed 004 appendix 1, the 304
// enterprises of CESI's 2022 practice report — put into published_certification at every start (server
// and tests, after the migrations, from bootstrapPlatform). Idempotent: one count, and when rows are
// missing one INSERT … ON CONFLICT DO NOTHING of the whole appendix; rows already there are left as they
// are. An operator task (no actor).
import { certifiedEnterprises2022 } from '@cmmm/reference/certified-2022';
import type { ServiceContext } from '../../context.ts';

/** How many rows were inserted now (0 when the appendix was there already). */
export async function seedPublishedCertifications(ctx: ServiceContext): Promise<number> {
  const rows = certifiedEnterprises2022();
  const source = rows[0]!.source;
  if ((await ctx.repos.registry.countPublishedCertifications(source)) >= rows.length) return 0;
  return ctx.repos.registry.insertPublishedCertifications(rows);
}
