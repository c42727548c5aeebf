// Enterprises: one (its users, assigned assessors, admins of its region and above) and lists (admins).
import type { EnterpriseView } from '@cmmm/contract';
import { regionPrefix } from '@cmmm/reference';
import type { ServiceContext } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { authorize, canListEnterprises, canViewEnterprise, oversightOf, type Actor } from '../../policy.ts';
import type { EnterpriseKey } from '../../repositories/enterprises.ts';
import { enterpriseScope, enterpriseView } from '../../views.ts';

export async function readEnterprise(ctx: ServiceContext, actor: Actor | null, input: { id: string }): Promise<EnterpriseView> {
  authorize(actor, true); // any logged-in user; which enterprise, the rule below decides
  const row = await ctx.repos.enterprises.findEnterpriseById(input.id);
  // Not found and not allowed answer alike: no probing for ids.
  if (!row || !canViewEnterprise(actor, enterpriseScope(row))) throw new AppError('NOT_FOUND');
  return enterpriseView(row);
}

/** Counts stop here: beyond, a list says "10,000+" (the count reads at most this many index entries). */
export const ENTERPRISE_COUNT_CAP = 10_000;

/** An enterprise list's page: newest first, `next` the cursor of the page after it (null on the last). */
export interface EnterprisePage {
  enterprises: EnterpriseView[];
  next: string | null;
  /** Enterprises in the list, counted up to `totalCap`; `totalCapped` when there are more ("10,000+"). */
  total: number;
  totalCapped: boolean;
}

/**
 * The admins' enterprise lists (the platform admin every enterprise, a region admin its region's and its
 * sub-platform's), paged by keyset: `after` is the previous page's `next`. Counted exactly up to
 * ENTERPRISE_COUNT_CAP, then "more than" — a count that reads at most that many index entries.
 */
export async function listEnterprises(ctx: ServiceContext, actor: Actor | null, input: { q?: string; after?: string; pageSize: number }): Promise<EnterprisePage> {
  authorize(actor, canListEnterprises(actor));
  const oversight = oversightOf(actor);
  const scope = oversight.all ? undefined : { regionPrefix: regionPrefix(oversight.regionCode), subPlatformCode: oversight.regionCode };
  const q = input.q || undefined;
  const after = input.after === undefined ? undefined : parseCursor(input.after);
  const [rows, counted] = await Promise.all([ctx.repos.enterprises.listEnterprises({ scope, q, after, limit: input.pageSize + 1 }), ctx.repos.enterprises.countEnterprises({ scope, q, upTo: ENTERPRISE_COUNT_CAP + 1 })]);
  const page = rows.slice(0, input.pageSize);
  const last = page[page.length - 1];
  return {
    enterprises: page.map(enterpriseView),
    next: rows.length > input.pageSize && last ? cursorOf({ createdAt: last.created_at_key, id: last.id }) : null,
    total: Math.min(counted, ENTERPRISE_COUNT_CAP),
    totalCapped: counted > ENTERPRISE_COUNT_CAP,
  };
}

export const cursorOf = (key: EnterpriseKey): string => Buffer.from(`${key.createdAt}|${key.id}`).toString('base64url');

const CURSOR = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseCursor(cursor: string): EnterpriseKey {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('BAD_REQUEST');
  return { createdAt: match[1]!, id: match[2]! };
}
