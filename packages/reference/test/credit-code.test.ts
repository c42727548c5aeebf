import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckCharacter,
  creditCodeRegionCode,
  normalizeCreditCode,
  validateCreditCode,
} from '../src/credit-code.ts';

// 公开登记信息中的统一社会信用代码。企业名称来自记忆；每个代码的校验位均已用本算法核对
// （随机代码碰巧通过的概率为 1/31），测试本身只依赖校验结果。
const REAL_CODES: ReadonlyArray<readonly [string, string]> = [
  ['华为技术有限公司', '914403001922038216'],
  ['腾讯科技（深圳）有限公司', '9144030071526726XG'],
  ['阿里巴巴（中国）有限公司', '91330100716105852F'],
  ['中国石油化工股份有限公司', '91110000710926094P'],
  ['比亚迪股份有限公司', '91440300192317458F'],
  ['小米科技有限责任公司', '91110108551385082Q'],
  ['中兴通讯股份有限公司', '9144030027939873X7'],
  ['贵州茅台酒股份有限公司', '91520000214434146R'],
  ['珠海格力电器股份有限公司', '91440400192548256N'],
  ['国家电网有限公司', '9111000071093123XX'],
];

const FORBIDDEN = ['I', 'O', 'Z', 'S', 'V'];

describe('validateCreditCode', () => {
  it.each(REAL_CODES)('accepts %s %s', (_name, code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
    expect(creditCodeCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it('rejects a plausible-looking code whose check character is wrong', () => {
    // 常被引用的示例 91110000100000589B：按算法校验位应为 A。
    expect(creditCodeCheckCharacter('91110000100000589')).toBe('A');
    expect(validateCreditCode('91110000100000589B')).toEqual({
      ok: false,
      code: 'CREDIT_CODE_CHECK',
      message: '统一社会信用代码校验位不正确，请核对后重新输入',
    });
    expect(validateCreditCode('91110000100000589A').ok).toBe(true);
  });

  it('normalises whitespace, lower case and full-width characters', () => {
    expect(validateCreditCode('  9144030071526726xg \n')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(validateCreditCode('９１４４０３００７１５２６７２６ＸＧ')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(validateCreditCode('\u3000９１４４０３００７１５２６７２６ｘｇ\u3000')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(normalizeCreditCode('ａｂｃ１２３')).toBe('ABC123');
  });

  it('rejects wrong lengths and empty input as format errors', () => {
    const format = { ok: false, code: 'CREDIT_CODE_FORMAT', message: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）' };
    expect(validateCreditCode('')).toEqual(format);
    expect(validateCreditCode('91440300192203821')).toEqual(format);
    expect(validateCreditCode('9144030019220382160')).toEqual(format);
    expect(validateCreditCode('9144 0300 1922 0382 16')).toEqual(format);
    expect(validateCreditCode('91440300-192203821')).toEqual(format);
  });

  const base = '914403001922038216';
  const positions = Array.from({ length: 18 }, (_, i) => i);

  it.each(positions)('rejects a forbidden letter at position %i (0-based)', (i) => {
    for (const letter of FORBIDDEN) {
      const code = base.slice(0, i) + letter + base.slice(i + 1);
      expect(validateCreditCode(code)).toMatchObject({ ok: false, code: 'CREDIT_CODE_FORMAT' });
    }
  });

  it.each(positions.slice(2, 8))('rejects a letter in the division code at position %i (0-based)', (i) => {
    const code = base.slice(0, i) + 'A' + base.slice(i + 1);
    expect(validateCreditCode(code)).toMatchObject({ ok: false, code: 'CREDIT_CODE_FORMAT' });
  });

  it.each(positions.slice(0, 17))('detects any other valid character at position %i (0-based) as a check error', (i) => {
    const allowed = i >= 2 && i < 8 ? '0123456789' : CREDIT_CODE_CHARSET;
    for (const ch of allowed) {
      if (ch === base.charAt(i)) continue;
      const code = base.slice(0, i) + ch + base.slice(i + 1);
      expect(validateCreditCode(code)).toMatchObject({ ok: false, code: 'CREDIT_CODE_CHECK' });
    }
  });

  it('rejects punctuation and non-ASCII characters', () => {
    expect(validateCreditCode('91440300192203821!').ok).toBe(false);
    expect(validateCreditCode('9144030019220382中').ok).toBe(false);
  });
});

describe('creditCodeCheckCharacter', () => {
  it('maps a remainder of 0 to the character 0', () => {
    // 全零前缀：和为 0，31 − 0 = 31 → 0。
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('returns undefined for malformed input', () => {
    expect(creditCodeCheckCharacter('9144030019220382')).toBeUndefined();
    expect(creditCodeCheckCharacter('9144030019220382I')).toBeUndefined();
    expect(creditCodeCheckCharacter('914403001922038216')).toBeUndefined();
  });
});

describe('creditCodeRegionCode', () => {
  it('returns characters 3–8', () => {
    expect(creditCodeRegionCode('914403001922038216')).toBe('440300');
    expect(creditCodeRegionCode('91110108551385082Q')).toBe('110108');
    expect(creditCodeRegionCode(' 9133010071610585２f')).toBe('330100');
  });

  it('returns undefined when there is no 6-digit division code', () => {
    expect(creditCodeRegionCode('91')).toBeUndefined();
    expect(creditCodeRegionCode('91A4030019220382')).toBeUndefined();
  });
});

describe('properties', () => {
  const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
  const digit = fc.constantFrom(...'0123456789'.split(''));
  const first17 = fc
    .tuple(fc.array(charsetChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(charsetChar, { minLength: 9, maxLength: 9 }))
    .map(([a, b, c]) => [...a, ...b, ...c].join(''));

  it('a code completed with its computed check character validates', () => {
    fc.assert(
      fc.property(first17, (prefix) => {
        const check = creditCodeCheckCharacter(prefix);
        expect(check).toBeDefined();
        const code = prefix + (check ?? '');
        expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
        expect(validateCreditCode(code.toLowerCase())).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('changing the 18th character to any other character fails', () => {
    fc.assert(
      fc.property(first17, charsetChar, (prefix, other) => {
        const check = creditCodeCheckCharacter(prefix) ?? '';
        fc.pre(other !== check);
        expect(validateCreditCode(prefix + other)).toMatchObject({ ok: false, code: 'CREDIT_CODE_CHECK' });
      }),
    );
  });

  it('changing any single character of a valid code fails', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), charsetChar, (prefix, pos, ch) => {
        const code = prefix + (creditCodeCheckCharacter(prefix) ?? '');
        fc.pre(code.charAt(pos) !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
    );
  });
});
