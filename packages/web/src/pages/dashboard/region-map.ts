// The operator's map of a region (GET /api/dashboard/maps/:region, from its MAP_DIR; the platform ships none)
// drawn beside the region ranking: each region coloured by the figure its bar shows (the mean index), a
// region whose figures are hidden (fewer than k enterprises) or that has none drawn as no data, and a click
// opening the region as its table row does. Pure: the option only; echarts loads with register-region-map.ts.
import type { Dashboard } from '../../api.ts';
import type { ChartOption } from '../../components/Chart.tsx';
import type { Translate } from '../../i18n.tsx';

/** The nation's file (GB/T 2260 has no code for it). */
export const NATION_MAP_CODE = '000000';
/** The property echarts names regions by: each feature's code as a string (DataV's adcode is a number). */
export const MAP_KEY = 'cmmmCode';

export interface MapFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: unknown;
}
export interface RegionGeoJson {
  type: 'FeatureCollection';
  features: MapFeature[];
}

/** What the server answered is a FeatureCollection whose features have properties (it checked more). */
export function isRegionGeoJson(x: unknown): x is RegionGeoJson {
  if (typeof x !== 'object' || x === null || (x as { type?: unknown }).type !== 'FeatureCollection') return false;
  const features = (x as { features?: unknown }).features;
  return Array.isArray(features) && features.every((f) => typeof f === 'object' && f !== null && typeof (f as MapFeature).properties === 'object' && (f as MapFeature).properties !== null);
}

/** A feature's GB/T 2260 code as the server reads it: DataV's `adcode` or `code`. */
export function featureCodeOf(properties: Record<string, unknown>): string {
  const raw = properties.adcode ?? properties.code;
  return typeof raw === 'number' || typeof raw === 'string' ? String(raw) : '';
}

/** A copy of the file with each feature's code under MAP_KEY (the geometry shared, not copied). */
export function keyedMap(geo: RegionGeoJson): RegionGeoJson {
  return { ...geo, features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, [MAP_KEY]: featureCodeOf(f.properties) } })) };
}

type RegionRow = Dashboard['regions']['rows'][number];

/** One data item per feature: the row it shows (its own code, or — a municipality's counties — its parent at the rows' level). */
export interface MapItem {
  name: string;
  value: number | null;
  row: RegionRow | null;
  featureName: string;
}

export function mapItemsOf(geo: RegionGeoJson, data: Pick<Dashboard, 'regions'>): MapItem[] {
  const rows = new Map(data.regions.rows.map((r) => [r.code, r]));
  // significant digits of a row's code: 2 a province, 4 a city, 6 a county
  const childLength = data.regions.level === 'province' ? 2 : data.regions.level === 'city' ? 4 : 6;
  return geo.features.map((f) => {
    const code = featureCodeOf(f.properties);
    const row = /^\d{6}$/.test(code) ? (rows.get(code) ?? rows.get(code.slice(0, childLength).padEnd(6, '0')) ?? null) : null;
    const name = typeof f.properties.name === 'string' && f.properties.name ? f.properties.name : code;
    // a hidden figure is null from the server already: never coloured
    return { name: code, value: row?.index ?? null, row, featureName: name };
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const NO_DATA = '#f0f0f0';
const SCALE = ['#e6f4ff', '#69b1ff', '#0958d9', '#002c8c'];

export function regionMapOption(mapName: string, items: readonly MapItem[], t: Translate, k: number): ChartOption {
  const values = items.flatMap((i) => (i.value === null ? [] : [i.value]));
  // from 0 to the highest, as the bars' axis: a region's shade is its bar's length
  const max = Math.max(Math.ceil(Math.max(...values)), 1);
  const fixed = (i: MapItem) => (i.value !== null ? i.value.toFixed(2) : i.row?.enterprises.suppressed ? t('dash.suppressed', { k }) : t('dash.regions.mapNoData'));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex?: number }) => {
        const item = p.dataIndex === undefined ? undefined : items[p.dataIndex];
        return item ? `${escapeHtml(item.row?.name ?? item.featureName)}：${escapeHtml(fixed(item))}` : '';
      },
    },
    ...(values.length
      ? {
          visualMap: {
            type: 'continuous',
            seriesIndex: 0,
            min: 0,
            max,
            calculable: false,
            left: 8,
            bottom: 8,
            itemHeight: 100,
            text: [t('dash.regions.mapHigh'), t('dash.regions.mapLow')],
            inRange: { color: SCALE },
          },
        }
      : {}),
    series: [
      {
        type: 'map',
        map: mapName,
        nameProperty: MAP_KEY,
        roam: false,
        selectedMode: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: { show: false },
        itemStyle: { areaColor: NO_DATA, borderColor: '#8c8c8c', borderWidth: 0.6 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        data: items.map((i) => ({
          name: i.name,
          // '-' is echarts' "no value": outside the visual map, so drawn in the no-data colour
          value: i.value ?? '-',
          // a feature that is no region of the ranking (e.g. DataV's 南海诸岛 line) does not light up: nothing to open
          ...(i.row ? {} : { emphasis: { disabled: true } }),
        })),
      },
    ],
  };
}
