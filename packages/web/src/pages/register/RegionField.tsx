import { Form } from 'antd';
import type { RegionNode } from '../../api.ts';
import { LazyRegionCascader } from '../../components/LazyRegionCascader.tsx';
import { useI18n } from '../../i18n.tsx';
import { requiredChoice } from '../../form-rules.ts';

/** 所在地区: 省 → 市 → 区县, searchable; `provinces` without their children, which follow on demand. */
export function RegionField({ provinces }: { provinces: readonly RegionNode[] }) {
  const { t } = useI18n();
  const label = t('register.region');
  return (
    <Form.Item name={['enterprise', 'regionCode']} label={label} extra={t('register.regionHelp')} rules={[requiredChoice(t, label)]}>
      <LazyRegionCascader provinces={provinces} />
    </Form.Item>
  );
}
