import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { notBefore } from '../src/form-rules.ts';

type Validator = (rule: unknown, value: unknown) => Promise<void>;
const validatorOf = (fields: Record<string, unknown>) =>
  (notBefore('startsOn', '结束日期不能早于开始日期') as unknown as (form: { getFieldValue: (name: string) => unknown }) => { validator: Validator })({
    getFieldValue: (name) => fields[name],
  }).validator;

describe('notBefore', () => {
  it('refuses a date before the other field, and accepts the same day, a later one, or either one missing', async () => {
    const validate = validatorOf({ startsOn: dayjs('2026-12-10') });
    await expect(validate({}, dayjs('2026-12-09'))).rejects.toThrow('结束日期不能早于开始日期');
    await expect(validate({}, dayjs('2026-12-10'))).resolves.toBeUndefined();
    await expect(validate({}, dayjs('2027-01-01'))).resolves.toBeUndefined();
    await expect(validate({}, undefined)).resolves.toBeUndefined();
    await expect(validatorOf({})({}, dayjs('2026-12-09'))).resolves.toBeUndefined();
  });
});
