// 自评校准 (issue 11 §2): self-diagnosed minus certified level of the same enterprises — its distribution (chart and
// table), mean and the share self-diagnosed above, by major class and by the regions one level down.
import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { barOption, cellText, DataTable, type ShownTable } from './tables.tsx';

type Calibration = Dashboard['calibration'];

const signed = (d: number) => (d > 0 ? `+${d}` : String(d));
const mean = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function groupTable(id: string, caption: string, groups: Calibration['byIndustry'], t: Translate, k: number): ShownTable {
  const { count, share } = cellText(t, k);
  return {
    id,
    caption,
    header: [t('dash.calibration.group'), t('dash.calibration.enterprises'), t('dash.calibration.mean'), t('dash.calibration.optimistic'), t('dash.calibration.optimisticShare')],
    numeric: [false, true, true, true, true],
    rows: groups.map((g) => [g.name === g.code ? g.code : `${g.name}（${g.code}）`, String(g.enterprises), mean(g.meanDifference), count(g.optimistic), share(g.optimisticShare)]),
  };
}

export function CalibrationSection({ data, file }: { data: Dashboard; file: (what: string) => string }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const calibration = data.calibration;
  const { count, share } = cellText(t, k);
  const distribution: ShownTable = {
    id: 'dash-calibration',
    caption: t('dash.calibration.caption', { region: data.region.name }),
    header: [t('dash.calibration.difference'), t('dash.calibration.enterprises'), t('dash.calibration.share')],
    numeric: [false, true, true],
    rows: calibration.distribution.map((c) => [signed(c.difference), count(c.enterprises), share(c.share)]),
  };
  const option = useMemo(
    () => barOption(calibration.distribution.map((c) => signed(c.difference)), calibration.distribution.map((c) => c.enterprises.value), false, t('dash.calibration.enterprises')),
    [calibration, t],
  );
  return (
    <section aria-labelledby="dash-calibration-title">
      <Typography.Title level={2} id="dash-calibration-title">
        {t('dash.calibration.title')}
      </Typography.Title>
      {calibration.enterprises.suppressed ? (
        <Empty description={t('dash.calibration.none', { k })} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('dash.calibration.method', { n: count(calibration.enterprises), mean: mean(calibration.meanDifference), share: share(calibration.optimisticShare) })}
          </Typography.Paragraph>
          <Chart option={option} height={220} testId="dash-calibration-chart" />
          <DataTable table={distribution} fileName={file('自评校准')} />
          {calibration.byIndustry.length > 0 && <DataTable table={groupTable('dash-calibration-industries', t('dash.calibration.byIndustry'), calibration.byIndustry, t, k)} fileName={file('自评校准-行业')} />}
          {calibration.byRegion.length > 0 && (
            <DataTable table={groupTable('dash-calibration-regions', t('dash.calibration.byRegion', { region: data.region.name }), calibration.byRegion, t, k)} fileName={file('自评校准-地区')} />
          )}
        </>
      )}
    </section>
  );
}
