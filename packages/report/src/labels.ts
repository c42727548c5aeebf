// Every fixed text of the report, in the two report languages. The standard's own texts (names of
// elements, domains, requirements, level characteristics) come with the edition: Chinese, or in the English
// report its unofficial translation when the caller gives one (ReportInput.translationNotice).
import type { Grade } from '@cmmm/model';

export type ReportLanguage = 'zh-CN' | 'en';

export interface ReportLabels {
  reportTitle: string;
  reportSubtitle: string;
  enterpriseName: string;
  creditCode: string;
  industry: string;
  region: string;
  enterpriseType: string;
  issuedAt: string;
  reportNumber: string;
  modelEdition: string;
  basedOn: string;
  verify: string;
  verifyHint: string;
  noVerify: string;
  notProvided: string;
  toc: string;
  page: (n: number, of: number) => string;
  maturityLevel: string;
  totalScore: string;
  totalScoreNote: string;
  displayIndex: string;
  levelScores: string;
  level: string;
  levelScore: string;
  reached: string;
  notReached: string;
  threshold: string;
  characteristics: string;
  characteristicsNone: string;
  scope: string;
  tailored: string;
  none: string;
  excluded: string;
  excludedTailored: string;
  excludedNotAssessed: string;
  // sections
  summary: string;
  charts: string;
  radarTitle: (levels: string) => string;
  subdomainChartTitle: (level: string) => string;
  levelChartTitle: string;
  scores: string;
  scoresIntro: string;
  elements: string;
  domains: string;
  subdomains: string;
  id: string;
  name: string;
  weight: string;
  weightNote: (level: string) => string;
  absentNote: string;
  strengthsAndWeaknesses: string;
  strengths: string;
  strengthsIntro: string;
  weaknesses: string;
  weaknessesIntro: string;
  listed: (shown: number, total: number) => string;
  noneFound: string;
  requirement: string;
  item: string;
  grade: string;
  gap: string;
  gapIntro: (target: string) => string;
  gapNone: string;
  targetLevel: string;
  shortfall: string;
  scoreAfter: string;
  improvements: string;
  improvementsIntro: (count: number) => string;
  change: string;
  gain: string;
  holding: string;
  holdingIntro: (shown: number, total: number) => string;
  effect: string;
  roadmap: string;
  roadmapIntro: string;
  roadmapNone: string;
  reason: string;
  method: string;
  roadmapMethod: string;
  path: string;
  targets: string;
  caseStudy: string;
  kpi: string;
  before: string;
  after: string;
  changeKpi: string;
  subdomainsAddressed: string;
  peers: string;
  peersIntro: string;
  peerGroup: string;
  peerCount: string;
  percentile: string;
  percentileText: (p: string) => string;
  peersTooFew: (groups: string) => string;
  peersNone: string;
  industryGroup: string;
  regionGroup: string;
  policies: string;
  policiesIntro: string;
  policiesNone: string;
  relatedPolicies: string;
  relatedPoliciesIntro: string;
  policyNoLevel: string;
  policyScope: Record<'national' | 'province' | 'city' | 'county', string>;
  policyDocument: string;
  policyReward: string;
  policyLevels: string;
  policyApplies: string;
  forCurrentLevel: string;
  forNextLevel: string;
  appendix: string;
  appendixIntro: (count: number) => string;
  grades: Record<Grade, string>;
  enterpriseTypes: Record<'process' | 'discrete', string>;
  levelNames: Record<number, string>;
  belowLevel1: string;
  disclaimer: string;
  /** The cover's line for the unofficial translation's notice. */
  translation: string;
}

