// Who may call each operation of routes/formal-assessment-routes.ts, in the words of policy.ts.
const ENTERPRISE = '本企业用户 · the enterprise\'s own users.';
const READERS_404 = '无权查看与不存在的回答相同（404） · forbidden answers like missing.';
const LEAD = `评估组长（该评估的主任评估师） · the assessment's lead assessor. ${READERS_404}`;

export const FORMAL_ACCESS_NOTES: Record<string, string> = {
  listFormalAssessments:
    '已登录用户，按角色限定：企业（本企业）、评估机构管理员（本机构受理的）、评估人员（担任组长或仍在评估组中的）、地方分平台管理员（本地区）、平台管理员（全部） · any logged-in user, scoped by role.',
  checkApplication: ENTERPRISE,
  submitApplication: ENTERPRISE,
  readFormalAssessment:
    `本企业、申请的评估机构的管理员、评估组长与评估组成员（声明无利益冲突前看不到企业自诊断）、所在地区的分平台管理员、平台管理员 · the enterprise, the body's admin, the lead and the team (the enterprise's data only after declaring no conflict), the region's admins, the platform admin. ${READERS_404}`,
  withdrawApplication: `${ENTERPRISE} ${READERS_404}`,
  assignLeadAssessor: `申请的评估机构的管理员或平台管理员 · the body's agency admin or the platform admin. ${READERS_404}`,
  decideAcceptance: LEAD,
  addTeamMember: LEAD,
  removeTeamMember: LEAD,
  declareConflictOfInterest: `评估组成员本人；内部评估师的声明由本企业用户作出 · the member themself; for the internal assessor, the enterprise's user. ${READERS_404}`,
  formTeam: LEAD,
  reopenTeam: LEAD,
  setDomainWeights: LEAD,
  savePlan: LEAD,
  confirmPlan: `${ENTERPRISE} ${READERS_404}`,
  recordPreAssessment: LEAD,
  decideFeasibility: LEAD,
};
