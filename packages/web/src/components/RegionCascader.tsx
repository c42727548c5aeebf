// 所在地区: 省 → 市 → 区县 from the region tree, searchable; the value is the cascader path.
// Development zones exist only in the statistical codes: their names say so.
import { Cascader } from 'antd';
import type { RegionNode } from '../api.ts';
import { useI18n } from '../i18n.tsx';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
  isLeaf?: boolean;
}

/** A province without its children yet is not a leaf: the lazy picker loads them when it is opened. */
export function toOptions(nodes: readonly RegionNode[], statisticalSuffix: string): RegionOption[] {
  return nodes.map((node) => ({
    value: node.code,
    label: node.statisticalOnly ? `${node.name}${statisticalSuffix}` : node.name,
    ...(node.children.length ? { children: toOptions(node.children, statisticalSuffix) } : node.level === 'province' ? { isLeaf: false } : {}),
  }));
}

export const matches = (input: string, path: RegionOption[]) => path.some((option) => option.label.includes(input.trim()));

/** Form.Item passes value, onChange and the id of its label. */
export function RegionCascader({ regions, id, value, onChange }: { regions: readonly RegionNode[]; id?: string; value?: string[]; onChange?: (value: string[]) => void }) {
  const { t } = useI18n();
  return (
    <Cascader<RegionOption>
      id={id}
      value={value}
      onChange={(path) => onChange?.(path as string[])}
      options={toOptions(regions, t('register.statisticalOnly'))}
      placeholder={t('register.regionPlaceholder')}
      showSearch={{ filter: matches, limit: 50 }}
      expandTrigger="hover"
      popupClassName="cascader-popup"
    />
  );
}
