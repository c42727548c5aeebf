// 问题短板 (issue 11 §2): the region's weakest subdomains — the share of enterprises whose subdomain scores below
// 0.8 at their next level — as a chart with its table, and the weakest one per major class and per region
// one level down. Every table with its CSV and Excel workbook; figures below k are hidden by the server.
import { Empty, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n, type Translate } from '../../i18n.tsx';
import { barOption, cellText, DataTable, type ShownTable } from './tables.tsx';

type Weak = Dashboard['weakSubdomains'];

const subdomainText = (s: { id: string; name: string }) => `${s.id} ${s.name}`;

function groupTable(id: string, caption: string, groupHeader: string, groups: Weak['byIndustry'], t: Translate): ShownTable {
  return {
    id,
    caption,
    header: [groupHeader, t('dash.industries.n'), t('dash.weak.weakest'), t('dash.weak.share')],
    numeric: [false, true, false, true],
    rows: groups.map((g) => [g.name === g.code ? g.code : `${g.name}（${g.code}）`, String(g.enterprises), g.weakest ? subdomainText(g.weakest) : '—', g.weakest?.share?.toFixed(1) ?? '—']),
  };
}

export function WeakSubdomainsSection({ data, file }: { data: Dashboard; file: (what: string) => string }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const weak = data.weakSubdomains;
  const { count } = cellText(t, k);
  const top: ShownTable = {
    id: 'dash-weak',
    caption: t('dash.weak.caption', { region: data.region.name }),
    header: [t('dash.weak.subdomain'), t('dash.weak.share'), t('dash.weak.below'), t('dash.weak.assessed')],
    numeric: [false, true, true, true],
    rows: weak.top.map((r) => [subdomainText(r), r.share!.toFixed(1), count(r.below), String(r.enterprises)]),
  };
  const option = useMemo(() => barOption(weak.top.map(subdomainText), weak.top.map((r) => r.share), true, t('dash.weak.share')), [weak, t]);
  return (
    <section aria-labelledby="dash-weak-title">
      <Typography.Title level={2} id="dash-weak-title">
        {t('dash.weak.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dash.weak.intro', { n: count(weak.enterprises) })}</Typography.Paragraph>
      {weak.top.length ? (
        <>
          <Chart option={option} height={weak.top.length * 28 + 48} testId="dash-weak-chart" />
          <DataTable table={top} fileName={file('问题短板')} />
        </>
      ) : (
        <Empty description={t('dash.weak.none', { k })} />
      )}
      {weak.suppressed > 0 && <Typography.Paragraph type="secondary">{t('dash.weak.hidden', { count: weak.suppressed, k })}</Typography.Paragraph>}
      {weak.byIndustry.length > 0 && (
        <DataTable table={groupTable('dash-weak-industries', t('dash.weak.byIndustry'), t('dash.industries.industry'), weak.byIndustry, t)} fileName={file('问题短板-行业')} />
      )}
      {weak.byRegion.length > 0 && (
        <DataTable table={groupTable('dash-weak-regions', t('dash.weak.byRegion', { region: data.region.name }), t('dash.regions.region'), weak.byRegion, t)} fileName={file('问题短板-地区')} />
      )}
    </section>
  );
}
