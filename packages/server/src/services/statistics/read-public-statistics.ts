// 公开统计 (issue 11 §4): the nation's counts, level distribution and 行业指数 Top 10 for anyone, computed by the
// dashboard's own dashboardOf from the same aggregates, so the public figures and the platform admin's agree
// and are suppressed alike.
import { MIN_GROUP_SIZE, type PublicStatistics } from '@cmmm/contract';
import type { ServiceContext } from '../../context.ts';
import { canReadPublicData, permit, type Actor } from '../../policy.ts';
import { dashboardOf } from './read-dashboard.ts';

const METHOD: PublicStatistics['method'] = {
  index: '显示指数 = 20 × S（S 为总分，0–5，按 GB/T 39116 / DB12/T 1073—2021 评分）；等级只由评分规则判定，不由指数判定',
  groupIndex: `一组企业的指数为其有效结果（最近一次完成的自诊断）显示指数的算术平均值，保留两位小数；n 为企业数，少于 ${MIN_GROUP_SIZE} 家企业的数字不公布`,
  rules: 'DB12/T 1073—2021 第 9 章：某级得分 ≥ 0.8 即达到该级，从一级起逐级评估；S = (k − 1) + s_k + s_(k+1)，k 为连续达到的级数',
};

export async function readPublicStatistics(ctx: ServiceContext, actor: Actor | null): Promise<PublicStatistics> {
  permit(actor, canReadPublicData(actor));
  const repo = ctx.reporting.diagnosisResults; // may lag by the replication delay
  const levels = await repo.sumAggregates('', 'level');
  const industries = await repo.sumAggregates('', 'industryMajor');
  const nation = dashboardOf('', { levels, industries, months: [], children: [] });
  return {
    minGroupSize: nation.minGroupSize,
    enterprises: nation.enterprises,
    diagnoses: nation.diagnoses,
    levels: nation.levels,
    bands: nation.bands,
    industries: nation.industries,
    asOf: ctx.now().toISOString(),
    method: METHOD,
  };
}
