// Request and response shapes of the HTTP API, shared by server (validation, OpenAPI), web and CLI.
// Messages are Chinese: they reach users next to the field they are about.
import { ENTERPRISE_TYPES } from '@cmmm/model';
import { z } from 'zod';

export const ROLES = ['enterprise_user', 'assessor', 'lead_assessor', 'agency_admin', 'region_admin', 'platform_admin', 'reviewer'] as const;
export const roleSchema = z.enum(ROLES, { error: '未知的角色' });
export type Role = z.infer<typeof roleSchema>;

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
  assessor: { zh: '评估师', en: 'Assessor' },
  lead_assessor: { zh: '主任评估师', en: 'Lead assessor' },
  agency_admin: { zh: '评估机构管理员', en: 'Assessment agency admin' },
  region_admin: { zh: '地方分平台管理员', en: 'Regional sub-platform admin' },
  platform_admin: { zh: '平台管理员', en: 'Platform admin' },
  reviewer: { zh: '评审专家（合规性审查）', en: 'Scheme reviewer' },
};

export const ORGANISATION_TYPES = ['independent', 'branch', 'division', 'plant'] as const;
export const organisationTypeSchema = z.enum(ORGANISATION_TYPES, { error: '请选择组织类型：独立法人或非独立法人（分公司、事业部、车间·工厂）' });
export type OrganisationType = z.infer<typeof organisationTypeSchema>;
export const ORGANISATION_TYPE_NAMES: Record<OrganisationType, { zh: string; en: string }> = {
  independent: { zh: '独立法人', en: 'Independent legal entity' },
  branch: { zh: '非独立法人（分公司）', en: 'Branch' },
  division: { zh: '非独立法人（事业部）', en: 'Division' },
  plant: { zh: '非独立法人（车间·工厂）', en: 'Workshop / plant' },
};

export const enterpriseTypeSchema = z.enum(ENTERPRISE_TYPES, { error: '请选择企业类型：流程型或离散型' });
export type EnterpriseType = z.infer<typeof enterpriseTypeSchema>;

/** A required text field of at most `max` characters, trimmed; `what` names it in the message. */
export const trimmed = (max: number, what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不能超过 ${max} 个字符`);

export const mobileSchema = z
  .string({ error: '请填写手机号码' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位中国大陆手机号');

export const usernameSchema = z
  .string({ error: '请填写用户名' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{3,31}$/, '用户名为 4–32 位字母、数字、下划线、点或连字符，以字母或数字开头');

export const passwordSchema = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码不能超过 128 位')
  .refine((p) => /[a-zA-Z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

export const registerRequestSchema = z.object({
  account: z.object({
    username: usernameSchema,
    password: passwordSchema,
    mobile: mobileSchema,
  }),
  enterprise: z.object({
    name: trimmed(100, '企业名称'),
    creditCode: z.string({ error: '请填写统一社会信用代码' }).trim().min(1, '请填写统一社会信用代码').max(18 * 2, '统一社会信用代码应为 18 位'),
    organisationType: organisationTypeSchema,
    parentName: z.string().trim().max(100, '所属法人单位名称不能超过 100 个字符').optional(),
    industryCode: z.string({ error: '请选择所属行业' }).regex(/^\d{3}$/, '请选择所属行业（到中类）'),
    regionCode: z.string({ error: '请选择所在地区' }).regex(/^\d{6}$/, '请选择所在地区（到区县）'),
    enterpriseType: enterpriseTypeSchema,
    contactName: trimmed(50, '联系人'),
    contactMobile: mobileSchema,
  }),
  /** The sub-platform the registration came through (/r/<code>), if any. */
  subPlatformCode: z.string().regex(/^\d{6}$/).optional(),
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const loginRequestSchema = z.object({
  username: z.string({ error: '请填写用户名' }).trim().toLowerCase().min(1, '请填写用户名').max(64),
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128),
});

/** 忘记密码: by the registered mobile, or by the enterprise's credit code (seed 001 §3.1, §3.2). */
export const passwordResetRequestSchema = z
  .object({ mobile: mobileSchema.optional(), creditCode: z.string().trim().min(1).max(36).optional() })
  .refine((r) => !!r.mobile !== !!r.creditCode, { message: '请填写注册手机号或统一社会信用代码（二选一）', path: ['mobile'] });
export const passwordResetConfirmSchema = z.object({
  mobile: mobileSchema,
  /** Needed only when several accounts share the mobile. */
  username: z.string().trim().toLowerCase().max(64).optional(),
  code: z.string({ error: '请填写验证码' }).regex(/^\d{6}$/, '验证码为 6 位数字'),
  newPassword: passwordSchema,
});
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema });

export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mobile: z.string().nullable(),
  role: roleSchema,
  enterpriseId: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** agency_admin and assessor accounts: their 评估机构 (shown to the platform admin). */
  /** The 评估机构 of an agency admin or an assessor. */
  bodyId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const enterpriseViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  organisationType: organisationTypeSchema,
  parentName: z.string().nullable(),
  industryCode: z.string(),
  industryName: z.string(),
  /** The class's English name (GB/T 4754 in English, @cmmm/reference industries-en.ts). */
  industryNameEn: z.string(),
  regionCode: z.string(),
  regionPath: z.string(),
  /** The same path in pinyin (@cmmm/reference regions-en.ts). */
  regionPathEn: z.string(),
  enterpriseType: enterpriseTypeSchema,
  contactName: z.string(),
  contactMobile: z.string(),
  subPlatformCodes: z.array(z.string()),
  isDemo: z.boolean(),
  createdAt: z.string(),
});
export type EnterpriseView = z.infer<typeof enterpriseViewSchema>;

export const sessionViewSchema = z.object({
  account: accountViewSchema.nullable(),
  enterprise: enterpriseViewSchema.nullable(),
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const subPlatformViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  themeColor: z.string(),
  logoSvg: z.string().nullable(),
});
export type SubPlatformView = z.infer<typeof subPlatformViewSchema>;

export const subPlatformUpdateSchema = z.object({
  name: trimmed(50, '名称').optional(),
  shortName: trimmed(20, '简称').optional(),
  themeColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, '主题色应为 #RRGGBB').optional(),
  logoSvg: z.string().max(20_000, '标志不能超过 20 KB').startsWith('<svg', '标志须为 SVG').nullable().optional(),
});

export const createAccountSchema = z.object({
  username: usernameSchema,
  displayName: trimmed(50, '姓名'),
  mobile: mobileSchema.optional(),
  role: roleSchema.exclude(['enterprise_user']),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  /** The 评估机构: required for agency_admin; optional for assessor and lead_assessor; ignored otherwise. */
  bodyId: z.uuid('无效的评估机构编号').optional(),
});

export const updateAccountSchema = z.object({
  role: roleSchema.optional(),
  regionCode: z.string().regex(/^\d{6}$/).nullable().optional(),
  bodyId: z.uuid('无效的评估机构编号').nullable().optional(),
  locked: z.boolean().optional(),
});
