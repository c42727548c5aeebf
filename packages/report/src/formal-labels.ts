// Every fixed text of the 评估报告 (formal assessment report), in the two report languages, beside
// labels.ts (the self-diagnosis report), whose shared texts (grades, level names, page numbers) it reuses.
// The standard's texts and what the assessors and the enterprise wrote stay as written.
import type { FindingKind } from '@cmmm/contract/formal-rating';
import { LABELS, type ReportLanguage } from './labels.ts';

export interface FormalReportLabels {
  reportTitle: string;
  draftMark: string;
  reportSubtitle: string;
  enterpriseName: string;
  creditCode: string;
  scope: string;
  assessmentType: string;
  predefined: (level: string) => string;
  custom: (count: number) => string;
  body: string;
  lead: string;
  reportNumber: string;
  draftNumber: string;
  issuedAt: string;
  standard: string;
  verify: string;
  draftNoVerify: string;
  coverNote: string;
  draftNote: string;
  toc: string;
  page: (n: number, of: number) => string;
  notProvided: string;
  none: string;
  // 1 评估工作总结
  work: string;
  workIntro: (enterprise: string, period: string, body: string) => string;
  period: (from: string, to: string) => string;
  coverage: string;
  notApplicable: string;
  requirementsInScope: string;
  requirementsWithEvidence: string;
  evidenceCount: string;
  methods: string;
  method: string;
  count: string;
  methodsNone: string;
  interviewed: string;
  interviewedNone: string;
  dates: string;
  formalPlan: string;
  firstMeeting: string;
  lastMeeting: string;
  notHeld: string;
  team: string;
  name: string;
  teamRole: string;
  qualification: string;
  teamRoles: Record<'lead' | 'member' | 'internal', string>;
  cooperation: string;
  firstAttendees: string;
  agreedItems: string;
  lastAttendees: string;
  lastSummary: string;
  cooperationNote: string;
  // 2 评估情况综述
  overview: string;
  overviewIntro: string;
  strengths: string;
  weaknesses: string;
  improvements: string;
  summaryMissing: string;
  // 3 评估结果
  result: string;
  maturityLevel: string;
  capabilityProfile: string;
  totalScore: string;
  totalScoreNote: string;
  levelScores: string;
  level: string;
  levelScore: string;
  reached: string;
  notReached: string;
  levelChartTitle: string;
  threshold: string;
  domain: string;
  targetCapability: string;
  capabilityLevel: string;
  capabilityChartTitle: string;
  capabilityNote: string;
  findingsCount: string;
  findingKinds: Record<FindingKind, string>;
  comparison: string;
  comparisonIntro: string;
  selfLevel: string;
  selfTotalScore: string;
  formalLevel: string;
  formalTotalScore: string;
  notAvailable: string;
  domainComparison: string;
  domainComparisonNote: string;
  requirementComparison: (shown: number, total: number) => string;
  requirementComparisonNone: string;
  selfClaim: string;
  formalGrade: string;
  item: string;
  // 4 弱项与改进建议
  weakPoints: string;
  weakPointsIntro: string;
  weakPointsNone: string;
  id: string;
  kind: string;
  requirementAndFinding: string;
  directions: string;
  // 5 再次论证
  responses: string;
  responsesIntro: string;
  responsesNone: string;
  response: string;
  decision: string;
  decisions: Record<'accepted' | 'rejected' | 'pending', string>;
  gradeChange: string;
  evidenceNote: string;
  // 6 结论
  conclusion: string;
  conclusionText: (facts: ConclusionFacts) => string;
  signedBody: string;
  signedLead: string;
  signedDate: string;
}

/** What the conclusion paragraph is built from (already formatted). */
export interface ConclusionFacts {
  enterprise: string;
  body: string;
  period: string;
  scope: string;
  standard: string;
  /** 预定义评估: the level and S; null for 自定义评估. */
  level: { name: string; totalScore: string; target: string } | null;
  /** 自定义评估: "设计 二级（目标三级）" per domain. */
  capability: string[];
  requirements: number;
  counts: Record<FindingKind, number>;
  responses: number;
  accepted: number;
  draft: boolean;
}

const zhList = (xs: readonly string[]) => xs.join('、');
const enList = (xs: readonly string[]) => xs.join('; ');

