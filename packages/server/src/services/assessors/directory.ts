// 信息查询: the public register of certified people and of assessment bodies (seed 002). Only people
// who agreed to be listed; never a mobile number.
import type { QualificationGrade } from '@cmmm/contract';
import { regionPath } from '@cmmm/reference';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { DIRECTORY_GRADES, MAY_LEAD, qualificationFacts, validThrough } from './qualification-rules.ts';
import type { Page } from './views.ts';

export interface DirectoryAssessor {
  name: string;
  grade: QualificationGrade;
  bodyName: string | null;
  certificateNumber: string;
  obtainedOn: string;
  validUntil: string;
  valid: boolean;
}

export interface DirectoryBody {
  id: string;
  name: string;
  regionName: string;
  contactName: string;
  leadAssessorCount: number;
}

/** One row per approved certificate (评估师 and above, 培训讲师) of a person listed publicly; `valid` today. */
export async function listPublicAssessors(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { q?: string; grade?: (typeof DIRECTORY_GRADES)[number]; page: number; pageSize: number },
): Promise<Page<DirectoryAssessor>> {
  permit(actor, canReadPublicData(actor));
  const today = beijingDay(ctx.now());
  const { rows, total } = await ctx.repos.assessors.listDirectoryQualifications({
    q: input.q,
    grades: input.grade ? [input.grade] : DIRECTORY_GRADES,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const items = rows.map((r) => ({
    name: r.name,
    grade: r.grade,
    bodyName: r.body_name,
    certificateNumber: r.certificate_number,
    obtainedOn: r.obtained_on,
    validUntil: r.valid_until,
    valid: validThrough(qualificationFacts(r), today),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** The bodies: name, region, contact name (not the mobile), lead assessors qualified today. */
export async function listPublicBodies(ctx: ServiceContext, actor: Actor | null, input: { q?: string; page: number; pageSize: number }): Promise<Page<DirectoryBody>> {
  permit(actor, canReadPublicData(actor));
  const { rows, total } = await ctx.repos.assessmentBodies.listAssessmentBodies({ q: input.q, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const leads = await ctx.repos.assessmentBodies.countQualifiedPeople(rows.map((r) => r.id), MAY_LEAD, beijingDay(ctx.now()));
  const items = rows.map((r) => ({ id: r.id, name: r.name, regionName: regionPath(r.region_code), contactName: r.contact_name, leadAssessorCount: leads.get(r.id) ?? 0 }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
