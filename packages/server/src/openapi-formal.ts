// Who may call each operation of routes/formal-assessment-routes.ts, in the words of policy.ts.
const ENTERPRISE = '本企业用户 · the enterprise\'s own users.';
const READERS_404 = '无权查看与不存在的回答相同（404） · forbidden answers like missing.';
const LEAD = `评估组长（该评估的主任评估师） · the assessment's lead assessor. ${READERS_404}`;

/** canSeeAssessedEnterpriseData. */
const SHEET_READERS = `本企业、评估机构管理员、已声明无利益冲突的评估组成员、所在地区的分平台管理员、平台管理员；各成员的评分仅对已提交本人评分的成员与评估机构、平台管理员可见 · the enterprise, the body's admin, team members who declared no conflict, the region's admins, the platform admin; individual ratings only to members who submitted theirs and to the body's and platform admins. ${READERS_404}`;
/** canReviewFormalAssessment. */
const REVIEWERS = `评审专家（合规性审查角色） · the scheme's reviewers. ${READERS_404}`;
/** canManageCertificates. */
const CERTIFICATE_MANAGERS = '评审专家（合规性审查角色）与平台管理员 · the scheme\'s reviewers and the platform admin.';
/** canRateFormalAssessment. */
const RATERS = `已声明无利益冲突且有平台账户的评估组成员本人 · each team member with a login who declared no conflict, for themself. ${READERS_404}`;

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
  // 正式评估 (routes/formal-rating-routes.ts, evidence-routes.ts)
  recordFirstMeeting: LEAD,
  readWorkingSheet: SHEET_READERS,
  saveRating: RATERS,
  submitRatings: RATERS,
  saveConsensus: LEAD,
  saveDomainSummary: LEAD,
  rollUpFormalAssessment: LEAD,
  reopenRating: LEAD,
  readFormalResult: `${SHEET_READERS} 评估组在等级判定之后，其他人在提交企业沟通之后 · the team once rolled up, the others once shared.`,
  renderFormalReport: `${SHEET_READERS} 与评估结果相同：评估组在等级判定之后，其他人在提交企业沟通之后；评估结果确定前为征求意见稿 · like the result: the team once rolled up, the others once shared; a draft until the result is final.`,
  shareFormalResult: LEAD,
  submitForReview: LEAD,
  readReview: `${SHEET_READERS} 评审专家 · and the scheme's reviewers.`,
  decideReview: REVIEWERS,
  listPublicNotices: '公开，无需登录 · public.',
  fileObjection: `公开，无需登录；每个来源地址每小时 ${5} 次 · public, 5 per hour and client address.`,
  listObjections: `能查看该评估的人员 · whoever may read the assessment. ${READERS_404}`,
  resolveObjection: REVIEWERS,
  issueCertificate: `${REVIEWERS} 公示期满且无未处理异议；每日定时任务亦会颁发 · after the notice period with no open objection; the daily run issues them too.`,
  renderCertificatePdf: `本企业用户与能查看其所属正式评估的人员；平台管理员登记的（无评估的）证书：本企业用户与平台管理员 · the enterprise's users and whoever may read the formal assessment it was issued for; a certificate recorded without an assessment: the enterprise's users and the platform admin. ${READERS_404}`,
  respondToFinding: `${ENTERPRISE} ${READERS_404}`,
  decideFindingResponse: LEAD,
  finaliseFormalResult: LEAD,
  listEvidence: SHEET_READERS,
  addEvidence: RATERS,
  attachEvidenceFile: RATERS,
  downloadEvidenceFile: SHEET_READERS,
  deleteEvidenceFile: `上传者本人（仍为已声明无利益冲突的评估组成员）或评估组长；仅在正式评估中、已判定等级阶段 · the uploader (still a team member who declared no conflict) or the lead, while assessing or rated. ${READERS_404}`,
  readAssessmentCertificate: `能查看该评估的人员；尚未颁发时为 null · whoever may read the assessment; null before the certificate is issued. ${READERS_404}`,
  listCertificates: CERTIFICATE_MANAGERS,
  suspendCertificate: `${CERTIFICATE_MANAGERS} 仅有效的证书可暂停 · only a valid certificate.`,
  reinstateCertificate: `${CERTIFICATE_MANAGERS} 仅暂停的证书可恢复 · only a suspended certificate.`,
  revokeCertificate: `${CERTIFICATE_MANAGERS} 有效或暂停的证书可撤销；撤销、过期、被替代为终态 · a valid or suspended certificate; revoked, expired and superseded are final.`,
};
