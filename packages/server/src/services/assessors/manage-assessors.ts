// 评估人员: a body's people (registered by the platform admin or the body's agency admin, with a login
// if asked) and an enterprise's internal assessors (registered by the enterprise). Lists are scoped by
// role; a record another may not read answers like a missing one.
import type { Assessor, CreateAssessor, QualificationGrade, UpdateAssessor } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canEditAssessorListing, canListAssessors, canManageAssessor, canReadAssessor, type Actor, type AssessorScope } from '../../policy.ts';
import type { AssessorFilter, AssessorWithNames } from '../../repositories/assessors.ts';
import { hashPassword } from '../../security/passwords.ts';
import { newId, newOneTimePassword } from '../../security/tokens.ts';
import { recordAudit, type AuditSubject } from '../audit.ts';
import { MAY_LEAD } from './qualification-rules.ts';
import { assessorView, maskedMobile, type Page } from './views.ts';

export const assessorScope = (row: Pick<AssessorWithNames, 'body_id' | 'enterprise_id' | 'account_id'>): AssessorScope => ({
  bodyId: row.body_id,
  enterpriseId: row.enterprise_id,
  accountId: row.account_id,
});

/** An internal assessor's events belong to its enterprise (its region's admins read them). */
export const assessorEnterprise = (row: Pick<AssessorWithNames, 'enterprise_id' | 'enterprise_region_code'>): AuditSubject['enterprise'] =>
  row.enterprise_id && row.enterprise_region_code ? { id: row.enterprise_id, regionCode: row.enterprise_region_code } : null;

/** Whether the actor sees the whole record (mobile, user name): whoever manages it, and the person themself. */
const seesAll = (actor: Actor, row: AssessorWithNames): boolean => canManageAssessor(actor, assessorScope(row)) || (!!row.account_id && row.account_id === actor.id);

/** The views of these people, with every qualification they ever had. */
export async function assessorViews(ctx: ServiceContext, actor: Actor, rows: readonly AssessorWithNames[]): Promise<Assessor[]> {
  const qualifications = await ctx.repos.assessors.qualificationsOf(rows.map((r) => r.id));
  const today = beijingDay(ctx.now());
  return rows.map((r) => assessorView(r, qualifications, today, seesAll(actor, r)));
}

/** The part of the register each role lists (see the contract): null when the role has nothing to list. */
function listedBy(actor: Actor, input: { bodyId?: string }): Pick<AssessorFilter, 'bodyId' | 'enterpriseId' | 'internal' | 'anyGrade' | 'listedPublicly'> | null {
  switch (actor.role) {
    case 'platform_admin':
      return {};
    case 'agency_admin':
      return actor.bodyId ? { bodyId: actor.bodyId } : null;
    case 'enterprise_user':
      // Its internal assessors; or, choosing whom to apply to, a body's publicly listed lead assessors.
      if (input.bodyId) return { bodyId: input.bodyId, internal: false, listedPublicly: true, anyGrade: MAY_LEAD };
      return actor.enterpriseId ? { enterpriseId: actor.enterpriseId } : null;
    case 'assessor':
    case 'lead_assessor':
      // a body's people, to form teams; an enterprise's internal assessors come with its assessment
      return { internal: false };
    default:
      return null;
  }
}

export interface AssessorListInput {
  q?: string;
  grade?: QualificationGrade;
  bodyId?: string;
  enterpriseId?: string;
  pending?: 'true' | 'false';
  page: number;
  pageSize: number;
}

