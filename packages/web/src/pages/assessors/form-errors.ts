// A server refusal on a form: field issues onto their fields (focus on the first), codes that belong
// to one field onto that field, anything else as a message for the form's alert.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api.ts';
import { errorMessage, issueMessage, issuesToFieldErrors, showFieldErrors, type FieldName } from '../../errors.ts';
import type { Lang, Translate } from '../../i18n.tsx';

/** Returns the message to show above the buttons, or undefined when the fields say it all. */
export function serverErrorOnForm<V>(form: FormInstance<V>, error: unknown, lang: Lang, t: Translate, fieldOfCode: Readonly<Record<string, FieldName>> = {}): string | undefined {
  if (!(error instanceof ApiError)) return errorMessage(error, lang, t);
  const fields = issuesToFieldErrors(error.issues, (issue) => issueMessage(issue, lang, t));
  const field = Object.hasOwn(fieldOfCode, error.code) ? fieldOfCode[error.code] : undefined;
  if (!fields.length && field) fields.push({ name: field, errors: [errorMessage(error, lang, t)] });
  return showFieldErrors(form, fields) ? undefined : errorMessage(error, lang, t);
}

/** 'YYYY-MM-DD' of a date picker's value. */
export const isoDate = (value: { format: (template: string) => string }): string => value.format('YYYY-MM-DD');
