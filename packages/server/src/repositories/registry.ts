// 信息查询, the public registry: queries over published certifications and issued certificates.
// Both sources are read as one list (UNION ALL of two filtered branches of sort keys, paged in SQL, the
// page's twenty-odd rows then joined to their enterprise, body or published row), with a separate count;
// nothing loads the whole registry into the process. Filters are index-friendly: regions and
// industries as code ranges (enterprise_region_idx, enterprise_industry_idx, published_certification
// _region_idx), levels by equality, years as date ranges, a certificate number by its unique index, a
// whole credit code by enterprise_credit_code_idx, the page order and the count by
// certificate_registry_order_idx (level, issued_on, number, covering id and enterprise), and the name
// search ('%…%') by enterprise_name_trgm_idx where PostgreSQL has pg_trgm (migration 20261130090000; a
// scan on the embedded database). A name without letters (Chinese, digits) is matched with LIKE, which
// is ILIKE's answer for it without case-folding every name. The page and the count (and the two
// sources' counts) are independent queries, sent together: on PostgreSQL they run side by side.
import { escapeLike } from '@cmmm/db';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './db-types.ts';

export interface RegistryFilterSql {
  /** Patterns any of which the name contains (already in the variants the caller wants). */
  names?: readonly string[];
  /** A whole credit code (upper case): matches the enterprise's, or nothing for published rows. */
  creditCode?: string;
  /** Significant digits of a GB/T 2260 code (32, 3205, 320583): the region contains the entry's code. */
  regionPrefix?: string;
  level?: number;
  /** GB/T 4754 大类 or 中类 code: platform certificates only (published rows carry no industry). */
  industryPrefix?: string;
  /** Platform certificates issued through a formal assessment led by this body only. */
  bodyId?: string;
  year?: number;
}

export interface RegistryRow {
  source: string;
  key: string;
  row_no: number | null;
  enterprise_name: string;
  credit_code: string | null;
  region_code: string | null;
  industry_code: string | null;
  province_name: string | null;
  city_name: string | null;
  /** Null for a 自定义评估's certificate, which has `capability` instead. */
  level: number | null;
  capability: { domainId: string; name: string; level: number }[] | null;
  scope: string;
  certificate_number: string | null;
  issued_on: string | null;
  valid_until: string | null;
  year: number;
  body_id: string | null;
  body_name: string | null;
  /** The certificate's recorded status (platform entries). */
  certificate_status: string | null;
}

/** The smallest string above every string starting with the digits: '3205' → '3206', '39' → '40'. */
const nextPrefix = (digits: string): string => String(Number(digits) + 1).padStart(digits.length, '0');

/** code starts with the digits, as a range the column's b-tree index can serve. */
function inRange(column: Expression<string | null>, digits: string): Expression<SqlBool> {
  return sql<SqlBool>`(${column} >= ${digits} and ${column} < ${nextPrefix(digits)})`;
}

/** Whether a text has letters with case (then ILIKE; else LIKE matches the same names, and faster). */
const hasCase = (text: string): boolean => text.toLowerCase() !== text.toUpperCase();

