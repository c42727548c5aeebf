// 问题短板 recomputed from the raw rows (the stored result JSON of assessment ⋈ enterprise, the latest
// completed self-diagnosis per enterprise), written independently of the server's node scores and cells:
// the figures a region's dashboard shows, and every cell of diagnosis_weak_aggregate.
import type { ScoreResult, WeakSubdomains } from '@cmmm/contract';
import type { DB } from '@cmmm/db';
import { requireEdition } from '@cmmm/model';
import { sql, type Kysely } from 'kysely';
import { nodeOrderOf } from '../src/services/statistics/diagnosis-facts.ts';

type Latest = { enterprise_id: string; completed_at: Date; result: ScoreResult; region_code: string; industry_code: string };

async function latestResults(db: Kysely<DB>): Promise<Latest[]> {
  const { rows } = await sql<Latest>`
    select a.enterprise_id, a.completed_at, a.result, e.region_code, e.industry_code
      from assessment a join enterprise e on e.id = a.enterprise_id
     where a.kind = 'self_diagnosis' and a.status = 'completed'`.execute(db);
  const latest = new Map<string, Latest>();
  for (const r of rows) if (!latest.has(r.enterprise_id) || latest.get(r.enterprise_id)!.completed_at < r.completed_at) latest.set(r.enterprise_id, r);
  return [...latest.values()];
}

/** The subdomains scored at the next level of a result below 五级: id and score. */
function nextLevelScores(result: ScoreResult): { id: string; score: number }[] {
  const next = result.level < 5 ? result.breakdown[`${result.level + 1}` as '1'] : undefined;
  return (next?.elements ?? []).flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => (s.score === null ? [] : [{ id: s.id, score: s.score }]))));
}

/** Every non-empty cell (region|industry|edition|subdomain id, '' the group as a whole) with its counts, from the raw rows. */
export async function weakCellsFromRawRows(db: Kysely<DB>): Promise<string[]> {
  const cells = new Map<string, { enterprises: number; below: number }>();
  for (const r of await latestResults(db)) {
    const scores = nextLevelScores(r.result);
    if (!scores.length) continue;
    const county = r.region_code;
    for (const region of ['', county.slice(0, 2), county.slice(0, 4), county]) {
      for (const industry of region === county ? [''] : ['', r.industry_code.slice(0, 2)]) { // no county × major class cells
        for (const { id, below } of [{ id: '', below: false }, ...scores.map((s) => ({ id: s.id, below: s.score < 0.8 }))]) {
          const key = [region, industry, r.result.edition, id].join('|');
          const cell = cells.get(key) ?? { enterprises: 0, below: 0 };
          cell.enterprises += 1;
          if (below) cell.below += 1;
          cells.set(key, cell);
        }
      }
    }
  }
  return [...cells.entries()].map(([key, c]) => `${key}|${c.enterprises}|${c.below}`).sort();
}

/** The non-empty cells of diagnosis_weak_aggregate, positions named by subdomain id as weakCellsFromRawRows names them. */
export async function weakCellsInTable(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('diagnosis_weak_aggregate').selectAll().execute();
  return rows
    .filter((r) => r.enterprises !== 0 || r.below !== 0)
    .map((r) => [r.region, r.industry, r.edition_id, r.position === 0 ? '' : nodeOrderOf(requireEdition(r.edition_id))[r.position - 1], r.enterprises, r.below].join('|'))
    .sort();
}

/** 问题短板 of a region (significant digits) recomputed from the stored results of assessment ⋈ enterprise. */
export async function recomputedWeakSubdomains(db: Kysely<DB>, prefix: string) {
  const withNext = (await latestResults(db)).filter((r) => r.region_code.startsWith(prefix) && r.result.level < 5);
  /** Per subdomain: assessed at the next level, and below 0.8 there. */
  const counts = (group: typeof withNext) => {
    const out = new Map<string, { n: number; below: number }>();
    for (const r of group) {
      for (const s of nextLevelScores(r.result)) {
        const c = out.get(s.id) ?? { n: 0, below: 0 };
        c.n += 1;
        if (s.score < 0.8) c.below += 1;
        out.set(s.id, c);
      }
    }
    return [...out.entries()]
      .filter(([, c]) => c.below >= 5)
      .map(([id, c]) => ({ id, enterprises: c.n, share: Math.round((c.below / c.n) * 1000) / 10 }))
      .sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
  };
  const groups = (key: (r: (typeof withNext)[number]) => string) => {
    const byKey = new Map<string, typeof withNext>();
    for (const r of withNext) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
    const hidden = new Set([...byKey].filter(([, g]) => g.length < 5).map(([k]) => k));
    if (hidden.size === 1 && withNext.length >= 5) {
      const smallest = [...byKey].filter(([k]) => !hidden.has(k)).sort(([a, x], [b, y]) => x.length - y.length || a.localeCompare(b))[0];
      if (smallest) hidden.add(smallest[0]);
    }
    return [...byKey]
      .filter(([k]) => !hidden.has(k))
      .map(([code, g]) => ({ code, enterprises: g.length, weakest: counts(g)[0] ?? null }))
      .sort((a, b) => (b.weakest?.share ?? -1) - (a.weakest?.share ?? -1) || a.code.localeCompare(b.code));
  };
  return {
    enterprises: withNext.length >= 5 ? withNext.length : null,
    top: counts(withNext).slice(0, 10),
    byIndustry: groups((r) => r.industry_code.slice(0, 2)),
    byRegion: prefix.length === 6 ? [] : groups((r) => r.region_code.slice(0, prefix.length + 2).padEnd(6, '0')),
  };
}

/** The figures compared: counts, ids and shares (the names and the `below` counts follow from them). */
export const weakAsCompared = (w: WeakSubdomains) => {
  const row = (r: WeakSubdomains['top'][number] | null) => (r ? { id: r.id, enterprises: r.enterprises, share: r.share } : null);
  return {
    enterprises: w.enterprises.value,
    top: w.top.map(row),
    byIndustry: w.byIndustry.map((g) => ({ code: g.code, enterprises: g.enterprises, weakest: row(g.weakest) })),
    byRegion: w.byRegion.map((g) => ({ code: g.code, enterprises: g.enterprises, weakest: row(g.weakest) })),
  };
};
