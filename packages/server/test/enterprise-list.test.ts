// The admins' enterprise lists at scale (issue 11 §1): keyset pages walk the whole list newest first
// with no row twice or missed (ties in created_at included, to the microsecond), a region admin's list
// is its region (equality on the generated province / city / county columns) plus the enterprises
// registered through its sub-platform, and counts stop at a cap.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/policy.ts';
import { listEnterprises } from '../src/services/enterprises/read-enterprises.ts';
import { newCreditCode, testDatabases, usePlatform } from './harness.ts';

const PLATFORM_ADMIN: Actor = { id: 'platform-admin', role: 'platform_admin', enterpriseId: null, regionCode: null };
const regionAdmin = (regionCode: string): Actor => ({ id: `admin-${regionCode}`, role: 'region_admin', enterpriseId: null, regionCode });

// 昆山, 吴中 (苏州), 新吴 (无锡), 海淀 (北京); one 北京 enterprise registered through 昆山's sub-platform
const REGIONS = ['320583', '320506', '320214', '110108'];

describe.each(testDatabases)('enterprise lists on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('pages by keyset through every enterprise once, newest first; a region admin sees its region and its sub-platform; counts are capped', async () => {
    // 41 enterprises over 9 instants: many share created_at (some differ only in microseconds)
    for (let i = 0; i < 41; i++) {
      const regionCode = REGIONS[i % REGIONS.length]!;
      const at = `2026-11-${String(1 + (i % 7)).padStart(2, '0')} 08:00:00.${i % 9 === 0 ? '000001' : '000000'}+00`;
      await sql`
        insert into enterprise (id, name, credit_code, organisation_type, industry_code, region_code, enterprise_type, contact_name, contact_mobile, sub_platform_code, created_at)
        values (gen_random_uuid(), ${`企业${i}`}, ${newCreditCode(regionCode)}, 'independent', '351', ${regionCode}, 'discrete', '测试', '13800000000', ${i === 3 ? '320583' : null}, ${at}::timestamptz)
      `.execute(p.db);
    }
    const expected = await p.db.selectFrom('enterprise').select(['id', 'region_code', 'sub_platform_code']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();

    const walk = async (actor: Actor, pageSize: number) => {
      const ids: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await listEnterprises(p.ctx, actor, { after, pageSize });
        pages += 1;
        ids.push(...page.enterprises.map((e) => e.id));
        expect(page.totalCapped).toBe(false);
        if (!page.next) return { ids, pages, total: page.total };
        after = page.next;
      }
    };

    const all = await walk(PLATFORM_ADMIN, 6);
    expect(all.ids).toEqual(expected.map((e) => e.id));
    expect(all.pages).toBe(Math.ceil(expected.length / 6));
    expect(all.total).toBe(expected.length);

    // 昆山: its county plus the 北京 enterprise registered through its sub-platform
    const kunshan = await walk(regionAdmin('320583'), 4);
    expect(kunshan.ids).toEqual(expected.filter((e) => e.region_code === '320583' || e.sub_platform_code === '320583').map((e) => e.id));
    expect(kunshan.total).toBe(kunshan.ids.length);
    // 苏州 (city) and 江苏 (province)
    expect((await walk(regionAdmin('320500'), 5)).ids).toEqual(expected.filter((e) => e.region_code.startsWith('3205')).map((e) => e.id));
    expect((await walk(regionAdmin('320000'), 50)).ids).toEqual(expected.filter((e) => e.region_code.startsWith('32')).map((e) => e.id));

    // the count reads at most `upTo` rows
    expect(await p.ctx.repos.enterprises.countEnterprises({ upTo: 10 })).toBe(10);
    expect(await p.ctx.repos.enterprises.countEnterprises({ scope: { regionPrefix: '11' }, upTo: 1000 })).toBe(expected.filter((e) => e.region_code.startsWith('11')).length);

    // a cursor that is not one of ours is refused
    await expect(listEnterprises(p.ctx, PLATFORM_ADMIN, { after: 'bm90IGEgY3Vyc29y', pageSize: 5 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('the generated region columns follow region_code', async () => {
    const row = await p.db.selectFrom('enterprise').select(['region_code', 'province', 'city', 'county']).where('region_code', '=', '320506').executeTakeFirstOrThrow();
    expect(row).toEqual({ region_code: '320506', province: '32', city: '3205', county: '320506' });
  });
});
