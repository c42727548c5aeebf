// @vitest-environment happy-dom
// 数据看板 · the operator's region map over a stubbed API (maps are made-up squares: the platform ships no map):
// coloured by the mean index the bars show, a hidden figure never coloured, a click opening the region as its
// table row does, the bars and the table still there; no map, or a bad one, and the ranking stands alone.
import { screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../src/api.ts';
import { translator } from '../src/i18n.tsx';
import { DashboardPage } from '../src/pages/dashboard/DashboardPage.tsx';
import { MAP_KEY, mapItemsOf, type RegionGeoJson } from '../src/pages/dashboard/region-map.ts';
import { NO_INDICATORS } from './dashboard-indicators-fixture.ts';
import { cleanUpAfterEach, json, renderAt, sessionOf, stubFetch, type Call } from './render-with-api.ts';

interface ChartProps {
  option: { series: { type: string; map?: string; data: unknown[] }[]; visualMap?: { min: number; max: number }; tooltip?: { formatter?: (p: { dataIndex?: number }) => string } };
  testId?: string;
  label?: string;
  onItemClick?: (i: number) => void;
}
const { charts, registered } = vi.hoisted(() => ({ charts: [] as ChartProps[], registered: vi.fn() }));
vi.mock('../src/components/Chart.tsx', () => ({
  Chart: (props: ChartProps) => {
    charts.push(props);
    return createElement('div', { 'data-testid': props.testId, ...(props.label ? { role: 'img', 'aria-label': props.label } : { 'aria-hidden': true }) });
  },
}));
vi.mock('../src/pages/dashboard/register-region-map.ts', () => ({ registerRegionMap: registered }));

const hidden = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });
const square = (i: number) => ({ type: 'Polygon', coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]] });
const geo = (features: Record<string, unknown>[]): RegionGeoJson => ({ type: 'FeatureCollection', features: features.map((properties, i) => ({ type: 'Feature', properties, geometry: square(i) })) });

function dashboardOf(region: Dashboard['region'], rows: Dashboard['regions']['rows']): Dashboard {
  return {
    region,
    path: [{ code: null, name: '全国', level: 'nation' }, region],
    minGroupSize: 5,
    enterprises: shown(30),
    diagnoses: shown(40),
    months: [],
    levels: [0, 1, 2, 3, 4, 5].map((level) => ({ level, enterprises: level === 1 ? shown(30) : hidden, share: level === 1 ? 100 : null })),
    bands: (['upTo1', 'level2', 'level3', 'from4'] as const).map((band) => ({ band, label: band, enterprises: band === 'upTo1' ? shown(30) : hidden, share: band === 'upTo1' ? 100 : null })),
    industries: { top: [], suppressed: 0 },
    regions: { level: region.level === 'province' ? 'city' : 'county', rows },
    weakSubdomains: { enterprises: hidden, top: [], suppressed: 0, byIndustry: [], byRegion: [] },
    ...NO_INDICATORS,
  };
}

const JIANGSU = {
  ...dashboardOf({ code: '320000', name: '江苏省', level: 'province' }, [
    { code: '320100', name: '南京市', enterprises: shown(11), index: 30.25 },
    { code: '320500', name: '苏州市', enterprises: shown(14), index: 21.5 },
    { code: '320200', name: '无锡市', enterprises: hidden, index: null },
  ]),
  regionMap: true, // the operator supplied 320000.json
};
const SUZHOU = dashboardOf({ code: '320500', name: '苏州市', level: 'city' }, [{ code: '320583', name: '昆山市', enterprises: shown(14), index: 21.5 }]);
// DataV's numeric adcode, a string code, a region with no results, and a name that is markup
const JIANGSU_MAP = geo([{ adcode: 320100, name: '南京' }, { code: '320200', name: '无锡' }, { adcode: 320500, name: '苏州' }, { adcode: 320300, name: '<b>徐州</b>' }]);

const error = (status: number, code: string) => json({ error: { code, message: code } }, status);

function serve(maps: Record<string, () => Response>): Call[] {
  return stubFetch((call) => {
    if (call.url === '/api/session') return json(sessionOf('platform_admin'));
    if (call.url.startsWith('/api/dashboard/maps/')) return (maps[call.url.slice('/api/dashboard/maps/'.length)] ?? (() => error(404, 'MAP_NOT_SUPPLIED')))();
    if (call.url === '/api/dashboard?region=320000') return json(JIANGSU);
    if (call.url === '/api/dashboard?region=320500') return json(SUZHOU);
    return error(404, 'NOT_FOUND');
  });
}

const latest = (testId: string) => charts.filter((c) => c.testId === testId).at(-1);

