// 政策匹配：CESI《智能制造能力成熟度应用实践报告》（2022）附录 2 中，与企业所在地区和成熟度等级相关的政策。
// 纯函数。
//
// 规则：
//   · 地区：国家政策总是参与匹配；其余政策按其 regionCode 的有效位做前缀匹配——省 2 位、地级 4 位、县级 6 位
//     （即去掉末尾成对的 00）。企业的 regionCode 是县级代码，于是匹配到国家、所在省、所在市和所在区县的政策。
//     厦门火炬高新区没有自己的代码，按厦门市 350200 记，会对厦门全市企业列出（regionName 注明限园区内企业）。
//   · 等级：政策中适用于当前等级的条目合为一条（forCurrentLevel = true）；适用于下一个等级（level + 1）、且不是
//     当前等级已适用的同一条目的，合为另一条（forCurrentLevel = false）——例如“三级及以上”的同一待遇对三级企业
//     只列为当前等级，不再重复列为下一等级。没有条目适用的政策不列出。
//   · 顺序：国家、省、市、区县；同一层级按附录表中的顺序；同一政策先当前等级后下一等级。
import { policies, regionContains, type Policy, type PolicyReward } from '@cmmm/reference';
import type { PolicyMatch } from '@cmmm/contract/knowledge';

const SCOPE_ORDER: Readonly<Record<Policy['scope'], number>> = { national: 0, province: 1, city: 2, county: 3 };

function concerns(policy: Policy, regionCode: string): boolean {
  return policy.scope === 'national' || regionContains(policy.regionCode, regionCode);
}

function match(policy: Policy, rewards: readonly PolicyReward[], forCurrentLevel: boolean): PolicyMatch {
  return {
    policyId: policy.id,
    scope: policy.scope,
    region: policy.regionName,
    document: policy.document,
    reward: rewards.map((r) => r.text).join('；'),
    levels: [...new Set(rewards.flatMap((r) => r.levels))].sort((a, b) => a - b),
    forCurrentLevel,
  };
}

/** The policies of the nation, province, city and county of `regionCode` that concern `level` or `level + 1`. */
export function policiesFor(regionCode: string, level: number): PolicyMatch[] {
  const ordered = policies
    .map((policy, order) => ({ policy, order }))
    .filter(({ policy }) => concerns(policy, regionCode))
    .sort((a, b) => SCOPE_ORDER[a.policy.scope] - SCOPE_ORDER[b.policy.scope] || a.order - b.order);
  const out: PolicyMatch[] = [];
  for (const { policy } of ordered) {
    const current = policy.rewards.filter((r) => r.levels.includes(level));
    const next = policy.rewards.filter((r) => r.levels.includes(level + 1) && !current.includes(r));
    if (current.length) out.push(match(policy, current, true));
    if (next.length) out.push(match(policy, next, false));
  }
  return out;
}
