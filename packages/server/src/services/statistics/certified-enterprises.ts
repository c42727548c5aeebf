// 获证企业 on the dashboard (issue 11 §2): enterprises of a region holding a valid certificate today (status
// valid, not past its last day; each at its newest certificate's level, a 自定义评估's as 'custom') by level, for
// the region and the regions one level down, beside the certifications published in the 2022 practice report
// (reference data without a platform enterprise: counted where their region code is known, the nation counting
// them all). Cells below k are hidden; certificates are public in 信息查询, so no complementary hiding.
import { CERTIFIED_LEVELS, type CertifiedEnterprises } from '@cmmm/contract';
import { beijingDay } from '../../china-time.ts';
import type { ServiceContext } from '../../context.ts';
import type { LevelCount } from '../../repositories/indicators.ts';
import { countOf, regionRef } from './figures.ts';

const levelKey = (level: number | null) => (level === null ? 'custom' : level);

function rowOf(prefix: string, child: string | null, certified: readonly LevelCount[], published: readonly LevelCount[]) {
  const mine = certified.filter((c) => c.child === child);
  const n = (level: (typeof CERTIFIED_LEVELS)[number]) => mine.filter((c) => levelKey(c.level) === level).reduce((a, c) => a + c.enterprises, 0);
  const ref = regionRef(child ?? prefix);
  return {
    code: ref.code,
    name: ref.name,
    levels: CERTIFIED_LEVELS.map((l) => countOf(n(l))),
    total: countOf(mine.reduce((a, c) => a + c.enterprises, 0)),
    published: countOf(published.filter((c) => c.child === child).reduce((a, c) => a + c.enterprises, 0)),
  };
}

/** The figures from the counts read (pure: the tests recompute them from raw rows). */
export function certifiedEnterprisesOf(prefix: string, asOf: string, certified: readonly LevelCount[], published: readonly LevelCount[]): CertifiedEnterprises {
  const children = [...new Set([...certified, ...published].flatMap((c) => (c.child === null ? [] : [c.child])))].sort();
  return { asOf, region: rowOf(prefix, null, certified, published), byRegion: children.map((child) => rowOf(prefix, child, certified, published)) };
}

/** The region's certified enterprises ('' the nation, else significant digits), as of today in China time. */
export async function readCertifiedEnterprises(ctx: ServiceContext, prefix: string): Promise<CertifiedEnterprises> {
  const childLength = prefix.length < 6 ? prefix.length + 2 : null;
  const today = beijingDay(ctx.now());
  const certified = await ctx.reporting.indicators.countCertifiedEnterprises(prefix, childLength, today);
  const published = await ctx.reporting.indicators.countPublishedCertifications(prefix, childLength);
  return certifiedEnterprisesOf(prefix, today, certified, published);
}
