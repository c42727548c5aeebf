import { ASSESSOR_ACCESS_NOTES } from './openapi-assessors.ts';
import { FORMAL_ACCESS_NOTES } from './openapi-formal.ts';

// The OpenAPI document's tags: every operation names one of these (Spectral's oas ruleset checks it).
export const API_TAGS = [
  { name: '平台', description: '健康检查 · health and readiness' },
  { name: '模型', description: '模型与评分 · the model and scoring' },
  { name: '账户', description: '注册、登录、密码 · accounts' },
  { name: '企业', description: '企业信息 · enterprises' },
  { name: '参考数据', description: '行业、地区 · reference data' },
  { name: '地方分平台', description: '地方分平台 · regional sub-platforms' },
  { name: '平台管理', description: '账户、短信发件箱、审计日志 · administration' },
  { name: '企业自诊断', description: '企业自诊断 · self-diagnosis' },
  { name: '报告', description: '报告验证 · report verification' },
  { name: '信息查询', description: '评估人员、评估机构公开查询 · public directory of assessors and bodies' },
  { name: '评估机构与人员', description: '评估机构、评估人员与资质、标准培训、证书 · bodies, assessors, qualifications, training, certificates' },
  { name: '标准符合性评估', description: '评估申请、受理、评估组、评估计划、现场预评估 · the formal conformity assessment' },
  { name: '正式评估', description: '首次会议、评估工作表、证据、评分、组内一致意见、等级判定、沟通评估结果 · the formal assessment on site' },
  { name: '指数与看板', description: '数据看板：统计与排名（少于 5 家企业不显示） · dashboards, k ≥ 5' },
  { name: '合规性审查与证书', description: '合规性审查、公示与异议、颁发证书 · review, public notice, certificate' },
];

/** Who may call an operation, in the words of policy.ts (shown in each operation's description). */
const PUBLIC = '公开，无需登录 · public.';
const ENTERPRISE = '本企业用户 · the enterprise\'s own users.';
const READERS = '本企业用户、所在地区及上级地区的分平台管理员、平台管理员 · the enterprise, its region\'s admins, the platform admin.';
const PLATFORM_ADMIN = '平台管理员 · the platform admin.';
export const ACCESS_NOTES: Record<string, string> = {
  ...ASSESSOR_ACCESS_NOTES,
  ...FORMAL_ACCESS_NOTES,
  checkLiveness: PUBLIC,
  ping: PUBLIC,
  checkReadiness: PUBLIC,
  checkHealth: PUBLIC,
  listEditions: PUBLIC,
  readEdition: PUBLIC,
  scoreAnswers: `${PUBLIC} 每个地址每分钟限次 · rate-limited per address.`,
  readSession: PUBLIC,
  registerEnterprise: `${PUBLIC} 限次 · rate-limited.`,
  logIn: `${PUBLIC} 限次；连续失败按账户与来源地址锁定 · rate-limited; lock-out per account and source.`,
  logOut: PUBLIC,
  requestPasswordReset: `${PUBLIC} 限次 · rate-limited.`,
  confirmPasswordReset: `${PUBLIC} 限次 · rate-limited.`,
  changePassword: '已登录的账户本人（一次性密码登录后也可） · the logged-in account itself.',
  readEnterprise: `${READERS} 无权查看与不存在的回答相同（404） · forbidden answers like missing.`,
  listEnterprises: '平台管理员（全部）、地方分平台管理员（本地区） · admins, within their oversight.',
  listIndustries: PUBLIC,
  readRegionTree: PUBLIC,
  listSubPlatforms: PUBLIC,
  readSubPlatform: PUBLIC,
  updateSubPlatform: '平台管理员或本分平台管理员 · the platform admin or this sub-platform\'s admin.',
  listAccounts: PLATFORM_ADMIN,
  createStaffAccount: PLATFORM_ADMIN,
  updateAccount: PLATFORM_ADMIN,
  issueOneTimePassword: PLATFORM_ADMIN,
  readSmsOutbox: PLATFORM_ADMIN,
  readAuditTrail: '平台管理员（全部）、地方分平台管理员（本地区企业） · admins, within their oversight.',
  readDashboard: '平台管理员（全国及任一地区）、地方分平台管理员（本分平台地区及其下级，其他地区 403） · the platform admin any region, a region admin its own and below.',
  listSelfDiagnoses: ENTERPRISE,
  createSelfDiagnosis: ENTERPRISE,
  readSelfDiagnosis: READERS,
  readQuestionnaire: READERS,
  submitSurvey: ENTERPRISE,
  saveAnswer: ENTERPRISE,
  saveAnswers: ENTERPRISE,
  checkPlausibility: READERS,
  submitLevel: ENTERPRISE,
  readSelfDiagnosisResult: READERS,
  exportSelfDiagnosisJson: READERS,
  exportSelfDiagnosisWorkbook: READERS,
  renderSelfDiagnosisReport: READERS,
  verifyReport: PUBLIC,
};
