// Who may call each operation of routes/assessor-routes.ts, in the words of policy.ts.
const PUBLIC = '公开，无需登录 · public.';
const PLATFORM_ADMIN = '平台管理员 · the platform admin.';
const TRAINING_READERS = '平台管理员、评估机构管理员 · the platform admin and agency admins.';

export const ASSESSOR_ACCESS_NOTES: Record<string, string> = {
  listPublicAssessors: `${PUBLIC} 只列出同意公开的人员，不含手机号 · only people listed publicly; never a mobile number.`,
  listPublicBodies: `${PUBLIC} 不含联系电话 · no contact mobile.`,
  listAssessmentBodies: '已登录的任何用户（企业据此选择评估机构） · any logged-in user.',
  registerAssessmentBody: PLATFORM_ADMIN,
  updateAssessmentBody: '平台管理员或本机构的评估机构管理员 · the platform admin or the body\'s agency admin.',
  listAssessors:
    '平台管理员（全部）、评估机构管理员（本机构人员）、企业用户（本企业内部评估师）、评估师与主任评估师（评估机构人员，手机号部分隐藏） · the platform admin (all), an agency admin (its body), an enterprise (its internal assessors), assessors (bodies\' people, mobile masked).',
  registerAssessor:
    '平台管理员（任一机构或企业）、评估机构管理员（本机构）、企业用户（本企业内部评估师，不开通账户） · the platform admin; an agency admin for its body; an enterprise for its internal assessors (no login).',
  readOwnAssessorRecord: '已登录的评估人员本人；没有记录时 404 · the logged-in person; 404 when there is no record.',
  readAssessor:
    '可管理该记录者、本人、评估师与主任评估师（评估机构人员）；无权查看与不存在的回答相同（404） · whoever manages the record, the person, assessors (bodies\' people); forbidden answers like missing.',
  updateAssessor:
    '姓名、手机号：可管理该记录者；是否公开：也可由本人修改 · name and mobile: whoever manages the record; the public listing: also the person.',
  addQualification:
    '可管理该记录者（平台管理员登记即生效，其他人提交后待审核） · whoever manages the record (the platform admin\'s are approved at once, others\' wait for it).',
  decideQualification: PLATFORM_ADMIN,
  listTrainingCourses: TRAINING_READERS,
  createTrainingCourse: PLATFORM_ADMIN,
  readTrainingCourse: TRAINING_READERS,
  enrolParticipant: PLATFORM_ADMIN,
  recordTrainingResult: PLATFORM_ADMIN,
  listEnterpriseCertificates:
    '本企业用户、所在地区及上级地区的分平台管理员、平台管理员；无权查看与不存在的回答相同（404） · whoever may see the enterprise; forbidden answers like missing.',
  recordCertificate: PLATFORM_ADMIN,
};