const zh: FormalReportLabels = {
  reportTitle: '智能制造能力成熟度评估报告',
  draftMark: '征求意见稿',
  reportSubtitle: '标准符合性评估（第三方评估）',
  enterpriseName: '受评估企业',
  creditCode: '统一社会信用代码',
  scope: '评估范围',
  assessmentType: '评估类型',
  predefined: (level) => `预定义评估（申请等级：${level}）`,
  custom: (count) => `自定义评估（${count} 个能力域）`,
  body: '评估机构',
  lead: '评估组长',
  reportNumber: '报告编号',
  draftNumber: '征求意见稿，评估结果确定后编号',
  issuedAt: '报告日期',
  standard: '依据标准',
  verify: '扫码核验报告真伪',
  draftNoVerify: '征求意见稿不提供在线核验',
  coverNote: '本报告由评估机构依据标准对企业开展标准符合性评估后出具，报告真伪以平台核验信息为准。',
  draftNote: '本稿为评估报告征求意见稿，供评估组与企业沟通评估结果使用，不作为正式评估结论。',
  toc: LABELS['zh-CN'].toc,
  page: LABELS['zh-CN'].page,
  notProvided: LABELS['zh-CN'].notProvided,
  none: '无',
  work: '评估工作总结',
  period: (from, to) => (from === to ? from : `${from}至${to}`),
  workIntro: (enterprise, period, body) => `${body}评估组${period ? `于${period}` : ''}对${enterprise}开展了智能制造能力成熟度标准符合性评估。评估组通过访谈、观察、文件与记录评审、信息系统演示等方式收集客观证据，由每位评估人员独立评分后形成组内一致意见，并据此判定成熟度等级。`,
  coverage: '评估覆盖情况',
  notApplicable: '确认不适用的部分',
  requirementsInScope: '范围内的成熟度要求',
  requirementsWithEvidence: '已取得证据的要求',
  evidenceCount: '证据记录',
  methods: '评估方法',
  method: '取证方式',
  count: '证据数',
  methodsNone: '未记录证据。',
  interviewed: '访谈人员',
  interviewedNone: '未记录访谈。',
  dates: '评估日程',
  formalPlan: '正式评估计划',
  firstMeeting: '首次会议',
  lastMeeting: '末次会议',
  notHeld: '尚未召开',
  team: '评估组',
  name: '姓名',
  teamRole: '组内角色',
  qualification: '资质',
  teamRoles: { lead: '评估组长（主任评估师）', member: '评估组成员', internal: '内部评估师' },
  cooperation: '企业配合情况',
  firstAttendees: '首次会议参会人员',
  agreedItems: '首次会议确认事项',
  lastAttendees: '末次会议参会人员',
  lastSummary: '末次会议内容',
  cooperationNote: '以上摘自首次会议与末次会议记录。',
  overview: '评估情况综述',
  overviewIntro: '评估组对范围内各能力域的评估综述（优势、不足与改进方向）。',
  strengths: '优势',
  weaknesses: '不足',
  improvements: '改进方向',
  summaryMissing: '评估组未填写该能力域的综述。',
  result: '评估结果',
  maturityLevel: '成熟度等级',
  capabilityProfile: '能力度等级',
  totalScore: '总分 S',
  totalScoreNote: '总分 S 按标准第 9 章由组内一致评分计算（0–5），保留两位小数（向下取整）；各等级得分满分为 1，达标线为 0.80。',
  levelScores: '各等级得分',
  level: '等级',
  levelScore: '等级得分',
  reached: '已达到',
  notReached: '未达到',
  levelChartTitle: '各等级得分',
  threshold: LABELS['zh-CN'].threshold,
  domain: '能力域',
  targetCapability: '目标能力度等级',
  capabilityLevel: '评估能力度等级',
  capabilityChartTitle: '各能力域能力度等级',
  capabilityNote: '能力度等级为该能力域从一级起连续达到（得分不低于 0.80）的最高等级。',
  findingsCount: '评估发现',
  findingKinds: { weakness: '弱项', improvement: '改进项', conformity: '符合项', good_practice: '良好实践' },
  comparison: '与企业自诊断的对比',
  comparisonIntro: '企业申请评估时所依据的自诊断结果与本次评估结果的对比。',
  selfLevel: '自诊断等级',
  selfTotalScore: '自诊断总分 S',
  formalLevel: '评估等级',
  formalTotalScore: '评估总分 S',
  notAvailable: '—',
  domainComparison: '能力域得分对比（自诊断 / 评估）',
  domainComparisonNote: '“—”表示该部分在此等级未评分。',
  requirementComparison: (shown, total) => (shown < total ? `评估评分与企业自评不同的要求共 ${total} 条，列出前 ${shown} 条：` : `评估评分与企业自评不同的要求共 ${total} 条：`),
  requirementComparisonNone: '评估评分与企业自评全部一致。',
  selfClaim: '企业自评',
  formalGrade: '评估评分',
  item: '分项',
  weakPoints: '弱项与改进建议',
  weakPointsIntro: '评为“不满足”（弱项）或“部分满足”（改进项）的要求，按能力域列出评估发现与改进方向。',
  weakPointsNone: '本次评估未发现弱项或改进项。',
  id: '编号',
  kind: '类别',
  requirementAndFinding: '要求 / 评估发现',
  directions: '改进方向',
  responses: '再次论证与处理',
  responsesIntro: '企业对评估发现提出的再次论证及评估组长的处理决定。',
  responsesNone: '企业未对评估发现提出再次论证。',
  response: '企业论证',
  decision: '处理',
  decisions: { accepted: '采纳', rejected: '不采纳', pending: '待处理' },
  gradeChange: '评分',
  evidenceNote: '补充证据',
  conclusion: '结论',
  conclusionText: (f) => {
    const period = f.period ? `于${f.period}` : '';
    const counts = `弱项 ${f.counts.weakness} 项、改进项 ${f.counts.improvement} 项、符合项 ${f.counts.conformity} 项、良好实践 ${f.counts.good_practice} 项`;
    const result = f.level
      ? `${f.enterprise}的智能制造能力成熟度等级为${f.level.name}，总分 S 为 ${f.level.totalScore}（申请等级：${f.level.target}）。`
      : `${f.enterprise}各受评能力域的能力度等级为：${zhList(f.capability)}。`;
    const responses = f.responses ? `企业对 ${f.responses} 项评估发现提出再次论证，评估组采纳 ${f.accepted} 项。` : '';
    const draft = f.draft ? '本结论为征求意见稿，以评估结果确定后的正式报告为准。' : '';
    return `${f.body}评估组依据${f.standard}${period}对${f.enterprise}（评估范围：${f.scope}）开展了标准符合性评估，共评估 ${f.requirements} 条成熟度要求，形成${counts}。${responses}经评估，${result}${draft}`;
  },
  signedBody: '评估机构',
  signedLead: '评估组长',
  signedDate: '日期',
};

