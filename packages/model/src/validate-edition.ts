// Validates a model edition: its schema first, then the invariants the scoring engine relies on.
// Every problem is listed (never only the first), each with a stable code and a Chinese message.
import { z } from 'zod';
import { add, compare, fromDecimal, ONE, ZERO, type Rational } from './rational.ts';
import {
  ENTERPRISE_TYPES,
  MATURITY_LEVELS,
  fail,
  ok,
  type Edition,
  type Issue,
  type Outcome,
  type WeightTable,
} from './types.ts';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'id 只能由字母、数字和 . _ - 组成');
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const weight = z.number().gt(0).lte(1);

const editionSchema = z.object({
  formatVersion: z.literal(1),
  id,
  standard: text,
  title: text,
  basedOn: z.array(text).optional(),
  levels: z.array(z.object({ level, label: text, name: text, characteristics: text })),
  enterpriseTypes: z.array(
    z.object({ id: z.enum(ENTERPRISE_TYPES), name: text, source: z.string().optional() }),
  ),
  elements: z
    .array(
      z.object({
        id,
        name: text,
        domains: z
          .array(
            z.object({
              id,
              name: text,
              tailorable: z.boolean(),
              subdomains: z
                .array(
                  z.object({
                    id,
                    name: text,
                    source: z.string().optional(),
                    items: z
                      .array(
                        z.object({
                          id,
                          name: text,
                          requirements: z.array(z.object({ id, level, text })),
                        }),
                      )
                      .min(1),
                  }),
                )
                .min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
  weights: z.object({ process: z.record(z.string(), weight), discrete: z.record(z.string(), weight) }),
});

const pathOf = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${String(s)}` : String(s)),
    '',
  );

/** Checks an unknown value (e.g. parsed JSON) and returns the edition or every problem found. */
export function validateEdition(input: unknown): Outcome<Edition> {
  const parsed = editionSchema.safeParse(input);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((i) => ({
        code: 'MODEL_SCHEMA',
        path: pathOf(i.path),
        message: `格式不符：${i.message}`,
      })),
    );
  }
  const edition = parsed.data as Edition;
  const issues = [...structureIssues(edition), ...weightIssues(edition)];
  return issues.length ? fail(issues) : ok(edition);
}

function structureIssues(edition: Edition): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, string>();
  const claim = (nodeId: string, path: string) => {
    const first = seen.get(nodeId);
    if (first) issues.push({ code: 'MODEL_DUPLICATE_ID', path, message: `编号 ${nodeId} 重复（首次出现于 ${first}）` });
    else seen.set(nodeId, path);
  };

  const levelsGiven = edition.levels.map((l) => l.level).sort();
  if (levelsGiven.join() !== MATURITY_LEVELS.join()) {
    issues.push({ code: 'MODEL_LEVELS', path: 'levels', message: '成熟度等级必须恰好为一级至五级各一个' });
  }
  const typesGiven = edition.enterpriseTypes.map((t) => t.id).sort();
  if (typesGiven.join() !== [...ENTERPRISE_TYPES].sort().join()) {
    issues.push({ code: 'MODEL_ENTERPRISE_TYPES', path: 'enterpriseTypes', message: '企业类型必须恰好为流程型和离散型各一个' });
  }

  edition.elements.forEach((e, ei) => {
    const ep = `elements[${ei}]`;
    claim(e.id, ep);
    e.domains.forEach((d, di) => {
      const dp = `${ep}.domains[${di}]`;
      claim(d.id, dp);
      d.subdomains.forEach((s, si) => {
        const sp = `${dp}.subdomains[${si}]`;
        claim(s.id, sp);
        s.items.forEach((item, ii) => {
          const ip = `${sp}.items[${ii}]`;
          claim(item.id, ip);
          item.requirements.forEach((r, ri) => claim(r.id, `${ip}.requirements[${ri}]`));
          const levels = item.requirements.map((r) => r.level).sort();
          if (levels.join() !== MATURITY_LEVELS.join()) {
            issues.push({
              code: 'MODEL_ITEM_LEVELS',
              path: ip,
              message: `分项 ${item.id}「${item.name}」必须在一级至五级各有一条要求，实际为 [${levels.join(', ')}]`,
            });
          }
        });
      });
    });
  });
  return issues;
}

function weightIssues(edition: Edition): Issue[] {
  const issues: Issue[] = [];
  const known = new Set<string>();
  for (const e of edition.elements) {
    known.add(e.id);
    for (const d of e.domains) {
      known.add(d.id);
      for (const s of d.subdomains) known.add(s.id);
    }
  }
  for (const type of ENTERPRISE_TYPES) {
    const table = edition.weights[type];
    const at = `weights.${type}`;
    for (const nodeId of Object.keys(table)) {
      if (!known.has(nodeId)) {
        issues.push({ code: 'MODEL_WEIGHT_UNKNOWN_NODE', path: `${at}.${nodeId}`, message: `权重中的编号 ${nodeId} 不是模型中的要素、能力域或能力子域` });
      }
    }
    issues.push(...groupIssues(table, at, edition.elements, '要素', 'elements'));
    for (const e of edition.elements) {
      const domainsAssessed = e.domains.filter((d) => d.id in table);
      if (!(e.id in table)) {
        if (domainsAssessed.length) {
          issues.push({ code: 'MODEL_WEIGHT_ORPHAN', path: `${at}.${e.id}`, message: `要素 ${e.id} 没有权重，但其下的能力域有权重` });
        }
        continue;
      }
      issues.push(...groupIssues(table, at, e.domains, `要素 ${e.id} 的能力域`, e.id));
      if (!e.domains.some((d) => !d.tailorable && d.id in table)) {
        issues.push({
          code: 'MODEL_NO_MANDATORY_DOMAIN',
          path: `${at}.${e.id}`,
          message: `要素 ${e.id}「${e.name}」在此企业类型下没有不可裁剪的能力域，其得分可能无从计算`,
        });
      }
      for (const d of e.domains) {
        const subsAssessed = d.subdomains.filter((s) => s.id in table);
        if (!(d.id in table)) {
          if (subsAssessed.length) {
            issues.push({ code: 'MODEL_WEIGHT_ORPHAN', path: `${at}.${d.id}`, message: `能力域 ${d.id} 没有权重，但其下的能力子域有权重` });
          }
          continue;
        }
        issues.push(...groupIssues(table, at, d.subdomains, `能力域 ${d.id} 的能力子域`, d.id));
      }
    }
  }
  return issues;
}

/** The weights of the assessed children of one parent must sum to exactly 1. */
function groupIssues(
  table: WeightTable,
  at: string,
  children: readonly { id: string }[],
  what: string,
  groupName: string,
): Issue[] {
  const assessed = children.filter((c) => c.id in table);
  if (!assessed.length) {
    return [{ code: 'MODEL_WEIGHT_EMPTY_GROUP', path: `${at}`, message: `${what}没有任何权重（${groupName}）` }];
  }
  const total: Rational = assessed.reduce((acc, c) => add(acc, fromDecimal(table[c.id] ?? 0)), ZERO);
  if (compare(total, ONE) !== 0) {
    const listed = assessed.map((c) => `${c.id}=${table[c.id]}`).join(', ');
    return [{ code: 'MODEL_WEIGHT_SUM', path: `${at}`, message: `${what}权重之和应为 1，实际为 ${Number(total.num) / Number(total.den)}（${listed}）` }];
  }
  return [];
}

