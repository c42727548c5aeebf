// 信息查询 · 获证企业 through the API (no login): the 304 enterprises of seed 004 appendix 1 seeded once,
// platform certificates beside them with their status, search and filters, paging, the distribution
// counting what the list lists, the lookup by certificate number, and bad parameters refused.
import type { RegistryDistribution, RegistryEntry, RegistryPage } from '@cmmm/contract/registry';
import { certifiedEnterprises2022, PRACTICE_REPORT_2022 } from '@cmmm/reference';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPublishedCertifications } from '../src/services/registry/seed-published-certifications.ts';
import { certificateNumber } from './assessor-fixtures.ts';
import { adminClient, Client, newCreditCode, registeredClient, testDatabases, usePlatform } from './harness.ts';

const published = certifiedEnterprises2022();
const publishedWhere = (keep: (r: (typeof published)[number]) => boolean) => published.filter(keep).length;

describe.each(testDatabases)('the registry of certified enterprises on the $name database', ({ open }) => {
  const p = usePlatform(open);
  const anonymous = () => new Client(p.base);
  const list = (query: string) => anonymous().get<RegistryPage>(`/api/registry/certified${query ? `?${query}` : ''}`);
  const total = async (query: string) => {
    const res = await list(query);
    expect(res.status, query).toBe(200);
    return res.body.total;
  };

  /** 昆山 (320583, 351), valid; 无锡 新吴区 (320214, 392), expired; 深圳 南山区 (440305, 397), level 4 through a formal assessment of a body. */
  const certs = { kunshan: '', wuxi: '', shenzhen: '', lastDay: '' };
  let kunshan: Awaited<ReturnType<typeof registeredClient>>;
  let bodyId: string;

  beforeAll(async () => {
    const admin = await adminClient(p);
    kunshan = await registeredClient(p, { enterprise: { name: '昆山登记测试精密机械有限公司', regionCode: '320583', creditCode: newCreditCode('320583'), industryCode: '351' } });
    const wuxi = await registeredClient(p, { enterprise: { name: '无锡登记测试通信设备有限公司', regionCode: '320214', creditCode: newCreditCode('320214'), industryCode: '392' } });
    const shenzhen = await registeredClient(p, { enterprise: { name: '深圳登记测试电子器件有限公司', regionCode: '440305', creditCode: newCreditCode('440305'), industryCode: '397' } });
    const record = async (enterpriseId: string, level: number, issuedOn: string, validUntil: string) => {
      const number = certificateNumber('ZS-REG');
      const res = await admin.post('/api/certificates', { enterpriseId, level, certificateNumber: number, scope: '精密零部件的设计、生产', issuedOn, validUntil });
      if (res.status !== 201) throw new Error(`certificate not recorded: ${JSON.stringify(res.body)}`);
      return number;
    };
    certs.kunshan = await record(kunshan.enterpriseId, 3, '2025-06-01', '2028-05-31');
    certs.wuxi = await record(wuxi.enterpriseId, 2, '2021-01-04', '2024-01-03');

    // A certificate from a formal assessment: its body is the one the assessment was led by.
    const body = await admin.post<{ id: string }>('/api/assessment-bodies', {
      name: '登记测试评估中心有限公司',
      creditCode: newCreditCode('110108'),
      regionCode: '110108',
      contactName: '王主任',
      contactMobile: '13800000000',
    });
    bodyId = body.body.id;
    const diagnosisId = randomUUID();
    const formalId = randomUUID();
    const now = new Date('2026-02-01T02:00:00Z');
    for (const [id, kind] of [[diagnosisId, 'self_diagnosis'], [formalId, 'formal']] as const) {
      await p.db.insertInto('assessment').values({ id, enterprise_id: shenzhen.enterpriseId, kind, edition_id: 'db12-t1073-2021', enterprise_type: 'discrete', tailored: '[]', status: 'completed' }).execute();
    }
    await p.db
      .insertInto('formal_assessment')
      .values({
        id: formalId,
        enterprise_id: shenzhen.enterpriseId,
        self_diagnosis_id: diagnosisId,
        assessment_type: 'predefined',
        target_level: 4,
        custom_domains: '[]',
        scope: '电子器件的设计、生产',
        not_applicable: '[]',
        sponsor_name: '张总',
        sponsor_title: '副总经理',
        liaison_name: '李联络',
        liaison_mobile: '13900002222',
        body_id: bodyId,
        stage: 'closed',
        submitted_at: now,
        updated_at: now,
      })
      .execute();
    certs.shenzhen = certificateNumber('ZS-REG');
    await p.ctx.repos.certificates.insertCertificate({
      id: randomUUID(),
      enterpriseId: shenzhen.enterpriseId,
      level: 4,
      certificateNumber: certs.shenzhen,
      scope: '电子器件的设计、生产',
      issuedOn: '2026-03-02',
      validUntil: '2029-03-01',
      assessmentId: formalId,
    });
  });

  describe('the 304 enterprises of the 2022 practice report', () => {
    it('are in the database once, however often seeding runs, and a missing row comes back', async () => {
      const count = async () => Number((await p.db.selectFrom('published_certification').select((eb) => eb.fn.countAll<string>().as('n')).where('source', '=', PRACTICE_REPORT_2022).executeTakeFirstOrThrow()).n);
      expect(await count()).toBe(304);
      expect(await seedPublishedCertifications(p.ctx)).toBe(0);
      expect(await seedPublishedCertifications(p.ctx)).toBe(0);
      expect(await count()).toBe(304);

      await p.db.deleteFrom('published_certification').where('source', '=', PRACTICE_REPORT_2022).where('row_no', '=', 27).execute();
      expect(await seedPublishedCertifications(p.ctx)).toBe(1);
      expect(await count()).toBe(304);
      const row = await p.db.selectFrom('published_certification').selectAll().where('row_no', '=', 27).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ enterprise_name: '纬创资通（昆山）有限公司', province_name: '江苏省', city_name: '昆山市', region_code: '320583', level: 4, published_year: 2022 });
    });

    it('are listed as published, without certificate number or dates, with the cells as published', async () => {
      const res = await list('q=%E5%85%A8%E6%A4%92%E6%B5%B7%E8%9E%BA'); // 全椒海螺
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual<RegistryEntry[]>([
        {
          id: `${PRACTICE_REPORT_2022}:1`,
          source: 'practice_report_2022',
          enterpriseName: '全椒海螺水泥有限责任公司',
          creditCode: null,
          regionCode: '341100',
          provinceName: '安徽省',
          cityName: '滁州市',
          regionName: '安徽省 滁州市',
          industryCode: null,
          industryName: null,
          level: 4,
          capability: null,
          scope: '水泥的工艺设计、生产、销售',
          certificateNumber: null,
          issuedOn: null,
          validUntil: null,
          year: 2022,
          bodyId: null,
          bodyName: null,
          status: 'published',
          published: { rowNo: 1, provinceName: '安徽省', cityName: '滁州市' },
        },
      ]);
      const guangxi = (await list(`q=${encodeURIComponent('广西华谊')}`)).body.items[0]!;
      expect(guangxi).toMatchObject({ provinceName: '广西壮族自治区', cityName: null, regionCode: '450000', regionName: '广西壮族自治区', published: { rowNo: 12, cityName: '广西壮族自治区' } });
      const kunshanRow = (await list(`q=${encodeURIComponent('纬创资通')}`)).body.items[0]!;
      expect(kunshanRow).toMatchObject({ cityName: '昆山市', regionCode: '320583', regionName: '江苏省 苏州市 昆山市' });
    });
  });

  describe('the list', () => {
    it('is public and paged: higher levels first, newer years first, the report in its order', async () => {
      const first = await list('pageSize=5');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 307, page: 1, pageSize: 5 });
      expect(first.body.items.map((e) => [e.level, e.year, e.certificateNumber ?? e.published?.rowNo])).toEqual([
        [4, 2026, certs.shenzhen],
        [4, 2022, 1],
        [4, 2022, 2],
        [4, 2022, 3],
        [4, 2022, 4],
      ]);
      const second = await list('pageSize=5&page=2');
      expect(second.body.items.map((e) => e.published?.rowNo)).toEqual([5, 6, 7, 8, 9]);
      const last = await list('pageSize=100&page=4');
      expect(last.body.items).toHaveLength(7);
      expect(last.body.items.at(-1)).toMatchObject({ level: 1, published: { rowNo: 304 } });
      const beyond = await list('pageSize=100&page=5');
      expect(beyond.body).toMatchObject({ items: [], total: 307 });

      const all = [...(await list('pageSize=100')).body.items, ...(await list('pageSize=100&page=2')).body.items, ...(await list('pageSize=100&page=3')).body.items, ...last.body.items];
      expect(new Set(all.map((e) => e.id)).size).toBe(307);
    });

    it('shows a platform certificate with its enterprise, region, industry, body and status', async () => {
      const items = (await list('year=2026')).body.items;
      expect(items).toEqual([
        expect.objectContaining({
          source: 'platform',
          enterpriseName: '深圳登记测试电子器件有限公司',
          regionCode: '440305',
          provinceName: '广东省',
          cityName: '深圳市',
          regionName: '广东省 深圳市 南山区',
          industryCode: '397',
          industryName: '电子器件制造',
          level: 4,
          certificateNumber: certs.shenzhen,
          issuedOn: '2026-03-02',
          validUntil: '2029-03-01',
          year: 2026,
          bodyId,
          bodyName: '登记测试评估中心有限公司',
          status: 'valid',
          published: null,
        }),
      ]);
      const expired = (await list('year=2021')).body.items;
      expect(expired.map((e) => [e.certificateNumber, e.status, e.bodyName])).toEqual([[certs.wuxi, 'expired', null]]);
    });

    it('filters by province, city, level, year, industry and body', async () => {
      const guangdong = publishedWhere((r) => r.provinceName === '广东省');
      expect(await total('province=440000')).toBe(guangdong + 1);
      expect(await total('city=440300')).toBe(publishedWhere((r) => r.cityName === '深圳市') + 1);
      const jiangsu = publishedWhere((r) => r.provinceName === '江苏省');
      expect(await total('province=320000')).toBe(jiangsu + 2);
      // 苏州市 contains 昆山市 (the county-level city of row 27) and the platform's 昆山 enterprise.
      expect(await total('city=320500')).toBe(publishedWhere((r) => r.cityName === '苏州市' || r.cityName === '昆山市') + 1);
      expect(await total('province=320000&city=320500')).toBe(await total('city=320500'));
      // Where the city cell repeats the province, only the province is known.
      expect(await total('province=450000')).toBe(1);
      expect(await total('province=110000')).toBe(1);
      expect(await total('city=110100')).toBe(0);

      expect(await total('level=4')).toBe(27 + 1);
      expect(await total('level=1')).toBe(8);
      expect(await total('level=5')).toBe(0);
      expect(await total('level=2&province=320000')).toBe(publishedWhere((r) => r.level === 2 && r.provinceName === '江苏省') + 1);

      expect(await total('year=2022')).toBe(304);
      expect(await total('year=2025')).toBe(1);
      expect(await total('year=2024')).toBe(0);

      expect((await list('industry=35')).body.items.map((e) => e.certificateNumber)).toEqual([certs.kunshan]);
      expect(await total('industry=39')).toBe(2);
      expect(await total('industry=392')).toBe(1);
      expect((await list(`bodyId=${bodyId}`)).body.items.map((e) => e.certificateNumber)).toEqual([certs.shenzhen]);
      expect(await total(`bodyId=${randomUUID()}`)).toBe(0);
    });

    it('searches by part of the name, either bracket width, and by the whole credit code', async () => {
      expect(await total(`q=${encodeURIComponent('海尔')}`)).toBe(publishedWhere((r) => r.enterpriseName.includes('海尔')));
      expect(await total(`q=${encodeURIComponent('登记测试')}`)).toBe(3);
      // The report writes 富泰华工业(深圳) with ASCII brackets, most names with full-width ones.
      expect((await list(`q=${encodeURIComponent('富泰华工业（深圳）')}`)).body.items.map((e) => e.published?.rowNo)).toEqual([6]);
      expect((await list(`q=${encodeURIComponent('纬创资通(昆山)')}`)).body.items.map((e) => e.published?.rowNo)).toEqual([27]);
      expect(await total(`q=${encodeURIComponent('100%_')}`)).toBe(0);

      const code = kunshan.form.enterprise.creditCode;
      expect((await list(`q=${code}`)).body.items.map((e) => [e.certificateNumber, e.creditCode])).toEqual([[certs.kunshan, code]]);
      expect((await list(`q=${code.toLowerCase()}`)).body.items.map((e) => e.certificateNumber)).toEqual([certs.kunshan]);
      expect(await total(`q=${code.slice(0, 17)}`)).toBe(0);
    });
  });

  describe('the distribution', () => {
    const distribution = async (query: string) => {
      const res = await anonymous().get<RegistryDistribution>(`/api/registry/certified/distribution${query ? `?${query}` : ''}`);
      expect(res.status, query).toBe(200);
      return res.body;
    };

    it('counts by province and level exactly what the list lists', async () => {
      const all = await distribution('');
      expect(all.total).toBe(await total(''));
      expect(all.byLevel).toEqual([
        { level: 1, count: 8 },
        { level: 2, count: 197 + 1 },
        { level: 3, count: 72 + 1 },
        { level: 4, count: 27 + 1 },
        { level: 5, count: 0 },
      ]);
      for (const { level, count } of all.byLevel) expect(await total(`level=${level}`)).toBe(count);
      expect(all.byProvince[0]).toMatchObject({ provinceCode: '440000', provinceName: '广东省', total: await total('province=440000') });
      expect(all.byProvince.map((row) => row.total).reduce((a, b) => a + b, 0)).toBe(all.total);
      for (const row of all.byProvince) {
        expect(row.provinceCode).toMatch(/^\d{2}0000$/);
        expect(row.total).toBe(row.counts.reduce((a, b) => a + b, 0));
        expect(await total(`province=${row.provinceCode}`)).toBe(row.total);
        for (const [i, count] of row.counts.entries()) if (count) expect(await total(`province=${row.provinceCode}&level=${i + 1}`)).toBe(count);
      }
      const totals = all.byProvince.map((row) => row.total);
      expect(totals).toEqual([...totals].sort((a, b) => b - a));
    });

    it('takes the list filter', async () => {
      for (const query of ['province=320000', 'city=320500', 'level=2', 'year=2022', 'industry=39', `bodyId=${bodyId}`, `q=${encodeURIComponent('无锡')}`, 'province=320000&level=2']) {
        expect((await distribution(query)).total, query).toBe(await total(query));
      }
      const jiangsu = await distribution('province=320000');
      expect(jiangsu.byProvince.map((row) => row.provinceCode)).toEqual(['320000']);
    });
  });

  describe('the certificate lookup', () => {
    it('finds a certificate by its number, valid through its last day in China Standard Time', async () => {
      const found = await anonymous().get<RegistryEntry>(`/api/registry/certificates/${encodeURIComponent(certs.kunshan)}`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({
        source: 'platform',
        enterpriseName: '昆山登记测试精密机械有限公司',
        creditCode: kunshan.form.enterprise.creditCode,
        regionName: '江苏省 苏州市 昆山市',
        level: 3,
        issuedOn: '2025-06-01',
        validUntil: '2028-05-31',
        year: 2025,
        status: 'valid',
      });
      expect((await anonymous().get<RegistryEntry>(`/api/registry/certificates/${certs.wuxi}`)).body.status).toBe('expired');

      const admin = await adminClient(p);
      const lastDay = certificateNumber('ZS-REG');
      const today = '2026-11-21'; // the harness clock: 2026-11-21T08:00Z, 16:00 in Beijing
      expect((await admin.post('/api/certificates', { enterpriseId: kunshan.enterpriseId, level: 2, certificateNumber: lastDay, scope: '生产', issuedOn: '2023-11-22', validUntil: today })).status).toBe(201);
      const before = p.clock.now;
      try {
        expect((await anonymous().get<RegistryEntry>(`/api/registry/certificates/${lastDay}`)).body.status).toBe('valid');
        p.clock.now = new Date('2026-11-21T16:00:00Z'); // midnight in Beijing
        expect((await anonymous().get<RegistryEntry>(`/api/registry/certificates/${lastDay}`)).body.status).toBe('expired');
      } finally {
        p.clock.now = before;
        await p.db.deleteFrom('certificate').where('certificate_number', '=', lastDay).execute();
      }
    });

    it('answers 404 for a number nobody holds (the published rows have none)', async () => {
      const missing = await anonymous().get(`/api/registry/certificates/${encodeURIComponent('无此编号-1')}`);
      expect([missing.status, missing.body.error]).toMatchObject([404, { code: 'NOT_FOUND' }]);
      expect((await anonymous().get('/api/registry/certificates/%20')).status).toBe(400);
    });
  });

  it('refuses bad query parameters with 400 VALIDATION naming the field', async () => {
    const bad: [string, string][] = [
      ['level=6', 'level'],
      ['level=abc', 'level'],
      ['province=3205', 'province'],
      ['province=320500', 'province'],
      ['city=320000', 'city'],
      ['province=110000&city=320500', 'city'],
      ['industry=C35', 'industry'],
      ['bodyId=not-a-uuid', 'bodyId'],
      ['year=99', 'year'],
      ['page=0', 'page'],
      ['pageSize=1000', 'pageSize'],
      [`q=${'长'.repeat(65)}`, 'q'],
    ];
    for (const [query, field] of bad) {
      const res = await anonymous().get<{ error: { code: string; issues: { path: string }[] } }>(`/api/registry/certified?${query}`);
      expect([res.status, res.body.error.code], query).toEqual([400, 'VALIDATION']);
      expect(res.body.error.issues.map((i) => i.path), query).toContain(field);
    }
    const distribution = await anonymous().get<{ error: { code: string } }>('/api/registry/certified/distribution?level=0');
    expect([distribution.status, distribution.body.error.code]).toEqual([400, 'VALIDATION']);
  });
});
