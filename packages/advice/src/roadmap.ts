// 改进路线图：从 CESI《智能制造能力成熟度应用实践报告》（2022）的八大高价值模式中，挑出最能补齐企业
// 下一个等级短板的模式。纯函数：只读评估结果、模型版本和 @cmmm/reference 的模式数据。
// 模式依托的能力子域按模型版本查（pattern-subdomains.ts）：没有对应关系的版本，路线图为空。
//
// 规则（页面和报告的“计算方法”说明里写着同样的规则；reason 只用平实的话说结论，不写公式和编号）：
//   1. 取第一个未达到的等级（result.gap.targetLevel）的得分明细；五级已达到（gap 为 null）时路线图为空。
//   2. 该等级中出现的每个能力子域（得分不为 null）：差距 = max(0, 0.8 − 得分)，
//      全局权重 = 要素权重 × 能力域权重 × 子域权重（明细中的权重已按该等级出现的部分重新归一）。
//   3. 模式优先级 = Σ（模式所依托且在该等级出现的子域）全局权重 × 差距。
//   4. 按优先级从高到低排序（相同时按报告中的模式顺序），去掉优先级为 0 的模式，取前 limit 个。
// subdomains 为模式依托且出现的子域，得分从低到高；targets 为这些子域在目标等级未全部满足的要求
// （result.gap.holding，按对等级得分的提升从大到小，最多 5 条）；case 为模式的第一个案例。
import type { RoadmapEntry } from '@cmmm/contract/knowledge';
import { editionIndex, type Edition, type ScoreResult } from '@cmmm/model';
import { practicePatterns, type PracticePattern } from '@cmmm/reference';
import { patternSubdomains } from './pattern-subdomains.ts';

/** The level score a level needs (scoring rule: a level is reached at ≥ 0.8). */
const PASS = 0.8;
const MAX_TARGETS = 5;
/** How many of the weak subdomains the reason names (the rest are counted). */
const NAMED_IN_REASON = 3;
/** How many patterns the result page and the report show. */
export const ROADMAP_LIMIT = 3;

interface PresentSubdomain {
  id: string;
  name: string;
  score: number;
  weight: number;
}

/** Rounded so that equal sums reached in a different order compare equal (ties go to pattern order). */
const round = (x: number): number => Math.round(x * 1e12) / 1e12;
/** A score with two decimals rounded down, as the result page and the report show scores. */
const score2 = (x: number): string => (Math.floor(x * 100 + 1e-9) / 100).toFixed(2);
/** A share as a percentage with one decimal. */
const percent = (x: number): string => `${(Math.round(x * 1000 + 1e-9) / 10).toFixed(1)}%`;

/** The practice patterns that best close the gap to the next level, highest priority first. */
export function roadmapFor(result: ScoreResult, edition: Edition, limit = ROADMAP_LIMIT): RoadmapEntry[] {
  const gap = result.gap;
  if (!gap) return [];
  const breakdown = result.breakdown[`${gap.targetLevel}`];
  if (!breakdown) return [];

  const present = new Map<string, PresentSubdomain>();
  for (const e of breakdown.elements) {
    for (const d of e.domains) {
      for (const s of d.subdomains) {
        if (s.score === null) continue;
        present.set(s.id, { id: s.id, name: s.name, score: s.score, weight: e.weight * d.weight * s.weight });
      }
    }
  }
  const index = editionIndex(edition);
  const subdomainsOf = patternSubdomains(edition.id);
  const levelLabel = edition.levels.find((l) => l.level === gap.targetLevel)?.label ?? `${gap.targetLevel}级`;

  const ranked = practicePatterns
    .map((pattern, order) => {
      const subs = (subdomainsOf.get(pattern.id) ?? []).flatMap((id) => {
        const s = present.get(id);
        return s ? [s] : [];
      });
      const priority = round(subs.reduce((sum, s) => sum + s.weight * Math.max(0, PASS - s.score), 0));
      return { pattern, order, subs, priority };
    })
    .filter((r) => r.priority > 0)
    .sort((a, b) => b.priority - a.priority || a.order - b.order)
    .slice(0, Math.max(0, limit));

  return ranked.map(({ pattern, subs, priority }) => {
    const weakestFirst = subs
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.score - b.s.score || a.i - b.i)
      .map(({ s }) => s);
    const ids = new Set(weakestFirst.map((s) => s.id));
    const targets = gap.holding
      .filter((h) => ids.has(h.subdomainId))
      .sort((a, b) => b.effect - a.effect)
      .slice(0, MAX_TARGETS)
      .map((h) => ({ requirementId: h.requirementId, text: index.requirement(h.requirementId)?.requirement.text ?? '' }));
    return {
      patternId: pattern.id,
      name: pattern.name,
      reason: reasonFor(pattern, weakestFirst, levelLabel, targets[0]?.text),
      priority,
      subdomains: weakestFirst.map((s) => ({ id: s.id, name: s.name, score: s.score, weight: s.weight })),
      path: [...pattern.path],
      targets,
      case: caseOf(pattern),
    };
  });
}

/**
 * Why the pattern was chosen, in plain words for a manufacturing manager: which of its subdomains fall
 * short of 0.80 at the target level, how much of that level they weigh, and the first requirement to
 * meet in the standard's own words. The ranking rule itself is the 计算方法 note beside the roadmap.
 */
function reasonFor(pattern: PracticePattern, subs: readonly PresentSubdomain[], levelLabel: string, firstTarget: string | undefined): string {
  const weak = subs.filter((s) => s.score < PASS);
  const names = weak
    .slice(0, NAMED_IN_REASON)
    .map((s) => `${s.name}（得分 ${score2(s.score)}）`)
    .join('、');
  const more = weak.length > NAMED_IN_REASON ? `等 ${weak.length} 个能力子域` : '';
  const share = weak.reduce((sum, s) => sum + s.weight, 0);
  const lead =
    `「${pattern.name}」能补上${levelLabel}的短板：它依托的${names}${more}` +
    `${weak.length > 1 ? '都' : ''}低于达标线 0.80，合计占${levelLabel}得分的 ${percent(share)}。`;
  return firstTarget ? `${lead}首先要做到：“${firstTarget.replace(/[。；]$/, '')}”。` : lead;
}

function caseOf(pattern: PracticePattern): RoadmapEntry['case'] {
  const c = pattern.cases[0];
  if (!c) return null;
  return { enterprise: c.enterprise, summary: c.summary, kpis: c.kpis.map((k) => ({ ...k })) };
}
