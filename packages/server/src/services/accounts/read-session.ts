// The current session as the browser sees it: account, enterprise and the CSRF token.
import type { SessionView } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { accountView, enterpriseView } from '../../views.ts';

export async function readSession(ctx: ServiceContext, actor: Actor | null, input: { csrfToken: string }): Promise<SessionView> {
  permit(actor, canReadPublicData(actor));
  return sessionViewOf(ctx, actor?.id ?? null, input.csrfToken);
}

/** The session view of an account (or of nobody), as the browser gets it after 注册 and 登录 too. */
export async function sessionViewOf(ctx: ServiceContext, accountId: string | null, csrfToken: string): Promise<SessionView> {
  const account = accountId ? await ctx.repos.accounts.findAccountById(accountId) : undefined;
  const enterprise = account?.enterprise_id ? await ctx.repos.enterprises.findEnterpriseById(account.enterprise_id) : undefined;
  return {
    account: account ? accountView(account, ctx.now()) : null,
    enterprise: enterprise ? enterpriseView(enterprise) : null,
    csrfToken,
  };
}
