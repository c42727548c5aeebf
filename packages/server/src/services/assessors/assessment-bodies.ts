// 评估机构: listed for every logged-in user (enterprises choose one to apply to), registered by the
// platform admin, kept up to date by it or the body's own agency admin.
import type { AssessmentBody, CreateAssessmentBody, UpdateAssessmentBody } from '@cmmm/contract';
import { isUniqueViolation } from '@cmmm/db';
import type { Issue } from '@cmmm/model';
import { isSelectableRegion, validateCreditCode } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canRegisterAssessmentBody, canUpdateAssessmentBody, type Actor } from '../../policy.ts';
import { newId } from '../../security/tokens.ts';
import { recordAudit } from '../audit.ts';
import { MAY_LEAD } from './qualification-rules.ts';
import { assessmentBodyView, type Page } from './views.ts';

export async function listAssessmentBodies(ctx: ServiceContext, actor: Actor | null, input: { q?: string; page: number; pageSize: number }): Promise<Page<AssessmentBody>> {
  authorize(actor, true); // any logged-in user: enterprises choose the body they apply to
  const { rows, total } = await ctx.repos.assessmentBodies.listAssessmentBodies({ q: input.q, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const leads = await ctx.repos.assessmentBodies.countQualifiedPeople(rows.map((r) => r.id), MAY_LEAD, beijingDay(ctx.now()));
  return { items: rows.map((r) => assessmentBodyView(r, leads.get(r.id) ?? 0)), total, page: input.page, pageSize: input.pageSize };
}

const bodyExists = () => new AppError('BODY_EXISTS', undefined, [{ code: 'BODY_EXISTS', path: 'creditCode', message: '该统一社会信用代码的评估机构已登记' }]);

function regionIssue(regionCode: string | undefined): Issue[] {
  return regionCode !== undefined && !isSelectableRegion(regionCode) ? [{ code: 'UNKNOWN_REGION', path: 'regionCode', message: '所在地区须选到区县一级' }] : [];
}

function throwIssues(issues: Issue[]): void {
  if (issues.length) throw issues.length === 1 ? new AppError(issues[0]!.code, issues[0]!.message, issues) : new AppError('VALIDATION', undefined, issues);
}

export async function registerAssessmentBody(ctx: ServiceContext, actor: Actor | null, input: CreateAssessmentBody): Promise<AssessmentBody> {
  authorize(actor, canRegisterAssessmentBody(actor));
  const creditCode = validateCreditCode(input.creditCode);
  throwIssues([...(creditCode.ok ? [] : [{ code: creditCode.code, path: 'creditCode', message: creditCode.message }]), ...regionIssue(input.regionCode)]);
  const code = (creditCode as { ok: true; value: string }).value;
  const id = newId();
  try {
    const row = await ctx.transaction(async (tx) => {
      if (await tx.repos.assessmentBodies.findAssessmentBodyByCreditCode(code)) throw bodyExists();
      await tx.repos.assessmentBodies.insertAssessmentBody({
        id,
        name: input.name,
        creditCode: code,
        regionCode: input.regionCode,
        contactName: input.contactName,
        contactMobile: input.contactMobile,
        address: input.address || null,
      });
      await recordAudit(tx, actor, 'assessment_body.registered', { type: 'assessment_body', id }, { name: input.name, creditCode: code, regionCode: input.regionCode });
      return (await tx.repos.assessmentBodies.findAssessmentBody(id))!;
    });
    return assessmentBodyView(row, 0);
  } catch (err) {
    // Two registrations racing past the check: the unique index decides.
    if (isUniqueViolation(err)) throw bodyExists();
    throw err;
  }
}

export async function updateAssessmentBody(ctx: ServiceContext, actor: Actor | null, input: { id: string; patch: UpdateAssessmentBody }): Promise<AssessmentBody> {
  authorize(actor, canUpdateAssessmentBody(actor, input.id));
  const { patch } = input;
  throwIssues(regionIssue(patch.regionCode));
  const next = { ...patch, ...(patch.address !== undefined ? { address: patch.address || null } : {}) };
  const row = await ctx.transaction(async (tx) => {
    const before = await tx.repos.assessmentBodies.findAssessmentBody(input.id);
    if (!before) throw new AppError('BODY_NOT_FOUND');
    await tx.repos.assessmentBodies.updateAssessmentBody(input.id, next);
    const was: Record<string, unknown> = { name: before.name, regionCode: before.region_code, contactName: before.contact_name, contactMobile: before.contact_mobile, address: before.address };
    const changed = Object.keys(next).filter((k) => was[k] !== next[k as keyof typeof next]);
    await recordAudit(tx, actor, 'assessment_body.updated', { type: 'assessment_body', id: input.id }, {
      before: Object.fromEntries(changed.map((k) => [k, was[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k as keyof typeof next]])),
    });
    return (await tx.repos.assessmentBodies.findAssessmentBody(input.id))!;
  });
  const leads = await ctx.repos.assessmentBodies.countQualifiedPeople([row.id], MAY_LEAD, beijingDay(ctx.now()));
  return assessmentBodyView(row, leads.get(row.id) ?? 0);
}