function nameMatches(column: Expression<string>, names: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    names.map((n) => (hasCase(n) ? sql`${column} ilike ${`%${escapeLike(n)}%`}` : sql`${column} like ${`%${escapeLike(n)}%`}`)),
    sql` or `,
  )})`;
}

/** Whether the enterprise must be looked at (its name, credit code, region or industry). */
const filtersEnterprise = (f: RegistryFilterSql) => !!(f.names?.length || f.creditCode || f.regionPrefix || f.industryPrefix);

/** The platform certificates matching the filter: certificate only, the enterprise and body as semi-joins. */
function platformMatches(db: Db, f: RegistryFilterSql) {
  // A 自定义评估's certificate (level null, a capability profile instead) is listed too; it matches no level filter.
  let q = db.selectFrom('certificate as c');
  if (filtersEnterprise(f)) {
    let enterprises = db.selectFrom('enterprise as e').select('e.id');
    const names = f.names ?? [];
    if (names.length && f.creditCode) enterprises = enterprises.where((eb) => eb.or([nameMatches(eb.ref('e.name'), names), eb('e.credit_code', '=', f.creditCode!)]));
    else if (names.length) enterprises = enterprises.where((eb) => nameMatches(eb.ref('e.name'), names));
    else if (f.creditCode) enterprises = enterprises.where('e.credit_code', '=', f.creditCode);
    if (f.regionPrefix) enterprises = enterprises.where((eb) => inRange(eb.ref('e.region_code'), f.regionPrefix!));
    if (f.industryPrefix) enterprises = enterprises.where((eb) => inRange(eb.ref('e.industry_code'), f.industryPrefix!));
    q = q.where('c.enterprise_id', 'in', enterprises);
  }
  if (f.bodyId) {
    const bodyId = f.bodyId;
    q = q.where((eb) => eb.or([eb('c.body_id', '=', bodyId), eb('c.assessment_id', 'in', db.selectFrom('formal_assessment as f').select('f.id').where('f.body_id', '=', bodyId))]));
  }
  if (f.level !== undefined) q = q.where('c.level', '=', f.level);
  if (f.year !== undefined) q = q.where('c.issued_on', '>=', `${f.year}-01-01`).where('c.issued_on', '<', `${f.year + 1}-01-01`);
  return q;
}

/** Whether published rows can match at all: they have no credit code, industry or body. */
const publishedCanMatch = (f: RegistryFilterSql) => !f.industryPrefix && !f.bodyId && !(f.creditCode && !f.names?.length);

function publishedMatches(db: Db, f: RegistryFilterSql) {
  let q = db.selectFrom('published_certification as p');
  if (f.names?.length) q = q.where((eb) => nameMatches(eb.ref('p.enterprise_name'), f.names!));
  if (f.regionPrefix) q = q.where((eb) => inRange(eb.ref('p.region_code'), f.regionPrefix!));
  if (f.level !== undefined) q = q.where('p.level', '=', f.level);
  if (f.year !== undefined) q = q.where('p.published_year', '=', f.year);
  return q;
}

const platformKeys = (matches: ReturnType<typeof platformMatches>) =>
  matches.select([
    sql<string>`'platform'`.as('source'),
    sql<string | null>`c.id`.as('certificate_id'),
    sql<number | null>`null::integer`.as('row_no'),
    sql<number | null>`c.level`.as('level'), // null: a 自定义评估 (sorted after every level)
    sql<string>`c.issued_on`.as('sort_on'),
    sql<string | null>`c.certificate_number`.as('certificate_number'),
  ]);

/**
 * The sort keys of the matching entries: level, then the date (a certificate's issue date, a source's
 * publication year as its 1 January), then the source, certificate number, 序号. Only the certificate
 * table is read for platform entries, so an index on certificate (level, issued_on, certificate_number)
 * would let a page come straight from the index.
 */
function registryKeys(db: Db, f: RegistryFilterSql) {
  const platform = platformKeys(platformMatches(db, f));
  if (!publishedCanMatch(f)) return platform;
  return platform.unionAll(
    publishedMatches(db, f).select([
      'p.source as source',
      sql<string | null>`null::uuid`.as('certificate_id'),
      sql<number | null>`p.row_no`.as('row_no'),
      'p.level as level',
      sql<string>`make_date(p.published_year, 1, 1)`.as('sort_on'),
      sql<string | null>`null::text`.as('certificate_number'),
    ]),
  );
}

type Keys = ReturnType<typeof registryKeys>;

/** The entries of some keys with everything shown: the certificate, its enterprise and body, or the published row. */
function withDetails(db: Db, keys: Keys) {
  return db
    .selectFrom(keys.as('k'))
    .leftJoin('certificate as c', 'c.id', 'k.certificate_id')
    .leftJoin('enterprise as e', 'e.id', 'c.enterprise_id')
    .leftJoin('formal_assessment as f', 'f.id', 'c.assessment_id')
    .leftJoin('assessment_body as b', (join) => join.on(sql<boolean>`b.id = coalesce(c.body_id, f.body_id)`))
    .leftJoin('published_certification as p', (join) => join.onRef('p.source', '=', 'k.source').onRef('p.row_no', '=', 'k.row_no'))
    .select([
      'k.source as source',
      sql<string>`case when k.source = 'platform' then 'certificate:' || c.id::text else k.source || ':' || k.row_no::text end`.as('key'),
      'k.row_no as row_no',
      sql<string>`coalesce(e.name, p.enterprise_name)`.as('enterprise_name'),
      sql<string | null>`e.credit_code`.as('credit_code'),
      sql<string | null>`coalesce(e.region_code, p.region_code)`.as('region_code'),
      sql<string | null>`e.industry_code`.as('industry_code'),
      sql<string | null>`p.province_name`.as('province_name'),
      sql<string | null>`p.city_name`.as('city_name'),
      'k.level as level',
      sql<RegistryRow['capability']>`c.capability`.as('capability'),
      sql<string>`coalesce(c.scope, p.scope)`.as('scope'),
      sql<string | null>`c.certificate_number`.as('certificate_number'),
      sql<string | null>`c.issued_on::text`.as('issued_on'),
      sql<string | null>`c.valid_until::text`.as('valid_until'),
      sql<number>`coalesce(extract(year from c.issued_on)::integer, p.published_year)`.as('year'),
      sql<string | null>`b.id::text`.as('body_id'),
      sql<string | null>`b.name`.as('body_name'),
      sql<string | null>`c.status`.as('certificate_status'),
    ]);
}

/** One page of the registry: higher levels first, then newer; platform certificates by number, published rows in their source's order. */
export async function listRegistry(db: Db, f: RegistryFilterSql, page: { limit: number; offset: number }): Promise<{ rows: RegistryRow[]; total: number }> {
  const pageKeys = registryKeys(db, f)
    .orderBy('level', (ob) => ob.desc().nullsLast())
    .orderBy('sort_on', 'desc')
    .orderBy('source')
    .orderBy('certificate_number', (ob) => ob.asc().nullsLast())
    .orderBy('row_no')
    .limit(page.limit)
    .offset(page.offset);
  const [rows, total] = await Promise.all([
    withDetails(db, pageKeys)
      .orderBy('k.level', (ob) => ob.desc().nullsLast())
      .orderBy('k.sort_on', 'desc')
      .orderBy('k.source')
      .orderBy('k.certificate_number', (ob) => ob.asc().nullsLast())
      .orderBy('k.row_no')
      .execute(),
    countRegistry(db, f),
  ]);
  return { rows, total };
}

/** How many entries match: each source counted on its own (no union to materialise). */
export async function countRegistry(db: Db, f: RegistryFilterSql): Promise<number> {
  const [platform, published] = await Promise.all([
    platformMatches(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    publishedCanMatch(f)
      ? publishedMatches(db, f)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      : { n: '0' },
  ]);
  return Number(platform.n) + Number(published.n);
}

/** Matching entries counted per province (first two digits of the region code, null when unknown) and level (null: 自定义评估). */
export async function registryDistribution(db: Db, f: RegistryFilterSql): Promise<{ province: string | null; level: number | null; n: number }[]> {
  const [platform, published] = await Promise.all([
    platformMatches(db, f)
      .innerJoin('enterprise as de', 'de.id', 'c.enterprise_id')
      .select((eb) => [sql<string | null>`substr(de.region_code, 1, 2)`.as('province'), sql<number | null>`c.level`.as('level'), eb.fn.countAll<string>().as('n')])
      .groupBy([sql`substr(de.region_code, 1, 2)`, 'c.level'])
      .execute(),
    publishedCanMatch(f)
      ? publishedMatches(db, f)
          .select((eb) => [sql<string | null>`substr(p.region_code, 1, 2)`.as('province'), 'p.level as level', eb.fn.countAll<string>().as('n')])
          .groupBy([sql`substr(p.region_code, 1, 2)`, 'p.level'])
          .execute()
      : [],
  ]);
  return [...platform, ...published].map((r) => ({ province: r.province, level: r.level, n: Number(r.n) }));
}

/** A platform certificate by its number (the unique index), as a registry row. */
export async function findRegistryCertificate(db: Db, certificateNumber: string): Promise<RegistryRow | undefined> {
  return withDetails(db, platformKeys(platformMatches(db, {}).where('c.certificate_number', '=', certificateNumber))).executeTakeFirst();
}

// ---- published certifications (seed 004 appendix 1)

export interface NewPublishedCertification {
  source: string;
  rowNo: number;
  enterpriseName: string;
  provinceName: string;
  cityName: string;
  regionCode: string | null;
  level: number;
  scope: string;
  publishedYear: number;
}

export async function countPublishedCertifications(db: Db, source?: string): Promise<number> {
  let q = db.selectFrom('published_certification').select((eb) => eb.fn.countAll<string>().as('n'));
  if (source !== undefined) q = q.where('source', '=', source);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts the rows missing (by source and 序号) in one statement; existing rows are left as they are. */
export async function insertPublishedCertifications(db: Db, rows: readonly NewPublishedCertification[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insertInto('published_certification')
    .values(
      rows.map((r) => ({
        source: r.source,
        row_no: r.rowNo,
        enterprise_name: r.enterpriseName,
        province_name: r.provinceName,
        city_name: r.cityName,
        region_code: r.regionCode,
        level: r.level,
        scope: r.scope,
        published_year: r.publishedYear,
      })),
    )
    .onConflict((oc) => oc.columns(['source', 'row_no']).doNothing())
    .returning('row_no')
    .execute();
  return inserted.length;
}
