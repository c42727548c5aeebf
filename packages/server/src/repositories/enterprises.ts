// All SQL about enterprises.
import type { OrganisationType } from '@cmmm/contract';
import type { EnterpriseType } from '@cmmm/model';
import { escapeLike } from '@cmmm/db';
import { sql } from 'kysely';
import type { Db } from './db-types.ts';

export interface NewEnterprise {
  id: string;
  name: string;
  creditCode: string;
  organisationType: OrganisationType;
  parentName: string | null;
  industryCode: string;
  regionCode: string;
  enterpriseType: EnterpriseType;
  contactName: string;
  contactMobile: string;
  subPlatformCode: string | null;
  isDemo?: boolean;
}

export async function insertEnterprise(db: Db, e: NewEnterprise): Promise<void> {
  await db
    .insertInto('enterprise')
    .values({
      id: e.id,
      name: e.name,
      credit_code: e.creditCode,
      organisation_type: e.organisationType,
      parent_name: e.parentName,
      industry_code: e.industryCode,
      region_code: e.regionCode,
      enterprise_type: e.enterpriseType,
      contact_name: e.contactName,
      contact_mobile: e.contactMobile,
      sub_platform_code: e.subPlatformCode,
      is_demo: e.isDemo ?? false,
    })
    .execute();
}

/**
 * An enterprise already registered under this credit code: the legal entity (or a branch, which
 * has a code of its own); a 事业部 or 车间·工厂 shares its legal entity's code, so it is found by
 * code and name.
 */
export const findRegisteredEnterprise = (db: Db, creditCode: string, organisationType: OrganisationType, name: string) => {
  let query = db.selectFrom('enterprise').selectAll().where('credit_code', '=', creditCode);
  query =
    organisationType === 'division' || organisationType === 'plant'
      ? query.where('name', '=', name).where('organisation_type', 'in', ['division', 'plant'])
      : query.where('organisation_type', 'in', ['independent', 'branch']);
  return query.executeTakeFirst();
};

export const findEnterpriseById = (db: Db, id: string) => db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();

export const findEnterprisesByCreditCode = (db: Db, creditCode: string) =>
  db.selectFrom('enterprise').selectAll().where('credit_code', '=', creditCode).execute();

/** Where a list stands: the (created_at, id) of the last row shown, created_at as PostgreSQL prints it (microseconds kept). */
export interface EnterpriseKey {
  createdAt: string;
  id: string;
}

/** A region as the significant digits of its code (2 province, 4 city, 6 county) and the sub-platform registered through. */
export interface EnterpriseScope {
  regionPrefix: string;
  subPlatformCode?: string;
}

const regionColumn = (prefix: string) => (prefix.length <= 2 ? 'province' : prefix.length <= 4 ? 'city' : 'county');

function listQuery(db: Db, options: { region?: string; subPlatformCode?: string; q?: string; after?: EnterpriseKey }) {
  let query = db.selectFrom('enterprise');
  // Equality on an indexed column: region or sub-platform; the caller asks for one at a time.
  if (options.region !== undefined) query = query.where(regionColumn(options.region), '=', options.region);
  if (options.subPlatformCode !== undefined) query = query.where('sub_platform_code', '=', options.subPlatformCode);
  if (options.q) {
    const like = `%${escapeLike(options.q)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('credit_code', 'ilike', like)]));
  }
  if (options.after) query = query.where(sql<boolean>`(created_at, id) < (${options.after.createdAt}::timestamptz, ${options.after.id}::uuid)`);
  return query;
}

const pageOf = (db: Db, options: Parameters<typeof listQuery>[1], limit: number) =>
  listQuery(db, options)
    .selectAll()
    .select(sql<string>`created_at::text`.as('created_at_key'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

/**
 * One page of enterprises, newest first, after `after` (keyset on (created_at, id): every page is a
 * range scan of one index, however deep). In a region (GB/T 2260 significant digits) or registered on
 * its sub-platform; all when no scope. `q` matches a name or credit code anywhere (LIKE wildcards in it
 * are plain text). A scope is two index scans (region, sub-platform) merged here.
 */
export async function listEnterprises(db: Db, options: { scope?: EnterpriseScope; q?: string; after?: EnterpriseKey; limit: number }) {
  const { scope, q, after, limit } = options;
  const parts = !scope
    ? [pageOf(db, { q, after }, limit)]
    : [pageOf(db, { region: scope.regionPrefix, q, after }, limit), ...(scope.subPlatformCode ? [pageOf(db, { subPlatformCode: scope.subPlatformCode, q, after }, limit)] : [])];
  const seen = new Set<string>();
  const rows = (await Promise.all(parts))
    .flat()
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || compareKeys(b, a))
    .slice(0, limit);
  return rows;
}

/** Same-millisecond rows: microseconds (in the printed key) then id, as PostgreSQL orders them. */
const compareKeys = (a: { created_at_key: string; id: string }, b: { created_at_key: string; id: string }) =>
  a.created_at_key < b.created_at_key ? -1 : a.created_at_key > b.created_at_key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * How many enterprises a list has, counted up to `upTo`: each index (region, sub-platform) read for at
 * most `upTo` entries, index-only, and the two sets' union counted (an OR would let the planner scan the table).
 */
export async function countEnterprises(db: Db, options: { scope?: EnterpriseScope; q?: string; upTo: number }): Promise<number> {
  const { scope, q, upTo } = options;
  const branch = (where: Parameters<typeof listQuery>[1]) => db.selectFrom(listQuery(db, { ...where, q }).select('id').limit(upTo).as('b')).select('b.id');
  const ids = !scope ? branch({}) : scope.subPlatformCode ? branch({ region: scope.regionPrefix }).union(branch({ subPlatformCode: scope.subPlatformCode })) : branch({ region: scope.regionPrefix });
  const row = await db
    .selectFrom(ids.as('ids'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Math.min(Number(row.n), upTo);
}

export async function countDemoEnterprises(db: Db): Promise<number> {
  const row = await db.selectFrom('enterprise').select((eb) => eb.fn.countAll<string>().as('n')).where('is_demo', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every demo enterprise and account (their assessments cascade). */
export async function deleteDemoData(db: Db): Promise<{ enterprises: number; accounts: number }> {
  const accounts = await db.deleteFrom('account').where('is_demo', '=', true).executeTakeFirst();
  const enterprises = await db.deleteFrom('enterprise').where('is_demo', '=', true).executeTakeFirst();
  return { enterprises: Number(enterprises.numDeletedRows), accounts: Number(accounts.numDeletedRows) };
}

/** The enterprise row, locked until the transaction ends (serialises per-enterprise decisions across servers). */
export const lockEnterprise = (db: Db, id: string) => db.selectFrom('enterprise').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
