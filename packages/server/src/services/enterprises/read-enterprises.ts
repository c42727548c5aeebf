// Enterprises: one (its users, assigned assessors, admins of its region and above) and lists (admins).
import type { EnterpriseView } from '@cmmm/contract';
import { regionPrefix } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canListEnterprises, canViewEnterprise, oversightOf, type Actor } from '../../policy.ts';
import { enterpriseScope, enterpriseView } from '../../views.ts';

export async function readEnterprise(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<EnterpriseView> {
  authorize(actor, true); // any logged-in user; which enterprise, the rule below decides
  const row = await ctx.repos.enterprises.findEnterpriseById(input.id);
  // Not found and not allowed answer alike: no probing for ids.
  if (!row || !canViewEnterprise(actor, enterpriseScope(row))) throw new AppError('NOT_FOUND');
  return enterpriseView(row);
}

export async function listEnterprises(ctx: ServiceContext, actor: Actor | null, input: { q?: string; page: number; pageSize: number }): Promise<{ enterprises: EnterpriseView[]; total: number }> {
  authorize(actor, canListEnterprises(actor));
  const oversight = oversightOf(actor);
  const scope = oversight.all ? {} : { regionPrefix: regionPrefix(oversight.regionCode), subPlatformCode: oversight.regionCode };
  const { rows, total } = await ctx.repos.enterprises.listEnterprises({ ...scope, q: input.q || undefined, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return { enterprises: rows.map(enterpriseView), total };
}
