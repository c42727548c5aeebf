// The audit trail: the platform admin reads every event, a region admin the events of its region's
// enterprises; filtered by subject, actor and time, newest first, paged by cursor.
import type { ServiceContext } from '../../context.ts';
import { regionPrefix } from '@cmmm/reference';
import { authorize, canReadAuditTrail, oversightOf, type Actor } from '../../policy.ts';

export interface AuditTrailQuery {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** The id of the last event of the previous page. */
  before?: string;
  limit: number;
}

export async function readAuditTrail(ctx: ServiceContext, actor: Actor | null, query: AuditTrailQuery) {
  authorize(actor, canReadAuditTrail(actor));
  const oversight = oversightOf(actor);
  const rows = await ctx.repos.auditEvents.listAuditEvents({
    ...query,
    regionPrefix: oversight.all ? undefined : regionPrefix(oversight.regionCode),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actorId: e.actor_id,
      actorRole: e.actor_role,
      action: e.action,
      subjectType: e.subject_type,
      subjectId: e.subject_id,
      enterpriseId: e.enterprise_id,
      regionCode: e.region_code,
      summary: e.summary as Record<string, unknown>,
      requestId: e.request_id,
    })),
    next: rows.length > query.limit ? String(page[page.length - 1]!.id) : null,
  };
}
