// The current session as the browser sees it: account, enterprise and the CSRF token.
import type { SessionView } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { accountView, enterpriseView } from '../../views.ts';

export async function readSession(ctx: ServiceContext, actor: Actor | null, input: { accountId?: string | null; csrfToken: string }): Promise<SessionView> {
  permit(actor, canReadPublicData(actor));
  const accountId = input.accountId === undefined ? (actor?.id ?? null) : input.accountId;
  const account = accountId ? await ctx.repos.accounts.findAccountById(accountId) : undefined;
  const enterprise = account?.enterprise_id ? await ctx.repos.enterprises.findEnterpriseById(account.enterprise_id) : undefined;
  return {
    account: account ? accountView(account, ctx.now()) : null,
    enterprise: enterprise ? enterpriseView(enterprise) : null,
    csrfToken: input.csrfToken,
  };
}
