// echarts' map series and visual map, and the operator's map registered under a name: loaded only on a
// dashboard whose region has a map (most have none: the platform ships no map).
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { RegionGeoJson } from './region-map.ts';

echarts.use([MapChart, VisualMapComponent]);

export function registerRegionMap(name: string, geo: RegionGeoJson): void {
  echarts.registerMap(name, geo as unknown as Parameters<typeof echarts.registerMap>[1]);
}
