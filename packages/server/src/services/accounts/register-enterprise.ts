// 注册: an enterprise and its first account, in one transaction (seed 001 §1.1, §3.2), logged in.
import type { RegisterRequest, SessionView } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import type { Issue } from '@cmmm/model';
import { findIndustry, isSelectableRegion, validateCreditCode } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { canUseAccountEntry, permit, type Actor } from '../../policy.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { sessionViewOf } from './read-session.ts';
import { openSession, type OpenedSession } from './sessions.ts';

export async function registerEnterprise(ctx: ServiceContext, actor: Actor | null, input: RegisterRequest): Promise<{ accountId: string; enterpriseId: string; session: OpenedSession; view: SessionView }> {
  permit(actor, canUseAccountEntry(actor));
  const { account, enterprise } = input;
  const issues: Issue[] = [];
  const creditCode = validateCreditCode(enterprise.creditCode);
  if (!creditCode.ok) issues.push({ code: creditCode.code, path: 'enterprise.creditCode', message: creditCode.message });
  if (findIndustry(enterprise.industryCode)?.level !== 'middle') issues.push({ code: 'UNKNOWN_INDUSTRY', path: 'enterprise.industryCode', message: '所属行业须为国民经济行业分类（GB/T 4754-2017）制造业中类' });
  if (!isSelectableRegion(enterprise.regionCode)) {
    issues.push({ code: 'UNKNOWN_REGION', path: 'enterprise.regionCode', message: '所在地区须选到区县一级；如平台没有企业所在的新设地区，请联系平台技术支持' });
  }
  const nonIndependent = enterprise.organisationType !== 'independent';
  if (nonIndependent && !enterprise.parentName) {
    issues.push({ code: 'PARENT_REQUIRED', path: 'enterprise.parentName', message: '非独立法人（分公司、事业部、车间·工厂）须填写所属法人单位名称' });
  }
  if (input.subPlatformCode && !(await ctx.repos.subPlatforms.findSubPlatform(input.subPlatformCode))) {
    issues.push({ code: 'UNKNOWN_SUB_PLATFORM', path: 'subPlatformCode', message: '没有这个地方分平台' });
  }
  if (issues.length) throw issues.length === 1 ? new AppError(issues[0]!.code, issues[0]!.message, issues) : new AppError('VALIDATION', undefined, issues);
  const code = (creditCode as { ok: true; value: string }).value;
  const passwordHash = await hashPassword(account.password);

  try {
    const registered = await ctx.transaction(async (tx) => {
      if (await tx.repos.enterprises.findRegisteredEnterprise(code, enterprise.organisationType, enterprise.name)) {
        // Seed 001 §3.2's message, without the registered mobile (not even masked): it would tell a
        // stranger who holds the account.
        throw new AppError(
          'ENTERPRISE_EXISTS',
          '该企业已在平台注册过账户。可在登录页点击“忘记密码”，通过企业统一社会信用代码重置账户密码（验证码将发送到注册时预留的手机号）；如预留手机号已无法使用，请联系平台管理员变更手机号。',
          [{ code: 'ENTERPRISE_EXISTS', path: 'enterprise.creditCode', message: '该企业已在平台注册过账户' }],
        );
      }
      if (await tx.repos.accounts.findAccountByUsername(account.username)) throw usernameTaken();
      const enterpriseId = newId();
      const accountId = newId();
      await tx.repos.enterprises.insertEnterprise({
        id: enterpriseId,
        name: enterprise.name,
        creditCode: code,
        organisationType: enterprise.organisationType,
        parentName: nonIndependent ? enterprise.parentName! : null,
        industryCode: enterprise.industryCode,
        regionCode: enterprise.regionCode,
        enterpriseType: enterprise.enterpriseType,
        contactName: enterprise.contactName,
        contactMobile: enterprise.contactMobile,
        subPlatformCode: input.subPlatformCode ?? null,
      });
      await tx.repos.accounts.insertAccount({
        id: accountId,
        username: account.username,
        passwordHash,
        displayName: enterprise.contactName,
        mobile: account.mobile,
        role: 'enterprise_user',
        enterpriseId,
      });
      await recordAudit(tx, { id: accountId, role: 'enterprise_user' }, 'enterprise.registered', { type: 'enterprise', id: enterpriseId, enterprise: { id: enterpriseId, regionCode: enterprise.regionCode } }, {
        name: enterprise.name,
        creditCode: code,
        username: account.username,
        subPlatformCode: input.subPlatformCode ?? null,
      });
      ctx.log.info({ enterpriseId, accountId }, 'enterprise registered');
      return { accountId, enterpriseId, session: await openSession(tx, accountId) };
    });
    return { ...registered, view: await sessionViewOf(ctx, registered.accountId, registered.session.csrfToken) };
  } catch (err) {
    // Two registrations racing past the checks: the unique index decides.
    if (isUniqueViolation(err, 'account_username_key')) throw usernameTaken();
    if (isUniqueViolation(err)) throw new AppError('ENTERPRISE_EXISTS');
    throw err;
  }
}

const usernameTaken = () => new AppError('USERNAME_TAKEN', undefined, [{ code: 'USERNAME_TAKEN', path: 'account.username', message: '该用户名已被使用，请换一个' }]);
