// Client-side rules mirroring @cmmm/contract's schemas, with messages in the reader's language.
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import type { Translate } from './i18n.tsx';
import type { FieldName } from './errors.ts';

export const MOBILE = /^1[3-9]\d{9}$/;
export const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{3,31}$/;

export const requiredText = (t: Translate, field: string): Rule => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
export const requiredChoice = (t: Translate, field: string): Rule => ({ required: true, message: t('validation.select', { field }) });

/** A date field that may not fall before the date of `field` (validity, course and plan periods). */
export const notBefore = (field: string, message: string): Rule => ({ getFieldValue }) => ({
  validator: async (_rule, value: Dayjs | undefined) => {
    const from = getFieldValue(field) as Dayjs | undefined;
    if (value && from && value.isBefore(from, 'day')) throw new Error(message);
  },
});

/** A mobile number; `field` names it in the messages where it is not the 手机号码 itself (联系电话). */
export const mobileRules = (t: Translate, field?: string): Rule[] => [
  { required: true, whitespace: true, message: field ? t('validation.required', { field }) : t('validation.mobileRequired') },
  { pattern: MOBILE, message: field ? t('validation.mobileOf', { field }) : t('validation.mobile') },
];

export const usernameRules = (t: Translate): Rule[] => [
  { required: true, whitespace: true, message: t('validation.usernameRequired') },
  { pattern: USERNAME, message: t('validation.username') },
];

export const newPasswordRules = (t: Translate): Rule[] => [
  { required: true, message: t('validation.passwordRequired') },
  {
    validator: async (_rule, value: unknown) => {
      const text = typeof value === 'string' ? value : '';
      if (text && (text.length < 8 || text.length > 128 || !/[a-zA-Z]/.test(text) || !/\d/.test(text))) throw new Error(t('validation.passwordRule'));
    },
  },
];

/** 确认密码: equal to the field named passwordField. */
export const confirmPasswordRules = (t: Translate, passwordField: FieldName): Rule[] => [
  { required: true, message: t('validation.confirmRequired') },
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (value && value !== getFieldValue(passwordField)) throw new Error(t('validation.passwordMismatch'));
    },
  }),
];
