// 公示 (seed 002 评估流程): an approved result is published for a period (7 days by default): the
// enterprise, the level (or capability levels), the scope, the body and the lead. Anyone may object
// (rate-limited by the route); an open objection blocks the certificate until a reviewer dismisses
// it or upholds it — which sends the assessment back to the team.
import { newId } from '../../security/tokens.ts';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canReadPublicData, canReviewFormalAssessment, permit, type Actor } from '../../policy.ts';
import type { FormalResult } from '@cmmm/contract';
import { recordAudit } from '../audit.ts';
import { changeFormalAssessment, formalSubject, loadFormalAssessment, readableFormalAssessment } from './load-formal-assessment.ts';
import { viewFor } from './read-formal-assessments.ts';
import { nextStage, requireStage } from './stage-machine.ts';

export interface PublicNotice {
  assessmentId: string;
  enterpriseName: string;
  assessmentType: 'predefined' | 'custom';
  level: number | null;
  levelName: string | null;
  capability: { domainId: string; name: string; level: number }[];
  scope: string;
  bodyName: string;
  leadName: string | null;
  startsOn: string;
  endsOn: string;
}

/** 公示 under way: public, newest first. */
export async function listPublicNotices(ctx: ServiceContext, actor: Actor | null, input: { page: number; pageSize: number }) {
  permit(actor, canReadPublicData(actor));
  const today = beijingDay(ctx.now());
  const { rows, total } = await ctx.repos.formalReview.listCurrentNotices({ today, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const items: PublicNotice[] = [];
  for (const n of rows) {
    const f = await loadFormalAssessment(ctx, n.assessment_id);
    const stored = await ctx.repos.formalRatings.findFormalResult(n.assessment_id);
    if (!f || !stored?.result) continue;
    const result = stored.result as unknown as FormalResult;
    items.push({
      assessmentId: f.row.id,
      enterpriseName: f.enterprise.name,
      assessmentType: f.row.assessment_type,
      level: result.level,
      levelName: result.levelName,
      capability: f.row.assessment_type === 'custom' ? result.capability.map((d) => ({ domainId: d.id, name: d.name, level: d.capabilityLevel })) : [],
      scope: f.row.scope,
      bodyName: f.body?.name ?? '',
      leadName: f.lead?.name ?? null,
      startsOn: n.starts_on,
      endsOn: n.ends_on,
    });
  }
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** 提出异议: anyone, during the period. */
export async function fileObjection(ctx: ServiceContext, actor: Actor | null, input: { id: string; name: string; contact: string; text: string }) {
  permit(actor, canReadPublicData(actor));
  return ctx.transaction(async (tx) => {
    const notice = await tx.repos.formalReview.findPublicNotice(input.id);
    const f = notice ? await loadFormalAssessment(tx, input.id) : undefined;
    const today = beijingDay(tx.now());
    if (!notice || !f || f.row.stage !== 'publicized' || today < notice.starts_on || today > notice.ends_on) throw new AppError('NOTICE_NOT_OPEN');
    const id = newId();
    await tx.repos.formalReview.insertObjection({ id, assessmentId: input.id, name: input.name, contact: input.contact, text: input.text, at: tx.now() });
    await recordAudit(tx, actor, 'formal_assessment.objection_filed', formalSubject(f), { objectionId: id });
    return { id, filedAt: tx.now().toISOString() };
  });
}

/** The objections: whoever may read the assessment; who objected (name, contact) only for the reviewers and the platform admin. */
export async function listObjections(ctx: ServiceContext, actor: Actor | null, input: { id: string }) {
  const { actor: reader, facts: f } = await readableFormalAssessment(ctx, actor, input.id);
  const rows = await ctx.repos.formalReview.listObjections(f.row.id);
  const seesWho = canReviewFormalAssessment(reader) || reader.role === 'platform_admin';
  return rows.map((o) => ({
    id: o.id,
    name: seesWho ? o.name : '',
    contact: seesWho ? o.contact : '',
    text: o.text,
    filedAt: o.filed_at.toISOString(),
    status: o.status,
    resolution: o.resolution,
    resolvedAt: o.resolved_at?.toISOString() ?? null,
  }));
}

/** 处理异议: dismissed (the 公示 goes on) or upheld (back to the team: the result goes, everyone submits again). */
export async function resolveObjection(ctx: ServiceContext, actor: Actor | null, input: { id: string; objectionId: string; uphold: boolean; resolution: string }) {
  authorize(actor, true);
  const done = await changeFormalAssessment(ctx, actor, input.id, (a) => canReviewFormalAssessment(a), async (tx, f, by) => {
    requireStage(f.row.stage, ['publicized'], '处理异议');
    const resolved = await tx.repos.formalReview.resolveObjection({ id: input.objectionId, assessmentId: f.row.id, status: input.uphold ? 'upheld' : 'dismissed', resolution: input.resolution, by: by.id, at: tx.now() });
    if (!resolved) throw new AppError('NOT_FOUND');
    await recordAudit(tx, by, 'formal_assessment.objection_resolved', formalSubject(f), { objectionId: input.objectionId, upheld: input.uphold });
    if (!input.uphold) return {};
    await tx.repos.formalRatings.clearFormalResult(f.row.id);
    await tx.repos.formalRatings.clearSubmissions(f.row.id);
    return { stage: nextStage(f.row.stage, 'upholdObjection') };
  });
  return viewFor(ctx, done.actor, done.facts);
}
