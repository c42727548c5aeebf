import { Cascader, Form } from 'antd';
import type { RegionNode } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { requiredChoice } from '../../form-rules.ts';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

/** Development zones exist only in the statistical codes: say so beside their name. */
function toOptions(nodes: readonly RegionNode[], statisticalSuffix: string): Option[] {
  return nodes.map((node) => ({
    value: node.code,
    label: node.statisticalOnly ? `${node.name}${statisticalSuffix}` : node.name,
    ...(node.children.length ? { children: toOptions(node.children, statisticalSuffix) } : {}),
  }));
}

const matches = (input: string, path: Option[]) => path.some((option) => option.label.includes(input.trim()));

/** 所在地区: 省 → 市 → 区县, searchable. */
export function RegionField({ regions }: { regions: readonly RegionNode[] }) {
  const { t } = useI18n();
  const label = t('register.region');
  return (
    <Form.Item name={['enterprise', 'regionCode']} label={label} extra={t('register.regionHelp')} rules={[requiredChoice(t, label)]}>
      <Cascader<Option> options={toOptions(regions, t('register.statisticalOnly'))} placeholder={t('register.regionPlaceholder')} showSearch={{ filter: matches, limit: 50 }} expandTrigger="hover" popupClassName="cascader-popup" />
    </Form.Item>
  );
}