cleanUpAfterEach();

describe('the region map on the dashboard', () => {
  it('colours each region by its mean index, a hidden or missing figure as no data, and a click opens the region', async () => {
    charts.length = 0;
    const calls = serve({ '320000': () => json(JIANGSU_MAP) });
    renderAt('/dashboard?region=320000', createElement(DashboardPage), { withSession: true });
    const map = await screen.findByRole('img', { name: '江苏省下级地区地图：按平均指数着色，不足 5 家企业的地区不着色；各地区的数字见下表' });
    expect(map.getAttribute('data-testid')).toBe('dash-regions-map-chart');
    expect(registered).toHaveBeenCalledWith('cmmm-region-320000', expect.objectContaining({ type: 'FeatureCollection' }));
    const registeredMap = registered.mock.calls.at(-1)![1] as RegionGeoJson;
    expect(registeredMap.features.map((f) => f.properties[MAP_KEY])).toEqual(['320100', '320200', '320500', '320300']);

    const { option, onItemClick } = latest('dash-regions-map-chart')!;
    expect(option.series[0]).toMatchObject({ type: 'map', map: 'cmmm-region-320000', nameProperty: MAP_KEY });
    expect(option.series[0]!.data).toEqual([
      { name: '320100', value: 30.25 },
      { name: '320200', value: '-' }, // 无锡: fewer than 5, never coloured
      { name: '320500', value: 21.5 },
      { name: '320300', value: '-', emphasis: { disabled: true } }, // 徐州: no results, nothing to open
    ]);
    expect(option.visualMap).toMatchObject({ min: 0, max: 31 }); // as the bars' axis: 0 to the highest
    const tip = (i: number) => option.tooltip!.formatter!({ dataIndex: i });
    expect([0, 1, 2, 3].map(tip)).toEqual(['南京市：30.25', '无锡市：不足 5 家', '苏州市：21.50', '&#60;b&#62;徐州&#60;/b&#62;：暂无数据']);
    // the bars and the table stay: the map is an extra
    expect(latest('dash-regions-chart')).toBeDefined();
    expect(within(screen.getByTestId('dash-regions-table')).getByRole('button', { name: '查看苏州市' })).toBeTruthy();

    onItemClick!(3); // 徐州: no row
    onItemClick!(2); // 苏州
    await screen.findByText('苏州市下级地区：平均指数与企业数');
    expect(calls.filter((c) => c.url.startsWith('/api/dashboard?')).map((c) => c.url)).toEqual(['/api/dashboard?region=320000', '/api/dashboard?region=320500']);
    // 苏州 has no map of the operator's (its dashboard says so): none asked for, nothing in its place, no error
    await waitFor(() => expect(screen.queryByTestId('dash-regions-map-chart')).toBeNull());
    expect(calls.filter((c) => c.url.startsWith('/api/dashboard/maps/')).map((c) => c.url)).toEqual(['/api/dashboard/maps/320000']);
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    expect(screen.queryByText(/地图文件有误/)).toBeNull();
    expect(screen.getByTestId('dash-regions-table')).toBeTruthy();
  });

  it('says so, quietly, when the operator\'s file is bad; the ranking is unaffected', async () => {
    charts.length = 0;
    serve({ '320000': () => error(500, 'MAP_INVALID') });
    renderAt('/dashboard?region=320000', createElement(DashboardPage), { withSession: true });
    expect(await screen.findByText('平台运营方提供的本地区地图文件有误，暂不显示地图；排名与表格不受影响。')).toBeTruthy();
    expect(screen.queryByTestId('dash-regions-map-chart')).toBeNull();
    expect(screen.getByTestId('dash-regions-table')).toBeTruthy();
  });

  it('gives a municipality\'s counties the figure of the row they belong to (北京市 → 市辖区)', () => {
    const beijing = { region: { code: '110000', name: '北京市', level: 'province' as const }, regions: { level: 'city' as const, rows: [{ code: '110100', name: '北京市市辖区', enterprises: shown(6), index: 40 }] } };
    const items = mapItemsOf(geo([{ adcode: 110101 }, { adcode: 110108 }, { adcode: '100000_JD' }]), beijing);
    expect(items.map((i) => [i.name, i.value, i.row?.code ?? null])).toEqual([
      ['110101', 40, '110100'],
      ['110108', 40, '110100'],
      ['100000_JD', null, null],
    ]);
  });

  it('has its words in English too', () => {
    expect(translator('en')('dash.regions.map', { region: 'Jiangsu', k: 5 })).toBe('Map of the regions of Jiangsu: coloured by mean index, regions with fewer than 5 enterprises left uncoloured; the table below has every figure');
  });
});