const zh: ReportLabels = {
  reportTitle: '智能制造能力成熟度自诊断报告',
  reportSubtitle: '依据智能制造能力成熟度模型（CMMM）',
  enterpriseName: '企业名称',
  creditCode: '统一社会信用代码',
  industry: '所属行业',
  region: '所在地区',
  enterpriseType: '企业类型',
  issuedAt: '报告日期',
  reportNumber: '报告编号',
  modelEdition: '模型版本',
  basedOn: '所依据的国家标准',
  verify: '扫码核验报告真伪',
  verifyHint: '核验地址',
  noVerify: '离线生成的报告，无在线核验地址',
  notProvided: '未提供',
  toc: '目录',
  page: (n, of) => `第 ${n} 页 / 共 ${of} 页`,
  maturityLevel: '成熟度等级',
  totalScore: '总分 S',
  totalScoreNote: '总分 S 按标准第 9 章计算（0–5），保留两位小数（向下取整，与等级区间一致）。',
  displayIndex: '发展指数（20 × S）',
  levelScores: '各等级得分',
  level: '等级',
  levelScore: '等级得分',
  reached: '已达到',
  notReached: '未达到',
  threshold: '达标线 0.80',
  characteristics: '等级特征',
  characteristicsNone: '企业尚未达到一级（规划级）的要求。',
  scope: '评估范围',
  tailored: '已裁剪的能力域',
  none: '无',
  excluded: '不参与评分的部分',
  excludedTailored: '已裁剪',
  excludedNotAssessed: '该企业类型不评估',
  summary: '评估结论',
  charts: '得分概览',
  radarTitle: (levels) => `要素得分雷达图（${levels}）`,
  subdomainChartTitle: (level) => `能力子域得分（${level}）`,
  levelChartTitle: '各等级得分',
  scores: '得分明细',
  scoresIntro: '下表列出每个等级下各要素、能力域和能力子域的得分（0–1，满分为 1，达标线为 0.80）。',
  elements: '要素得分',
  domains: '能力域得分',
  subdomains: '能力子域得分',
  id: '编号',
  name: '名称',
  weight: '权重',
  weightNote: (level) => `权重为${level}下在上级节点内归一化后的权重。`,
  absentNote: '“—”表示该部分在此等级不参与评分（企业不涉及、已裁剪或该企业类型不评估）。',
  strengthsAndWeaknesses: '优势与薄弱项',
  strengths: '优势项',
  strengthsIntro: '自诊断为“全部满足”或“大部分满足”的要求，较高等级在前。',
  weaknesses: '薄弱项',
  weaknessesIntro: '自诊断为“部分满足”或“不满足”的要求，从低等级起列出。',
  listed: (shown, total) => (shown < total ? `共 ${total} 条，此处列出 ${shown} 条；全部答案见附录。` : `共 ${total} 条。`),
  noneFound: '无。',
  requirement: '要求',
  item: '分项',
  grade: '满足程度',
  gap: '差距分析',
  gapIntro: (target) => `达到${target}需要该等级得分不低于 0.80。`,
  gapNone: '企业已达到五级（引领级），没有更高的等级。',
  targetLevel: '目标等级',
  shortfall: '差距',
  scoreAfter: '改进后得分',
  improvements: '最少改进项',
  improvementsIntro: (count) => `做到下列 ${count} 项改进即可达到目标等级（项数最少，每项只要求到必要的程度）：`,
  change: '改进',
  gain: '得分提升',
  holding: '影响最大的未满足要求',
  holdingIntro: (shown, total) => `目标等级中未“全部满足”的要求共 ${total} 条，按对等级得分的影响排序，列出前 ${shown} 条：`,
  effect: '改为全部满足可提升',
  roadmap: '改进路线图',
  roadmapIntro: '以下高价值实践模式最能补齐下一等级的短板，按优先级从高到低排列；实践路径与案例取自 CESI《智能制造能力成熟度应用实践报告》（2022）。',
  roadmapNone: '暂无推荐的改进路径。',
  reason: '推荐理由',
  method: '计算方法',
  roadmapMethod:
    '对下一等级中每个得分低于 0.80 的能力子域，用它与 0.80 的差距乘以它在该等级中的权重（要素权重 × 能力域权重 × 能力子域权重）；一个实践模式的优先级是它所依托的能力子域的这一乘积之和（优先级 = Σ 权重 × max(0, 0.80 − 得分)），取优先级最高的 3 个。“对应的下一等级要求”是这些能力子域在该等级中尚未全部满足、改为全部满足后等级得分提升最多的要求（最多 5 条）。',
  path: '实施路径',
  targets: '对应的下一等级要求',
  caseStudy: '参考案例',
  kpi: '指标',
  before: '改进前',
  after: '改进后',
  changeKpi: '变化',
  subdomainsAddressed: '涉及的能力子域',
  peers: '同行对标',
  peersIntro: '与平台上同行业、同地区参评企业的总分比较（百分位：总分低于本企业的参评企业所占比例）。',
  peerGroup: '对标群体',
  peerCount: '参评企业数',
  percentile: '百分位',
  percentileText: (p) => `高于 ${p}% 的同行企业`,
  peersTooFew: (groups) => `${groups}的参评企业不足 5 家，暂不提供对标，以免泄露个别企业的结果。`,
  peersNone: '暂无同行数据（离线生成的报告不含对标）。',
  industryGroup: '同行业',
  regionGroup: '同地区',
  policies: '适用的扶持政策',
  policiesIntro: '企业所在地区对当前或下一成熟度等级的奖励与扶持政策（以政府正式文件为准）。',
  policiesNone: '企业所在地区暂无与当前等级或下一等级挂钩的政策。',
  relatedPolicies: '相关政策',
  relatedPoliciesIntro: '企业所在国家、省、市、区县的其他智能制造政策：没有与当前等级或下一等级挂钩的奖励，但与成熟度评估和智能化改造相关（以政府正式文件为准）。',
  policyNoLevel: '未规定与成熟度等级挂钩的奖励，详见原文件',
  policyScope: { national: '国家', province: '省级', city: '市级', county: '区县' },
  policyDocument: '政策文件',
  policyReward: '支持内容',
  policyLevels: '适用等级',
  policyApplies: '适用于',
  forCurrentLevel: '当前等级',
  forNextLevel: '下一等级',
  appendix: '附录　自诊断答案明细',
  appendixIntro: (count) => `企业对 ${count} 条成熟度要求的自诊断答案。`,
  grades: { FI: '全部满足', LI: '大部分满足', PI: '部分满足', NI: '不满足', NA: '不涉及' },
  enterpriseTypes: { process: '流程型', discrete: '离散型' },
  levelNames: {},
  belowLevel1: '未达到一级',
  disclaimer: '本报告依据企业自诊断答案自动生成，反映企业自评情况，不等同于正式评估结论。',
  translation: '翻译',
};

