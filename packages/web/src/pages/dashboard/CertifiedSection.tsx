// 获证企业 (issue 11 §2): enterprises holding a valid certificate by level (chart and table) and by the regions one
// level down, beside the certifications published in 2022 (reference data). Cells below k are hidden by the server.
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n.tsx';
import { levelLabelKey } from '../../self-diagnosis/format.ts';
import { barOption, cellText, DataTable, type ShownTable } from './tables.tsx';

export function CertifiedSection({ data, file }: { data: Dashboard; file: (what: string) => string }) {
  const { t } = useI18n();
  const { count } = cellText(t, data.minGroupSize);
  const certified = data.certified;
  // the server's order: 一级 … 五级, then a 自定义评估's certificates
  const levelNames = certified.region.levels.map((_, i) => (i < 5 ? t(levelLabelKey(i + 1)) : t('dash.certified.custom')));
  const byLevel: ShownTable = {
    id: 'dash-certified',
    caption: t('dash.certified.caption', { region: data.region.name }),
    header: [t('dash.certified.level'), t('dash.certified.enterprises')],
    numeric: [false, true],
    rows: [
      ...certified.region.levels.map((c, i) => [levelNames[i]!, count(c)]),
      [t('dash.certified.total'), count(certified.region.total)],
      [t('dash.certified.published'), count(certified.region.published)],
    ],
  };
  const byRegion: ShownTable = {
    id: 'dash-certified-regions',
    caption: t('dash.certified.byRegion', { region: data.region.name }),
    header: [t('dash.certified.region'), ...levelNames, t('dash.certified.total'), t('dash.certified.published')],
    numeric: [false, ...levelNames.map(() => true), true, true],
    rows: certified.byRegion.map((r) => [r.name, ...r.levels.map(count), count(r.total), count(r.published)]),
  };
  const option = useMemo(() => barOption(levelNames, certified.region.levels.map((c) => c.value), false, t('dash.certified.enterprises')), [certified, t]);
  return (
    <section aria-labelledby="dash-certified-title">
      <Typography.Title level={2} id="dash-certified-title">
        {t('dash.certified.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.certified.method', { day: certified.asOf })}</Typography.Paragraph>
      <Chart option={option} height={220} testId="dash-certified-chart" />
      <DataTable table={byLevel} fileName={file('获证企业')} />
      {certified.byRegion.length > 0 && <DataTable table={byRegion} fileName={file('获证企业-地区')} />}
    </section>
  );
}
