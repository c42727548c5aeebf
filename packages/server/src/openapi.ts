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
];