const en: ReportLabels = {
  reportTitle: 'Intelligent Manufacturing Capability Maturity Self-Diagnosis Report',
  reportSubtitle: 'Based on the Intelligent Manufacturing Capability Maturity Model (CMMM)',
  enterpriseName: 'Enterprise',
  creditCode: 'Unified social credit code',
  industry: 'Industry',
  region: 'Region',
  enterpriseType: 'Enterprise type',
  issuedAt: 'Date of report',
  reportNumber: 'Report number',
  modelEdition: 'Model edition',
  basedOn: 'National standards it builds on',
  verify: 'Scan to verify this report',
  verifyHint: 'Verification address',
  noVerify: 'Generated offline: no online verification address',
  notProvided: 'not provided (未提供)',
  toc: 'Contents',
  page: (n, of) => `Page ${n} of ${of}`,
  maturityLevel: 'Maturity level',
  totalScore: 'Total score S',
  totalScoreNote: 'The total score S follows chapter 9 of the standard (0–5), shown with two decimals (rounded down, consistent with the level bands).',
  displayIndex: 'Development index (20 × S)',
  levelScores: 'Level scores',
  level: 'Level',
  levelScore: 'Level score',
  reached: 'reached',
  notReached: 'not reached',
  threshold: 'threshold 0.80',
  characteristics: 'Characteristics of this level',
  characteristicsNone: 'The enterprise does not yet meet the requirements of level 1 (Planning).',
  scope: 'Scope of the assessment',
  tailored: 'Tailored domains',
  none: 'none',
  excluded: 'Parts not scored',
  excludedTailored: 'tailored',
  excludedNotAssessed: 'not assessed for this enterprise type',
  summary: 'Conclusion',
  charts: 'Scores at a glance',
  radarTitle: (levels) => `Element scores (${levels})`,
  subdomainChartTitle: (level) => `Subdomain scores (${level})`,
  levelChartTitle: 'Level scores',
  scores: 'Detailed scores',
  scoresIntro: 'Scores of every element, domain and subdomain at each level (0–1; 1 is full marks; a level is reached at 0.80).',
  elements: 'Element scores',
  domains: 'Domain scores',
  subdomains: 'Subdomain scores',
  id: 'ID',
  name: 'Name',
  weight: 'Weight',
  weightNote: (level) => `Weights are those within the parent node at ${level}, renormalised over the parts present.`,
  absentNote: '“—” means the part is not scored at that level (not applicable, tailored, or not assessed for this enterprise type).',
  strengthsAndWeaknesses: 'Strengths and weak points',
  strengths: 'Strengths',
  strengthsIntro: 'Requirements self-assessed as fully or largely implemented, higher levels first.',
  weaknesses: 'Weak points',
  weaknessesIntro: 'Requirements self-assessed as partially or not implemented, lower levels first.',
  listed: (shown, total) => (shown < total ? `${total} in all, ${shown} listed here; every answer is in the appendix.` : `${total} in all.`),
  noneFound: 'None.',
  requirement: 'Requirement',
  item: 'Item',
  grade: 'Answer',
  gap: 'Gap to the next level',
  gapIntro: (target) => `Reaching ${target} needs a level score of at least 0.80.`,
  gapNone: 'The enterprise has reached level 5 (Leading), the highest level.',
  targetLevel: 'Target level',
  shortfall: 'Shortfall',
  scoreAfter: 'Score after the improvements',
  improvements: 'Fewest improvements',
  improvementsIntro: (count) => `These ${count} improvements reach the target level (the fewest possible, each only as far as needed):`,
  change: 'Change',
  gain: 'Gain',
  holding: 'Requirements holding the level back most',
  holdingIntro: (shown, total) => `${total} requirements of the target level are not fully implemented; the ${shown} with the largest effect on the level score:`,
  effect: 'Gain if fully implemented',
  roadmap: 'Improvement roadmap',
  roadmapIntro: 'The high-value practice patterns that best close the gaps of the next level, highest priority first; practice paths and cases from the CESI report on applying the maturity model (2022).',
  roadmapNone: 'No practice pattern to recommend.',
  reason: 'Why',
  method: 'How it is calculated',
  roadmapMethod:
    "For every subdomain scoring below 0.80 at the next level, its gap to 0.80 is multiplied by its weight in that level (element weight × domain weight × subdomain weight); a practice pattern's priority is the sum of these products over the subdomains it rests on (priority = Σ weight × max(0, 0.80 − score)), and the three with the highest priority are shown. The next-level requirements listed are those of these subdomains not yet fully met whose full implementation raises the level score most (at most five).",
  path: 'Steps',
  targets: 'Next-level requirements addressed',
  caseStudy: 'Reference case',
  kpi: 'Indicator',
  before: 'Before',
  after: 'After',
  changeKpi: 'Change',
  subdomainsAddressed: 'Subdomains addressed',
  peers: 'Peer benchmark',
  peersIntro: 'Total score compared with enterprises of the same industry and region on the platform (percentile: share of peers with a lower total score).',
  peerGroup: 'Peer group',
  peerCount: 'Enterprises',
  percentile: 'Percentile',
  percentileText: (p) => `ahead of ${p}% of peers`,
  peersTooFew: (groups) => `Too few peers (fewer than 5) in ${groups} for a benchmark; none is shown so that no single enterprise's result can be inferred.`,
  peersNone: 'No peer data (reports generated offline carry no benchmark).',
  industryGroup: 'same industry',
  regionGroup: 'same region',
  policies: 'Applicable support policies',
  policiesIntro: "Rewards and support in the enterprise's region for its current or next maturity level (the official documents prevail).",
  policiesNone: "No policy of the enterprise's region is tied to its current or next level.",
  relatedPolicies: 'Related policies',
  relatedPoliciesIntro: "Other intelligent manufacturing policies of the enterprise's nation, province, city and county: they tie no reward to its current or next level but concern maturity assessment and upgrading (the official documents prevail).",
  policyNoLevel: 'No reward tied to a maturity level; see the document',
  policyScope: { national: 'National', province: 'Province', city: 'City', county: 'County' },
  policyDocument: "Document",
  policyReward: "Support",
  policyLevels: "Levels",
  policyApplies: "Applies to",
  forCurrentLevel: "current level",
  forNextLevel: "next level",
  appendix: "Appendix: every answer",
  appendixIntro: (count) => `The enterprise's self-assessment of ${count} maturity requirements.`,
  grades: { FI: 'Fully (FI)', LI: 'Largely (LI)', PI: 'Partially (PI)', NI: 'Not (NI)', NA: 'Not applicable' },
  enterpriseTypes: { process: 'Process (流程型)', discrete: 'Discrete (离散型)' },
  levelNames: { 1: 'Planning', 2: 'Standardized', 3: 'Integrated', 4: 'Optimized', 5: 'Leading' },
  belowLevel1: 'Below level 1',
  disclaimer: "This report is generated from the enterprise's self-diagnosis answers. It reflects a self-assessment and is not a formal assessment result.",
  translation: 'Translation',
};

export const LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = { 'zh-CN': zh, en };
