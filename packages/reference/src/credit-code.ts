// 统一社会信用代码校验。来源：GB 32100-2015《法人和其他组织统一社会信用代码编码规则》（2015 年发布，2015-10-01 实施）。
// 结构：第 1 位登记管理部门代码，第 2 位机构类别代码，第 3–8 位登记管理机关行政区划码（6 位数字），
// 第 9–17 位主体标识码（组织机构代码），第 18 位校验码（GB/T 17710 MOD 31 系统）。

/** 代码字符集，字符在串中的下标即其数值（共 31 个字符，不含 I、O、Z、S、V）。 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 第 1–17 位的加权因子（3^(i-1) mod 31）。 */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeErrorCode = 'CREDIT_CODE_FORMAT' | 'CREDIT_CODE_CHECK';

export type CreditCodeResult =
  | { ok: true; value: string }
  | { ok: false; code: CreditCodeErrorCode; message: string };

export const CREDIT_CODE_MESSAGES: Readonly<Record<CreditCodeErrorCode, string>> = {
  CREDIT_CODE_FORMAT: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）',
  CREDIT_CODE_CHECK: '统一社会信用代码校验位不正确，请核对后重新输入',
};

const FORMAT = /^[0-9A-HJ-NP-RT-UW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RT-UW-Y]{10}$/;
const FIRST_17 = /^[0-9A-HJ-NP-RT-UW-Y]{17}$/;

/** 去首尾空白（含全角空格）、全角转半角、小写转大写。 */
export function normalizeCreditCode(input: string): string {
  const halfWidth = input.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  return halfWidth.trim().toUpperCase();
}

/**
 * 由前 17 位计算第 18 位校验字符；前 17 位不合字符集时返回 undefined。
 * 校验值 = 31 − (Σ 字符值 × 权重 mod 31)，结果为 31 时取 0。
 */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (!FIRST_17.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET.charAt(check === 31 ? 0 : check);
}

/** 第 3–8 位：登记管理机关行政区划码（GB/T 2260）。输入会先规范化；长度不足或不是 6 位数字时返回 undefined。 */
export function creditCodeRegionCode(code: string): string | undefined {
  const region = normalizeCreditCode(code).slice(2, 8);
  return /^[0-9]{6}$/.test(region) ? region : undefined;
}

/** 校验统一社会信用代码；成功时返回规范化后的代码。 */
export function validateCreditCode(input: string): CreditCodeResult {
  const value = normalizeCreditCode(input);
  if (!FORMAT.test(value)) {
    return { ok: false, code: 'CREDIT_CODE_FORMAT', message: CREDIT_CODE_MESSAGES.CREDIT_CODE_FORMAT };
  }
  if (creditCodeCheckCharacter(value.slice(0, 17)) !== value.charAt(17)) {
    return { ok: false, code: 'CREDIT_CODE_CHECK', message: CREDIT_CODE_MESSAGES.CREDIT_CODE_CHECK };
  }
  return { ok: true, value };
}
