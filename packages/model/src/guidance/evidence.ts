// The "！" explanation of a requirement: what evidence would show it is met. Derived from the
// requirement's own words, so every edition gets it without extra data: each kind of practice the
// text names (a rule, a system, a model, an integration…) maps to the evidence an assessor asks for
// (seed 003 §8.3.2: 访谈、观察、现场巡视、文件与记录评审、信息系统演示、数据采集).

interface EvidenceRule {
  /** Words of the requirement that call for this evidence. */
  pattern: RegExp;
  zh: string;
  en: string;
}

const RULES: readonly EvidenceRule[] = [
  { pattern: /(制定|建立|明确|确立).{0,20}(规范|制度|机制|办法|流程|体系|方法|要求|标准)|管理体系|规范化/, zh: '正式发布的制度或规范文件（注明发布日期和适用范围），以及近一年的执行记录', en: 'Issued rules or procedures (dated, with their scope) and a year of records showing they are followed' },
  { pattern: /信息系统|信息技术手段|信息化|系统实现|管理系统|平台/, zh: '相关信息系统的功能演示或截图、上线时间与覆盖范围说明、近期运行数据或日志', en: 'A demonstration or screenshots of the information system, when it went live, what it covers, and recent usage data' },
  { pattern: /采集|感知|传感|监测|监控/, zh: '数据采集点清单、采集方式（人工或自动）与频率说明、样例数据', en: 'A list of data collection points, how and how often data are collected (manual or automatic), and sample data' },
  { pattern: /模型|算法|大数据|人工智能|机器学习|知识库|预测|优化建议|自学习|自优化/, zh: '模型或知识库的说明文档（输入、输出、方法）、验证记录，以及在业务中应用的实例和效果数据', en: 'Documentation of the model or knowledge base (inputs, outputs, method), validation records, and examples of its use with results' },
  { pattern: /集成|接口|互联|数据共享|共享|协同|交互/, zh: '系统或设备的集成架构图、接口清单，以及跨部门或跨系统数据流转的实例', en: 'An integration diagram, the list of interfaces, and examples of data flowing across systems or departments' },
  { pattern: /培训|人才|人员|团队|专家|能力素质|考核/, zh: '组织架构与岗位职责、人员名册与资质证明、培训计划和培训记录', en: 'Organisation chart and roles, staff list with qualifications, training plans and records' },
  { pattern: /设备|装备|产线|仪表|机器人/, zh: '设备台账、设备功能说明或参数、现场照片与运行记录', en: 'The equipment register, equipment specifications, photos on site and operating records' },
  { pattern: /三维|仿真|数字孪生|虚拟/, zh: '三维模型或仿真结果样例、使用记录及其对设计或生产的影响', en: 'Sample 3D models or simulation results, usage records and their effect on design or production' },
  { pattern: /供应商|客户|产业链|上下游|外部|合作伙伴|生态/, zh: '与外部方协同的记录：合同或协议、平台账号、数据交换或协同作业的实例', en: 'Records of work with outside parties: agreements, platform accounts, examples of data exchange or joint work' },
  { pattern: /安全|防护|应急|风险/, zh: '安全策略与预案文件、防护措施配置记录、演练或事件处置记录', en: 'Security policies and response plans, configuration records of safeguards, drills or incident records' },
  { pattern: /数据(中心|编码|标准|分析|治理|格式)|数据资源/, zh: '数据标准或数据目录文件、数据架构说明、数据分析或数据中心的实际产出样例', en: 'Data standards or a data catalogue, the data architecture, and sample outputs of the data analysis or data centre' },
  { pattern: /网络|主机|软件|病毒|服务器|带宽/, zh: '网络拓扑图、主机与软件清单、安全或配置截图及其更新记录', en: 'Network diagram, list of hosts and software, screenshots of security or configuration settings and their update records' },
  { pattern: /规划|计划|方案|战略/, zh: '经审批的规划、计划或方案文件，以及其落实情况的跟踪记录', en: 'Approved plans or proposals and records tracking how they are carried out' },
];

const FALLBACK = { zh: '能证明该要求在企业内已实际实施的文件、记录、现场情况或系统演示', en: 'Documents, records, what can be seen on site or in systems, showing the requirement is actually carried out' };

/** How to choose a grade: the same for every requirement (表13). */
export const GRADE_GUIDANCE = {
  zh: '全部满足：在适用范围内全面实施且有证据；大部分满足：主要部分已实施，仅有少量缺口；部分满足：已开始实施但覆盖有限；不满足：尚未实施。',
  en: 'Fully: carried out wherever it applies, with evidence. Largely: the main part is in place with small gaps. Partly: started, with limited coverage. Not: not carried out.',
};

/** The evidence that would satisfy a requirement, in Chinese and English (up to three kinds). */
export function evidenceGuidance(requirementText: string): { zh: string[]; en: string[] } {
  const hits = RULES.filter((r) => r.pattern.test(requirementText)).slice(0, 3);
  const chosen = hits.length ? hits : [FALLBACK];
  return { zh: chosen.map((r) => r.zh), en: chosen.map((r) => r.en) };
}
