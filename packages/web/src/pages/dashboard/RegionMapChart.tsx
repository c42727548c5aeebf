// The operator's map of the dashboard's region (issue 11 §2), above the ranking's bars and table when the
// operator supplied one: nothing at all when it did not, a quiet note when its file is bad. The map is an
// extra for the eye and the mouse; the table below it has every figure and every drill-down, for keyboards
// and screen readers.
import { Typography } from 'antd';
import { useMemo } from 'react';
import { api, ApiError, type Dashboard } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { useI18n } from '../../i18n.tsx';
import { useLoad } from '../../use-load.ts';
import { isRegionGeoJson, keyedMap, mapItemsOf, NATION_MAP_CODE, regionMapOption, type RegionGeoJson } from './region-map.ts';

type Loaded = { code: string } & ({ kind: 'map'; name: string; geo: RegionGeoJson } | { kind: 'invalid' } | { kind: 'none' });

async function loadRegionMap(code: string): Promise<Loaded> {
  let answer: unknown;
  try {
    answer = await api.regionMap(code);
  } catch (error) {
    // MAP_NOT_SUPPLIED (most regions), or any other failure: the ranking stands without a map
    return { code, kind: error instanceof ApiError && error.code === 'MAP_INVALID' ? 'invalid' : 'none' };
  }
  if (!isRegionGeoJson(answer)) return { code, kind: 'none' };
  const geo = keyedMap(answer);
  const name = `cmmm-region-${code}`;
  const { registerRegionMap } = await import('./register-region-map.ts');
  registerRegionMap(name, geo);
  return { code, kind: 'map', name, geo };
}

export function RegionMapChart({ data, open }: { data: Dashboard; open: (code: string) => void }) {
  const { t } = useI18n();
  const k = data.minGroupSize;
  const code = data.region.code ?? NATION_MAP_CODE;
  const supplied = data.regionMap === true;
  const { data: loaded } = useLoad(() => (supplied ? loadRegionMap(code) : Promise.resolve<Loaded>({ code, kind: 'none' })), [code, supplied]);
  // the map of the region shown, never the previous one's while the next loads
  const map = loaded?.code === code && loaded.kind === 'map' ? loaded : undefined;
  const items = useMemo(() => (map ? mapItemsOf(map.geo, data) : []), [map, data]);
  const option = useMemo(() => (map ? regionMapOption(map.name, items, t, k) : undefined), [map, items, t, k]);
  if (loaded?.code === code && loaded.kind === 'invalid') return <Typography.Paragraph type="secondary">{t('dash.regions.mapInvalid')}</Typography.Paragraph>;
  if (!option) return null;
  return (
    <>
      <Chart
        option={option}
        height={420}
        testId="dash-regions-map-chart"
        label={t('dash.regions.map', { region: data.region.name, k })}
        onItemClick={(i) => {
          const row = items[i]?.row;
          if (row) open(row.code);
        }}
      />
      <Typography.Paragraph type="secondary" className="dash-map-note">
        {t('dash.regions.mapNote', { k })}
      </Typography.Paragraph>
    </>
  );
}
