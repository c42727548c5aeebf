import { Alert } from 'antd';
import type { Quota } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { beijingDate, lastDayOf } from '../../self-diagnosis/format.ts';

/** 每个企业每个自然月（北京时间）最多 3 次自诊断，本月还可新建 N 次（统计期 …）. */
export function QuotaRule({ quota, compact }: { quota: Quota; compact?: boolean }) {
  const { t } = useI18n();
  const text = t('sd.quotaRule', { limit: quota.limit, remaining: quota.remaining, from: beijingDate(quota.windowStart), to: lastDayOf(quota.windowEnd), used: quota.used });
  if (compact) return <p className="quota-text" data-testid="quota-rule">{text}</p>;
  return <Alert type={quota.remaining > 0 ? 'info' : 'warning'} showIcon title={text} description={t('sd.validRule')} data-testid="quota-rule" />;
}