export async function listAssessors(ctx: ServiceContext, actor: Actor | null, input: AssessorListInput): Promise<Page<Assessor>> {
  authorize(actor, canListAssessors(actor));
  const empty = { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  const scope = listedBy(actor, input);
  if (!scope) return empty;
  // A filter outside the role's part of the register finds nobody.
  if (scope.bodyId && input.bodyId && input.bodyId !== scope.bodyId) return empty;
  if (scope.enterpriseId && input.enterpriseId && input.enterpriseId !== scope.enterpriseId) return empty;
  if (scope.internal === false && input.enterpriseId) return empty;
  const { rows, total } = await ctx.repos.assessors.listAssessors({
    ...scope,
    ...(input.bodyId ? { bodyId: input.bodyId } : {}),
    ...(input.enterpriseId ? { enterpriseId: input.enterpriseId } : {}),
    q: input.q,
    grade: input.grade,
    day: beijingDay(ctx.now()),
    pending: input.pending === 'true',
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { items: await assessorViews(ctx, actor, rows), total, page: input.page, pageSize: input.pageSize };
}

const usernameTaken = () => new AppError('USERNAME_TAKEN', undefined, [{ code: 'USERNAME_TAKEN', path: 'username', message: '该用户名已被使用，请换一个' }]);

export async function registerAssessor(ctx: ServiceContext, actor: Actor | null, input: CreateAssessor): Promise<{ assessor: Assessor; oneTimePassword: string | null }> {
  // An agency admin registers for its own body, an enterprise for itself: what they leave out is theirs.
  const scope = {
    bodyId: input.bodyId ?? (actor?.role === 'agency_admin' && !input.enterpriseId ? (actor.bodyId ?? null) : null),
    enterpriseId: input.enterpriseId ?? (actor?.role === 'enterprise_user' && !input.bodyId ? actor.enterpriseId : null),
  };
  authorize(actor, canManageAssessor(actor, scope));
  if (input.username && !scope.bodyId) {
    throw new AppError('VALIDATION', '只有评估机构的评估人员可开通登录账户', [{ code: 'VALIDATION', path: 'username', message: '企业内部评估师不开通登录账户；评估机构的评估人员才可开通' }]);
  }
  if (scope.bodyId && !(await ctx.repos.assessmentBodies.findAssessmentBody(scope.bodyId))) throw new AppError('BODY_NOT_FOUND');
  const enterprise = scope.enterpriseId ? await ctx.repos.enterprises.findEnterpriseById(scope.enterpriseId) : undefined;
  if (scope.enterpriseId && !enterprise) throw new AppError('NOT_FOUND', '找不到该企业');
  if (input.username && (await ctx.repos.accounts.findAccountByUsername(input.username))) throw usernameTaken();

  const oneTimePassword = input.username ? newOneTimePassword() : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : null;
  const id = newId();
  const accountId = input.username ? newId() : null;
  const auditEnterprise = enterprise ? { id: enterprise.id, regionCode: enterprise.region_code } : null;
  try {
    const row = await ctx.transaction(async (tx) => {
      if (accountId) {
        await tx.repos.accounts.insertAccount({
          id: accountId,
          username: input.username!,
          passwordHash: passwordHash!,
          displayName: input.name,
          mobile: input.mobile,
          role: 'assessor', // coarse: what a person may do follows from the qualifications
          bodyId: scope.bodyId,
          mustChangePassword: true,
        });
        await recordAudit(tx, actor, 'account.created', { type: 'account', id: accountId }, { username: input.username!, role: 'assessor', bodyId: scope.bodyId });
      }
      await tx.repos.assessors.insertAssessor({ id, name: input.name, mobile: input.mobile, bodyId: scope.bodyId, enterpriseId: scope.enterpriseId, accountId, listedPublicly: input.listedPublicly });
      await recordAudit(tx, actor, 'assessor.registered', { type: 'assessor', id, enterprise: auditEnterprise }, {
        name: input.name,
        bodyId: scope.bodyId,
        enterpriseId: scope.enterpriseId,
        username: input.username ?? null,
        listedPublicly: input.listedPublicly,
      });
      return (await tx.repos.assessors.findAssessorWithNames(id))!;
    });
    return { assessor: (await assessorViews(ctx, actor, [row]))[0]!, oneTimePassword };
  } catch (err) {
    // Two registrations racing past the check: the unique index decides.
    if (isUniqueViolation(err, 'account_username_key')) throw usernameTaken();
    throw err;
  }
}

/** One record, for whoever may read it; a record the actor may not read answers like a missing one. */
async function readableAssessor(ctx: ServiceContext, actor: Actor, id: string): Promise<AssessorWithNames> {
  const row = await ctx.repos.assessors.findAssessorWithNames(id);
  if (!row || !canReadAssessor(actor, assessorScope(row))) throw new AppError('ASSESSOR_NOT_FOUND');
  return row;
}

export async function readAssessor(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<Assessor> {
  authorize(actor, true); // any logged-in user; which record, canReadAssessor decides
  const row = await readableAssessor(ctx, actor, input.id);
  return (await assessorViews(ctx, actor, [row]))[0]!;
}

/** The logged-in person's own record (评估人员 with a login). */
export async function readOwnAssessorRecord(ctx: ServiceContext, actor: Actor | null): Promise<Assessor> {
  authorize(actor, true); // one's own record, if there is one
  const row = await ctx.repos.assessors.findAssessorWithNamesByAccount(actor.id);
  if (!row) throw new AppError('ASSESSOR_NOT_FOUND', '当前账户没有对应的评估人员记录');
  return (await assessorViews(ctx, actor, [row]))[0]!;
}

export async function updateAssessor(ctx: ServiceContext, actor: Actor | null, input: { id: string; patch: UpdateAssessor }): Promise<Assessor> {
  authorize(actor, true); // any logged-in user; which record and which fields, the rules below decide
  const { patch } = input;
  const row = await ctx.transaction(async (tx) => {
    const before = await readableAssessor(tx, actor, input.id);
    const scope = assessorScope(before);
    // Name and mobile: whoever manages the record; the public listing: also the person themself.
    const changesPerson = patch.name !== undefined || patch.mobile !== undefined;
    authorize(actor, (!changesPerson || canManageAssessor(actor, scope)) && (patch.listedPublicly === undefined || canEditAssessorListing(actor, scope)));
    await tx.repos.assessors.updateAssessorFields(input.id, patch);
    const was = { name: before.name, mobile: before.mobile, listedPublicly: before.listed_publicly };
    const changed = (Object.keys(patch) as (keyof UpdateAssessor)[]).filter((k) => patch[k] !== undefined && patch[k] !== was[k]);
    const shown = (k: keyof UpdateAssessor, v: unknown) => (k === 'mobile' ? maskedMobile(String(v)) : v);
    await recordAudit(tx, actor, 'assessor.updated', { type: 'assessor', id: input.id, enterprise: assessorEnterprise(before) }, {
      before: Object.fromEntries(changed.map((k) => [k, shown(k, was[k])])),
      after: Object.fromEntries(changed.map((k) => [k, shown(k, patch[k])])),
    });
    return (await tx.repos.assessors.findAssessorWithNames(input.id))!;
  });
  return (await assessorViews(ctx, actor, [row]))[0]!;
}
