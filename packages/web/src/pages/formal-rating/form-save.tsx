// Saving one of the rating pages' forms: one save at a time, a refusal onto the fields it names and the
// rest above the buttons; and those buttons (save, and cancel where the form can be closed).
import { Alert, Button, Space, type FormInstance } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import type { FieldName } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';
import { serverErrorOnForm } from '../assessors/form-errors.ts';

/**
 * `save(write, onRefused)` runs `write` (the request and what follows a success); a failure goes onto
 * the form, then to `onRefused` (e.g. to re-load what changed meanwhile).
 */
export function useFormSave<V>(form: FormInstance<V>, fieldOfCode?: Readonly<Record<string, FieldName>>) {
  const { t, lang } = useI18n();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const save = useCallback(
    async (write: () => Promise<void>, onRefused?: (failure: unknown) => void): Promise<void> => {
      setSaving(true);
      setError(undefined);
      try {
        await write();
      } catch (failure) {
        setError(serverErrorOnForm(form, failure, lang, t, fieldOfCode));
        onRefused?.(failure);
      } finally {
        setSaving(false);
      }
    },
    [form, lang, t, fieldOfCode],
  );
  /** A form opened afresh shows no earlier refusal. */
  const clearError = useCallback(() => setError(undefined), []);
  return { saving, error, save, clearError };
}

/** The refusal the fields do not show (the server's words, in Chinese). */
export function FormErrorAlert({ error }: { error: string | undefined }) {
  return error ? <Alert type="error" showIcon role="alert" className="page-note" title={<span lang="zh-CN">{error}</span>} /> : null;
}

/** The form's refusal, then its save button and, where the form can be closed, 取消. */
export function FormButtons({ error, saving, submitText, submitTestId, onCancel }: { error: string | undefined; saving: boolean; submitText: ReactNode; submitTestId?: string; onCancel?: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <FormErrorAlert error={error} />
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving} data-testid={submitTestId}>
          {submitText}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
      </Space>
    </>
  );
}