const en: FormalReportLabels = {
  reportTitle: 'Intelligent Manufacturing Capability Maturity Assessment Report',
  draftMark: 'DRAFT for comments',
  reportSubtitle: 'Conformity assessment by a third-party assessment body',
  enterpriseName: 'Enterprise assessed',
  creditCode: 'Unified social credit code',
  scope: 'Scope',
  assessmentType: 'Type of assessment',
  predefined: (level) => `Predefined assessment (level applied for: ${level})`,
  custom: (count) => `Custom assessment (${count} domains)`,
  body: 'Assessment body',
  lead: 'Lead assessor',
  reportNumber: 'Report number',
  draftNumber: 'Draft: numbered once the result is final',
  issuedAt: 'Date of report',
  standard: 'Standard',
  verify: 'Scan to verify this report',
  draftNoVerify: 'A draft cannot be verified online',
  coverNote: "Issued by the assessment body after a conformity assessment against the standard; the platform's verification prevails.",
  draftNote: 'This is a draft for discussing the result with the enterprise; it is not the formal assessment result.',
  toc: LABELS.en.toc,
  page: LABELS.en.page,
  notProvided: LABELS.en.notProvided,
  none: 'none',
  work: 'Summary of the assessment work',
  period: (from, to) => (from === to ? `on ${from}` : `from ${from} to ${to}`),
  workIntro: (enterprise, period, body) => `The team of ${body} assessed ${enterprise} against the standard${period ? ` ${period}` : ''}. The team collected objective evidence through interviews, observation, document and record reviews and system demonstrations; each assessor rated on their own, the team agreed a consensus rating, and the maturity level was determined from it.`,
  coverage: 'Coverage',
  notApplicable: 'Confirmed not applicable',
  requirementsInScope: 'Maturity requirements in scope',
  requirementsWithEvidence: 'Requirements with evidence',
  evidenceCount: 'Evidence records',
  methods: 'Methods',
  method: 'Method',
  count: 'Evidence',
  methodsNone: 'No evidence recorded.',
  interviewed: 'People interviewed',
  interviewedNone: 'No interview recorded.',
  dates: 'Schedule',
  formalPlan: 'Formal assessment plan',
  firstMeeting: 'Opening meeting',
  lastMeeting: 'Closing meeting',
  notHeld: 'not yet held',
  team: 'Assessment team',
  name: 'Name',
  teamRole: 'Role',
  qualification: 'Qualification',
  teamRoles: { lead: 'Team leader (lead assessor)', member: 'Team member', internal: 'Internal assessor' },
  cooperation: 'Cooperation of the enterprise',
  firstAttendees: 'Opening meeting attendees',
  agreedItems: 'Agreed at the opening meeting',
  lastAttendees: 'Closing meeting attendees',
  lastSummary: 'Closing meeting',
  cooperationNote: 'From the records of the opening and closing meetings.',
  overview: 'Findings by domain',
  overviewIntro: "The team's summary of each domain in scope: strengths, weaknesses and directions for improvement.",
  strengths: 'Strengths',
  weaknesses: 'Weaknesses',
  improvements: 'Directions for improvement',
  summaryMissing: 'The team wrote no summary for this domain.',
  result: 'Result',
  maturityLevel: 'Maturity level',
  capabilityProfile: 'Capability levels',
  totalScore: 'Total score S',
  totalScoreNote: 'The total score S follows chapter 9 of the standard from the consensus ratings (0–5), with two decimals rounded down; level scores are out of 1, a level is reached at 0.80.',
  levelScores: 'Level scores',
  level: 'Level',
  levelScore: 'Level score',
  reached: 'reached',
  notReached: 'not reached',
  levelChartTitle: 'Level scores',
  threshold: LABELS.en.threshold,
  domain: 'Domain',
  targetCapability: 'Target capability level',
  capabilityLevel: 'Capability level assessed',
  capabilityChartTitle: 'Capability level per domain',
  capabilityNote: "A domain's capability level is the highest level reached (score at least 0.80) in a row from level 1.",
  findingsCount: 'Findings',
  findingKinds: { weakness: 'Weakness', improvement: 'Improvement', conformity: 'Conformity', good_practice: 'Good practice' },
  comparison: 'Compared with the self-diagnosis',
  comparisonIntro: "The self-diagnosis the application was based on, beside this assessment's result.",
  selfLevel: 'Self-diagnosis level',
  selfTotalScore: 'Self-diagnosis total score S',
  formalLevel: 'Assessed level',
  formalTotalScore: 'Assessed total score S',
  notAvailable: '—',
  domainComparison: 'Domain scores (self-diagnosis / assessment)',
  domainComparisonNote: "'—' means not scored at that level.",
  requirementComparison: (shown, total) => (shown < total ? `${total} requirements were rated differently from the enterprise's own claim; the first ${shown}:` : `${total} requirements were rated differently from the enterprise's own claim:`),
  requirementComparisonNone: "Every rating agrees with the enterprise's own claim.",
  selfClaim: 'Self',
  formalGrade: 'Assessed',
  item: 'Item',
  weakPoints: 'Weaknesses and recommendations',
  weakPointsIntro: 'Requirements rated not implemented (weakness) or partially implemented (improvement), by domain, with the findings and directions for improvement.',
  weakPointsNone: 'The assessment found no weakness and no improvement.',
  id: 'ID',
  kind: 'Kind',
  requirementAndFinding: 'Requirement / finding',
  directions: 'Directions for improvement',
  responses: 'Responses and decisions',
  responsesIntro: "The enterprise's responses to findings and the lead assessor's decisions.",
  responsesNone: 'The enterprise did not respond to any finding.',
  response: 'Response',
  decision: 'Decision',
  decisions: { accepted: 'accepted', rejected: 'rejected', pending: 'pending' },
  gradeChange: 'Rating',
  evidenceNote: 'Evidence offered',
  conclusion: 'Conclusion',
  conclusionText: (f) => {
    const period = f.period ? ` ${f.period}` : '';
    const counts = `${f.counts.weakness} weaknesses, ${f.counts.improvement} improvements, ${f.counts.conformity} conformities and ${f.counts.good_practice} good practices`;
    const result = f.level
      ? `the intelligent manufacturing capability maturity level of ${f.enterprise} is ${f.level.name}, with a total score S of ${f.level.totalScore} (level applied for: ${f.level.target}).`
      : `the capability levels of the domains assessed are: ${enList(f.capability)}.`;
    const responses = f.responses ? ` The enterprise responded to ${f.responses} findings; the team accepted ${f.accepted}.` : '';
    const draft = f.draft ? ' This conclusion is a draft; the final report prevails.' : '';
    return `The team of ${f.body} assessed ${f.enterprise} (scope: ${f.scope}) against ${f.standard}${period}, rating ${f.requirements} maturity requirements: ${counts}.${responses} As a result, ${result}${draft}`;
  },
  signedBody: 'Assessment body',
  signedLead: 'Lead assessor',
  signedDate: 'Date',
};

export const FORMAL_LABELS: Readonly<Record<ReportLanguage, FormalReportLabels>> = { 'zh-CN': zh, en };
