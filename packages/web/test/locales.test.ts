import { ORGANISATION_TYPE_NAMES, ROLE_NAMES, ROLES } from '@cmmm/contract';
import { getEditionTranslation, requireEdition } from '@cmmm/model';
import { beforeAll, describe, expect, it } from 'vitest';
import { format, loadLanguage, translator } from '../src/i18n.tsx';
import { en } from '../src/locales/en.ts';
import { zhCN } from '../src/locales/zh-CN.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  beforeAll(() => loadLanguage('en'));

  it('name the levels as the edition and its translation do', () => {
    const zhLevels = requireEdition().levels;
    const enLevels = getEditionTranslation(requireEdition().id, 'en')!.levels;
    for (const { level, name } of zhLevels) {
      expect(translator('zh-CN')(`home.levelName.${level}` as keyof typeof zhCN)).toBe(name);
      expect(translator('en')(`home.levelName.${level}` as keyof typeof zhCN)).toBe(enLevels[String(level) as keyof typeof enLevels].name);
    }
  });

  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('have no empty strings', () => {
    for (const table of [zhCN, en]) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
  });

  it('English has no Chinese characters except the switch back to 中文', () => {
    const chinese = Object.entries(en).filter(([key, value]) => /[\u3400-\u9fff]/.test(value) && !key.startsWith('lang.'));
    expect(chinese).toEqual([]);
  });

  it('name roles and organisation types as the contract does', () => {
    for (const role of ROLES) {
      expect(zhCN[`role.${role}`]).toBe(ROLE_NAMES[role].zh);
      expect(en[`role.${role}`]).toBe(ROLE_NAMES[role].en);
    }
    for (const [type, names] of Object.entries(ORGANISATION_TYPE_NAMES)) {
      expect(zhCN[`orgType.${type}` as keyof typeof zhCN]).toBe(names.zh);
    }
  });
});

describe('t()', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(format('验证码已发送至 {mobile}', { mobile: '138****1234' })).toBe('验证码已发送至 138****1234');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(translator('en')('forgot.sentTo', { mobile: '138****1234' })).toBe('A code was sent to 138****1234');
  });
});
