// All SQL about enterprises.
import type { OrganisationType } from '@cmmm/contract';
import type { EnterpriseType } from '@cmmm/model';
import { escapeLike, likePrefix } from '@cmmm/db';
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

/** Enterprises in a region (GB/T 2260 prefix) or registered on a sub-platform; all when no scope. */
/** Newest first; `q` matches a name or credit code anywhere (LIKE wildcards in it are plain text). */
export async function listEnterprises(db: Db, options: { regionPrefix?: string; subPlatformCode?: string; q?: string; limit: number; offset: number }) {
  let query = db.selectFrom('enterprise');
  const { regionPrefix, subPlatformCode } = options;
  if (regionPrefix !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('region_code', 'like', likePrefix(regionPrefix)), ...(subPlatformCode ? [eb('sub_platform_code', '=', subPlatformCode)] : [])]),
    );
  }
  if (options.q) {
    const like = `%${escapeLike(options.q)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('credit_code', 'ilike', like)]));
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').limit(options.limit).offset(options.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
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
