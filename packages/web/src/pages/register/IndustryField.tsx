import { Cascader, Form } from 'antd';
import type { IndustryMajorView } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { requiredChoice } from '../../form-rules.ts';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

const toOptions = (majors: readonly IndustryMajorView[]): Option[] =>
  majors.map((major) => ({
    value: major.code,
    label: `${major.code} ${major.name}`,
    children: major.middles.map((middle) => ({ value: middle.code, label: `${middle.code} ${middle.name}` })),
  }));

const matches = (input: string, path: Option[]) => path.some((option) => option.label.toLowerCase().includes(input.trim().toLowerCase()));

/** 所属行业: GB/T 4754-2017 大类 → 中类. */
export function IndustryField({ industries, onPicked }: { industries: readonly IndustryMajorView[]; onPicked: (middleCode: string) => void }) {
  const { t } = useI18n();
  const label = t('register.industry');
  return (
    <Form.Item name={['enterprise', 'industryCode']} label={label} extra={t('register.industryHelp')} rules={[requiredChoice(t, label)]}>
      <Cascader<Option>
        options={toOptions(industries)}
        placeholder={t('register.industryPlaceholder')}
        showSearch={{ filter: matches }}
        expandTrigger="hover"
        onChange={(path) => {
          const middle = path?.at(-1);
          if (typeof middle === 'string') onPicked(middle);
        }}
        popupClassName="cascader-popup"
      />
    </Form.Item>
  );
}
