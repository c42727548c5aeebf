// What users read when a request fails: the server's Chinese message in zh-CN, the contract's
// English sentence in English; and field-level issues placed on their form fields.
import { ERRORS, isErrorCode } from '@cmmm/contract/errors';
import type { FormInstance } from 'antd';
import { ApiError, NetworkError, type ApiIssue } from './api.ts';
import type { Lang, Translate } from './i18n.tsx';

export function errorMessage(error: unknown, lang: Lang, t: Translate): string {
  if (error instanceof ApiError) {
    if (lang === 'zh-CN') return error.message || (isErrorCode(error.code) ? ERRORS[error.code].zh : t('errors.unknown'));
    return isErrorCode(error.code) ? ERRORS[error.code].en : t('errors.unknown');
  }
  if (error instanceof NetworkError) return t('errors.network');
  return t('errors.unknown');
}

export function issueMessage(issue: ApiIssue, lang: Lang, t: Translate): string {
  if (lang === 'zh-CN') return issue.message;
  // Field messages from the server are Chinese; in English say which rule it was when the code names one.
  return isErrorCode(issue.code) && issue.code !== 'VALIDATION' ? ERRORS[issue.code].en : t('form.fieldInvalid');
}

export type FieldName = (string | number)[];

/** Form field errors from a server answer; the path 'enterprise.creditCode' → ['enterprise', 'creditCode']. */
export function issuesToFieldErrors(
  issues: readonly ApiIssue[],
  message: (issue: ApiIssue) => string,
  rename: (name: FieldName) => FieldName = (name) => name,
): { name: FieldName; errors: string[] }[] {
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const issue of issues) {
    if (!issue.path) continue;
    const name = rename(issue.path.split('.'));
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message(issue));
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/** Puts server errors on their fields and moves focus to the first one. Server paths are only
 *  known at run time, hence the cast to the form's typed names. */
export function showFieldErrors<V>(form: FormInstance<V>, fields: { name: FieldName; errors: string[] }[]): boolean {
  const first = fields[0];
  if (!first) return false;
  form.setFields(fields as Parameters<FormInstance<V>['setFields']>[0]);
  const name = first.name as Parameters<FormInstance<V>['focusField']>[0];
  form.scrollToField(name, { block: 'center' });
  form.focusField(name);
  return true;
}
