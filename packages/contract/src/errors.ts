// Every error code the API can answer with: its HTTP status and the sentence users read.
// The server throws by code; the web picks the message by code (zh-CN, en); the CLI maps to exits.

export interface ErrorDefinition {
  status: number;
  /** When it is thrown, and what the user reads. */
  zh: string;
  en: string;
}

export const ERRORS = {
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Invalid request' },
  VALIDATION: { status: 400, zh: '填写的信息有误，请检查标出的项目', en: 'Some fields are not valid' },
  CREDIT_CODE_FORMAT: { status: 400, zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）', en: 'The unified social credit code must be 18 digits or capital letters (no I, O, Z, S, V)' },
  CREDIT_CODE_CHECK: { status: 400, zh: '统一社会信用代码校验位不正确，请核对后重新输入', en: 'The check character of the credit code is wrong' },
  CREDIT_CODE_REGION_MISMATCH: { status: 400, zh: '统一社会信用代码中的登记地与所选地区不一致，请核对企业名称、信用代码与所在地区是否与营业执照一致', en: 'The credit code was issued in another region than the one chosen; check the business licence' },
  ENTERPRISE_EXISTS: { status: 409, zh: '该企业已在平台注册过账户', en: 'This enterprise already has an account on the platform' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用，请换一个', en: 'This user name is taken' },
  UNKNOWN_INDUSTRY: { status: 400, zh: '所属行业须为国民经济行业分类（GB/T 4754-2017）制造业中类', en: 'Industry must be a GB/T 4754-2017 manufacturing middle category' },
  UNKNOWN_REGION: { status: 400, zh: '所在地区须选到区县一级', en: 'Region must be a county-level division' },
  UNKNOWN_SUB_PLATFORM: { status: 404, zh: '没有这个地方分平台', en: 'No such regional sub-platform' },
  PARENT_REQUIRED: { status: 400, zh: '非独立法人须填写所属法人单位名称', en: 'A non-independent entity must name its legal entity' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: { status: 423, zh: '登录失败次数过多，账户已临时锁定，请 15 分钟后再试或通过手机号重置密码', en: 'Too many failed logins: the account is locked for 15 minutes; or reset the password by mobile' },
  ACCOUNT_DISABLED: { status: 423, zh: '账户已被平台管理员停用，请联系平台管理员', en: 'The account was disabled by the platform admin' },
  LOGIN_SLOWED: { status: 429, zh: '该账户近期登录失败次数过多，请稍候几秒再试', en: 'Too many failed logins for this account: wait a few seconds and try again' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  NOT_AUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改一次性密码', en: 'Change your one-time password first' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  CSRF: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  RESET_CODE_INVALID: { status: 400, zh: '验证码错误或已过期', en: 'The verification code is wrong or expired' },
  SMS_UNAVAILABLE: { status: 503, zh: '短信暂时无法发送，请稍后再试', en: 'Text messages cannot be sent just now; try again later' },
  MOBILE_NOT_REGISTERED: { status: 404, zh: '该手机号未注册账户', en: 'No account uses this mobile number' },
  NOT_FOUND: { status: 404, zh: '找不到请求的内容', en: 'Not found' },
  ACCOUNT_NOT_FOUND: { status: 404, zh: '找不到该账户', en: 'No such account' },
  LAST_PLATFORM_ADMIN: { status: 409, zh: '不能移除最后一个平台管理员', en: 'The last platform admin cannot be removed' },
  // 企业自诊断
  NOT_AN_ENTERPRISE: { status: 403, zh: '只有企业用户可以进行企业自诊断', en: 'Only enterprise users can run a self-diagnosis' },
  SELF_DIAGNOSIS_LIMIT: { status: 409, zh: '本月自诊断次数已达 3 次上限（按北京时间自然月计算），请下月再试', en: 'This month\'s 3 self-diagnoses are used (calendar month, China Standard Time)' },
  SELF_DIAGNOSIS_IN_PROGRESS: { status: 409, zh: '已有一次未完成的自诊断，请点击“继续自诊断”完成后再新建', en: 'A self-diagnosis is in progress: continue it first' },
  SURVEY_REQUIRED: { status: 409, zh: '请先填写并保存调查问卷', en: 'Fill in and save the survey first' },
  SURVEY_LOCKED: { status: 409, zh: '调查问卷已提交，不能修改', en: 'The survey was submitted and cannot be changed' },
  LEVEL_LOCKED: { status: 409, zh: '该等级已提交，不能修改；如需修改，请完成本次填报后重新自诊断', en: 'This level was submitted and cannot be changed' },
  LEVEL_NOT_OPEN: { status: 409, zh: '该等级尚未开放，请先提交当前等级', en: 'This level is not open yet' },
  NOT_IN_DIAGNOSIS: { status: 400, zh: '该题目已被裁剪或不在本企业类型的评估范围内', en: 'This requirement is tailored out or not assessed for this enterprise type' },
  DIAGNOSIS_COMPLETED: { status: 409, zh: '本次自诊断已完成，不能再修改', en: 'This self-diagnosis is completed' },
  NOT_COMPLETED: { status: 409, zh: '本次自诊断尚未完成', en: 'This self-diagnosis is not completed yet' },
  // 评估机构、评估人员、培训
  BODY_EXISTS: { status: 409, zh: '该统一社会信用代码的评估机构已登记', en: 'An assessment body with this credit code is already registered' },
  BODY_NOT_FOUND: { status: 404, zh: '找不到该评估机构', en: 'No such assessment body' },
  ASSESSOR_NOT_FOUND: { status: 404, zh: '找不到该评估人员', en: 'No such assessor' },
  CERTIFICATE_NUMBER_TAKEN: { status: 409, zh: '该证书编号已登记', en: 'This certificate number is already recorded' },
  GRADE_PATH: { status: 409, zh: '须按晋级程序逐级取得资质：intro 培训合格 → 评估师 → 主任评估师 → 高成熟度主任评估师；培训讲师须先取得评估师资质', en: 'Qualifications follow the grade path: intro → assessor → lead assessor → high-maturity lead; a trainer must be an assessor first' },
  QUALIFICATION_DECIDED: { status: 409, zh: '该资质已审核，不能再次审核', en: 'This qualification was already decided' },
  INTERNAL_ASSESSOR_GRADE: { status: 400, zh: '企业内部评估师只登记 CMMM intro 培训合格证书', en: 'An internal assessor holds the CMMM intro certificate only' },
  TRAINER_NOT_QUALIFIED: { status: 409, zh: '培训讲师须持有在培训日期内有效的培训讲师资质', en: 'The trainer must hold a trainer qualification valid on the course dates' },
  AWARD_NOT_FOR_COURSE: { status: 400, zh: '该类培训不能颁发此等级的证书', en: 'This course cannot award this grade' },
  NOT_ENROLLED: { status: 404, zh: '该人员未报名此培训', en: 'This person is not enrolled in the course' },
  // 标准符合性评估
  SELF_DIAGNOSIS_REQUIRED: { status: 409, zh: '申请评估前须在平台完成一次企业自诊断', en: 'Complete a self-diagnosis on the platform before applying' },
  APPLICATION_OPEN: { status: 409, zh: '本企业已有一项进行中的评估申请，不能同时提交第二项', en: 'This enterprise already has an open application' },
  HIGH_LEVEL_TOO_EARLY: { status: 409, zh: '申请四级、五级（高成熟度）评估，须在通过二级或三级标准符合性评估满一年后', en: 'Levels 4 and 5 need a level 2 or 3 certificate at least one year old' },
  HIGH_MATURITY_LEAD_REQUIRED: { status: 409, zh: '申请四级、五级评估须由高成熟度主任评估师主导评估', en: 'Levels 4 and 5 must be led by a high-maturity lead assessor' },
  INTERNAL_ASSESSOR_REQUIRED: { status: 409, zh: '申请三级及以上评估须指定本企业在平台注册的内部评估师（CMMM intro 培训合格）', en: 'Level 3 and above need a registered internal assessor of the enterprise' },
  LEAD_NOT_QUALIFIED: { status: 409, zh: '评估组长须为持有效资质的主任评估师', en: 'The team lead must be a lead assessor with a valid qualification' },
  QUALIFICATION_INVALID: { status: 409, zh: '评估人员的资质在计划的评估日期内无效（未登记、已过期或未生效）', en: 'The assessor\'s qualification is not valid on the planned dates' },
  TEAM_SIZE_EVEN: { status: 409, zh: '评估组人数应为奇数（1 名评估组长及多名评估组员）', en: 'The team must have an odd number of people' },
  TEAM_INTERNAL_REQUIRED: { status: 409, zh: '三级及以上评估，评估组须包含企业的内部评估师', en: 'From level 3 the team includes the enterprise\'s internal assessor' },
  ALREADY_ON_TEAM: { status: 409, zh: '该人员已是评估组成员', en: 'This person is already on the team' },
  COI_CONFLICT: { status: 409, zh: '该人员已声明与受评估企业存在利益冲突，不能参与本次评估', en: 'This person declared a conflict of interest with the enterprise' },
  INTERNAL_ASSESSOR_TAKEN: { status: 409, zh: '评估组只包含 1 名企业内部评估师，请先移出现有的内部评估师', en: 'The team already has the enterprise\'s internal assessor' },
  ASSESSOR_NO_ACCOUNT: { status: 409, zh: '该评估人员尚未开通平台账户，无法声明利益冲突', en: 'This assessor has no platform login to declare a conflict of interest with' },
  COI_PENDING: { status: 409, zh: '评估组成员尚未全部声明无利益冲突', en: 'Not every team member has declared no conflict of interest' },
  COI_REQUIRED: { status: 403, zh: '请先声明与该企业无利益冲突，再查看企业资料', en: 'Declare no conflict of interest before seeing the enterprise\'s data' },
  ILLEGAL_TRANSITION: { status: 409, zh: '当前评估阶段不能执行此操作', en: 'Not possible at this stage of the assessment' },
  NOT_TAILORABLE: { status: 400, zh: '只有可裁剪的能力域（设计、物流、销售、服务、两化融合）可以确认为不适用', en: 'Only tailorable domains can be not applicable' },
  BAD_CUSTOM_DOMAINS: { status: 400, zh: '自定义评估须选择至少一个能力域并为每个能力域设定目标能力度等级', en: 'A custom assessment needs at least one domain, each with a target capability level' },
  TARGET_LEVEL_REQUIRED: { status: 400, zh: '预定义评估须选择申请等级（二级至五级）', en: 'A predefined assessment needs a target level (2–5)' },
  PLAN_MISSING: { status: 409, zh: '预评估计划和正式评估计划都须编制并由企业确认', en: 'Both plans must be written and confirmed by the enterprise' },
  PLAN_VERSION_STALE: { status: 409, zh: '评估计划已被修改，请查看最新版本后再确认', en: 'The plan has changed: review the latest version before confirming' },
  NOT_ON_TEAM: { status: 409, zh: '评估计划中的人员须为评估组成员', en: 'People in a plan must be team members' },
  WEIGHTS_INVALID: { status: 400, zh: '能力域权重无效：须为可评估的能力域，且同一要素内的权重之和大于 0', en: 'Invalid domain weights' },
  WEIGHTS_RATIONALE_REQUIRED: { status: 400, zh: '调整能力域权重时须填写依据', en: 'Custom weights need a written rationale' },
  PRE_ASSESSMENT_MISSING: { status: 409, zh: '请先填写预评估记录', en: 'Record the pre-assessment first' },
  EDIT_CONFLICT: { status: 409, zh: '该评估已被他人修改，请刷新后重试', en: 'Someone else changed this assessment: reload and try again' },
  // 正式评估: the meeting, evidence and its files, ratings, consensus, roll-up
  FIRST_MEETING_MISSING: { status: 409, zh: '请先记录首次会议', en: 'Record the opening meeting first' },
  NOT_IN_SCOPE: { status: 400, zh: '该要求不在本次评估的范围内', en: 'This requirement is not in the assessment\'s scope' },
  NOT_A_RATER: { status: 403, zh: '只有评估组的评估师可以评分', en: 'Only the team\'s assessors rate' },
  RATINGS_SUBMITTED: { status: 409, zh: '评分已提交，不能再修改', en: 'Your ratings are submitted and can no longer change' },
  RATERS_PENDING: { status: 409, zh: '评估组成员尚未全部提交评分，全部提交后才能记录组内一致意见', en: 'Not every rater has submitted; the consensus comes after all ratings' },
  RATINGS_INCOMPLETE: { status: 409, zh: '尚有要求未评分，请全部评分后再提交', en: 'Some requirements are not rated yet' },
  CONSENSUS_INCOMPLETE: { status: 409, zh: '尚有要求没有组内一致意见，不能判定成熟度等级', en: 'Some requirements have no consensus rating yet' },
  CONSENSUS_NOTE_REQUIRED: { status: 400, zh: '组内一致意见须填写说明', en: 'A consensus rating needs a note' },
  FINDING_TEXT_REQUIRED: { status: 409, zh: '弱项和改进项须填写评估发现', en: 'Every weakness and improvement needs the finding\'s text' },
  RESPONSE_DECIDED: { status: 409, zh: '评估组已处理该论证，不能再修改', en: 'The team has already decided on this response' },
  RESPONSES_PENDING: { status: 409, zh: '尚有企业论证未处理，处理后才能确定最终评估结果', en: 'Some of the enterprise\'s responses are not decided yet' },
  REVIEW_CHECKS_FAILED: { status: 409, zh: '合规性审查的自动检查未全部通过，不能审查通过', en: 'Not every automatic check passed: the result cannot be approved' },
  NOTICE_NOT_OPEN: { status: 409, zh: '该评估结果不在公示期内', en: 'This result is not under public notice' },
  NOTICE_NOT_ENDED: { status: 409, zh: '公示期尚未结束，不能颁发证书', en: 'The public notice has not ended yet' },
  OBJECTIONS_OPEN: { status: 409, zh: '尚有未处理的异议，不能颁发证书', en: 'Open objections must be resolved first' },
  CERTIFICATE_STATUS_FINAL: { status: 409, zh: '证书当前状态不能执行此操作（已撤销、已过期或已被替代的证书不能再变更）', en: 'The certificate\'s status does not allow this (revoked, expired and superseded certificates are final)' },
  EVIDENCE_FILE_NOT_OWN: { status: 403, zh: '只有上传者或评估组长可以删除该证据文件', en: 'Only the uploader or the lead may delete this evidence file' },
  FILE_EMPTY: { status: 400, zh: '文件为空，请重新选择', en: 'The file is empty' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过大小上限', en: 'The file is larger than allowed' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, zh: '只能上传 PDF、图片、Office 文档或 CSV 文件', en: 'Only PDF, images, office documents or CSV files can be uploaded' },
  UPLOAD_INTERRUPTED: { status: 400, zh: '上传中断，文件未保存，请重新上传', en: 'The upload was interrupted and nothing was saved; upload again' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request too large' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时无法访问，请稍后再试；已保存的内容不会丢失', en: 'The database is unavailable for a moment; try again shortly — nothing saved is lost' },
  SHUTTING_DOWN: { status: 503, zh: '服务器正在重启，请稍后再试', en: 'The server is restarting; try again shortly' },
  // 推进活动
  CAMPAIGN_REGION_FORBIDDEN: { status: 403, zh: '只能为本分平台所辖地区（本地区或其下级地区）设立推进活动', en: 'Campaigns can be set only for your own region or a region inside it' },
  CAMPAIGN_CLOSED: { status: 409, zh: '该推进活动已结束，不能再修改', en: 'This campaign is closed and can no longer be changed' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error; try again later' },
  // scoring (codes of @cmmm/model)
  BAD_INPUT: { status: 400, zh: '输入有误', en: 'Invalid input' },
  UNKNOWN_REQUIREMENT: { status: 400, zh: '未知的要求编号', en: 'Unknown requirement id' },
  BAD_GRADE: { status: 400, zh: '答案无效', en: 'Invalid grade' },
  BAD_ANSWERS: { status: 400, zh: '答案格式无效', en: 'Invalid answers' },
  NA_NOT_ALLOWED: { status: 400, zh: '必选内容不能选择“企业不涉及此题目”', en: 'Not applicable is not allowed on mandatory parts' },
  DOMAIN_NOT_ASSESSED: { status: 400, zh: '该能力域不在本次评估范围内（已裁剪或不适用于本企业类型）', en: 'This domain is not assessed (tailored out or not assessed for this enterprise type)' },
  BAD_WEIGHT: { status: 400, zh: '权重须为正数', en: 'Weights must be positive numbers' },
  MISSING_ANSWERS: { status: 400, zh: '尚有要求未作答', en: 'Some requirements are unanswered' },
  TAILORING_NOT_ALLOWED: { status: 400, zh: '必选内容不可裁剪', en: 'Mandatory parts cannot be tailored' },
  UNKNOWN_NODE: { status: 400, zh: '不是模型中的能力域或能力子域', en: 'Not a domain or subdomain of the model' },
  BAD_ENTERPRISE_TYPE: { status: 400, zh: '企业类型须为流程型或离散型', en: 'Enterprise type must be process or discrete' },
  UNKNOWN_EDITION: { status: 404, zh: '未知的模型版本', en: 'Unknown model edition' },
  // 指数报告 (issue 11 §3)
  UNKNOWN_INDUSTRY_MAJOR: { status: 400, zh: '行业须为国民经济行业分类（GB/T 4754-2017）制造业大类（两位代码）', en: 'Industry must be a GB/T 4754-2017 manufacturing major class (two digits)' },
  INDEX_REPORT_SCOPE: { status: 400, zh: '指数报告范围不完整：区域报告须选择地区，行业报告须选择行业大类', en: 'Incomplete index report scope: a region report needs a region, an industry report an industry major class' },
  INDEX_REPORT_FAILED: { status: 500, zh: '指数报告生成失败，请重新生成', en: 'The index report could not be generated; generate it again' },
  INDEX_REPORT_RUNNING: { status: 409, zh: '您的上一份指数报告仍在生成中，请完成后再生成新的报告', en: 'Your previous index report is still being generated; wait for it to finish' },
  INDEX_REPORT_NOT_READY: { status: 409, zh: '指数报告尚未生成完成', en: 'The index report is not ready yet' },
  INDEX_REPORT_ABANDONED: { status: 500, zh: '指数报告生成反复中断（已尝试 3 次），已停止；请重新生成，仍失败请联系平台管理员', en: 'Generating the index report was interrupted on every attempt (3) and has stopped; generate it again, and tell the platform admin if it fails again' },
  // 地区地图 (issue 11 §2): GeoJSON the operator supplies in MAP_DIR; the platform ships none
  MAP_NOT_SUPPLIED: { status: 404, zh: '平台运营方未提供该地区的地图', en: 'The platform operator supplied no map of this region' },
  MAP_INVALID: { status: 500, zh: '平台运营方提供的该地区地图文件有误，暂不能显示，请联系平台运营方', en: 'The map file the platform operator supplied for this region is not valid; contact the operator' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERRORS, code);

/** The body of every error response. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    /** Field-level problems (path → message), when the error is about input. */
    issues?: { code: string; path: string; message: string }[];
  };
}
