import { ERRORS } from '@cmmm/contract/errors';
import { validateCreditCode } from '@cmmm/reference/credit-code';
import { Form, Input } from 'antd';
import type { FieldName } from '../../errors.ts';
import { useI18n } from '../../i18n.tsx';

/** 统一社会信用代码 with the GB 32100 format and check-character test done in the browser. */
export function CreditCodeField({ name, label, help }: { name: FieldName; label: string; help: string }) {
  const { t, lang } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={help}
      validateFirst
      validateDebounce={300}
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { field: label }) },
        {
          validator: async (_rule, value: unknown) => {
            const result = validateCreditCode(typeof value === 'string' ? value : '');
            if (!result.ok) throw new Error(lang === 'zh-CN' ? result.message : ERRORS[result.code].en);
          },
        },
      ]}
    >
      <Input maxLength={20} autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
    </Form.Item>
  );
}
