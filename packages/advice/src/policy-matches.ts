// 政策匹配：CESI《智能制造能力成熟度应用实践报告》（2022）附录 2 中，与企业所在地区和成熟度等级相关的政策。
// 纯函数。
//
// 规则：
//   · 地区：国家政策总是参与匹配；其余政策按其 regionCode 的有效位做前缀匹配——省 2 位、地级 4 位、县级 6 位
//     （即去掉末尾成对的 00）。企业的 regionCode 是县级代码，于是匹配到国家、所在省、所在市和所在区县的政策。
//     厦门火炬高新区没有自己的代码，按厦门市 350200 记，会对厦门全市企业列出（regionName 注明限园区内企业）。
//   · 等级：政策中适用于当前等级的条目合为一条（applies = 'current'）；适用于下一个等级（level + 1）、且不是
//     当前等级已适用的同一条目的，合为另一条（applies = 'next'）——例如“三级及以上”的同一待遇对三级企业
//     只列为当前等级，不再重复列为下一等级。
//   · 相关政策：本地区的其余政策（只要求开展评估、未提到等级的，或只奖励其他等级的）也列出（applies =
//     'related'），排在与等级挂钩的政策之后；reward 为它所有与等级挂钩的条目，每条前注明等级（如“四级：…”），
//     没有这样的条目时为空串。
//   · 顺序：先与等级挂钩的，再相关政策；各自按国家、省、市、区县，同一层级按附录表中的顺序；同一政策先当前
//     等级后下一等级。
import { policies, regionContains, type Policy, type PolicyReward } from '@cmmm/reference';
import type { PolicyMatch } from '@cmmm/contract/knowledge';

const SCOPE_ORDER: Readonly<Record<Policy['scope'], number>> = { national: 0, province: 1, city: 2, county: 3 };

function concerns(policy: Policy, regionCode: string): boolean {
  return policy.scope === 'national' || regionContains(policy.regionCode, regionCode);
}

const LEVEL_NAMES = ['', '一级', '二级', '三级', '四级', '五级'];

/** 四级; 三级及以上 for [3, 4, 5]; 二级、四级 otherwise. */
function levelsText(levels: readonly number[]): string {
  const sorted = [...levels].sort((a, b) => a - b);
  const first = sorted[0];
  if (first === undefined) return '';
  const upward = sorted.length > 1 && sorted.at(-1) === 5 && sorted.every((l, i) => l === first + i);
  if (upward) return `${LEVEL_NAMES[first]}及以上`;
  return sorted.map((l) => LEVEL_NAMES[l] ?? `${l}级`).join('、');
}

function match(policy: Policy, rewards: readonly PolicyReward[], applies: PolicyMatch['applies']): PolicyMatch {
  return {
    policyId: policy.id,
    scope: policy.scope,
    region: policy.regionName,
    document: policy.document,
    reward: rewards.map((r) => (applies === 'related' ? `${levelsText(r.levels)}：${r.text}` : r.text)).join('；'),
    levels: [...new Set(rewards.flatMap((r) => r.levels))].sort((a, b) => a - b),
    applies,
  };
}

/**
 * The policies of the nation, province, city and county of `regionCode`: first those that concern
 * `level` or `level + 1`, then the rest of them as related policies.
 */
export function policiesFor(regionCode: string, level: number): PolicyMatch[] {
  const ordered = policies
    .map((policy, order) => ({ policy, order }))
    .filter(({ policy }) => concerns(policy, regionCode))
    .sort((a, b) => SCOPE_ORDER[a.policy.scope] - SCOPE_ORDER[b.policy.scope] || a.order - b.order);
  const matched: PolicyMatch[] = [];
  const related: PolicyMatch[] = [];
  for (const { policy } of ordered) {
    const current = policy.rewards.filter((r) => r.levels.includes(level));
    const next = policy.rewards.filter((r) => r.levels.includes(level + 1) && !current.includes(r));
    if (current.length) matched.push(match(policy, current, 'current'));
    if (next.length) matched.push(match(policy, next, 'next'));
    if (!current.length && !next.length) related.push(match(policy, policy.rewards, 'related'));
  }
  return [...matched, ...related];
}
