// A 指数报告 input: seed 002's national shares on 100 enterprises, with a suppressed month, level, region and class.
import { LEVEL_BANDS, MIN_GROUP_SIZE } from '@cmmm/contract';
import type { IndexFigures, IndexReportInput } from '../src/index.ts';

export const count = (n: number) => (n >= MIN_GROUP_SIZE ? { value: n, suppressed: false } : { value: null, suppressed: true });

/** Figures of 100 enterprises: 69 at 一级 and below, 15 at 二级, 7 at 三级, 9 at 四级 and above (seed 002's national shares). */
export function nationalFigures(overrides: Partial<IndexFigures> = {}): IndexFigures {
  const byLevel = [40, 29, 15, 7, 6, 3];
  const n = byLevel.reduce((a, b) => a + b, 0);
  const share = (k: number) => (k >= MIN_GROUP_SIZE ? Math.round((k / n) * 1000) / 10 : null);
  return {
    region: { code: null, name: '全国', level: 'nation' },
    minGroupSize: MIN_GROUP_SIZE,
    enterprises: count(n),
    diagnoses: count(130),
    months: [
      { month: 202601, diagnoses: count(70) },
      { month: 202602, diagnoses: count(57) },
      { month: 202603, diagnoses: { value: null, suppressed: true } },
    ],
    levels: byLevel.map((k, level) => ({ level, enterprises: count(k), share: share(k) })),
    bands: LEVEL_BANDS.map((b) => {
      const k = b.levels.reduce<number>((a, l) => a + byLevel[l]!, 0);
      return { band: b.id, label: b.label, enterprises: count(k), share: share(k) };
    }),
    industries: {
      top: [
        { code: '39', name: '计算机、通信和其他电子设备制造业', enterprises: 30, index: 47.3 },
        { code: '36', name: '汽车制造业', enterprises: 25, index: 46.51 },
        { code: '38', name: '电气机械和器材制造业', enterprises: 20, index: 40.19 },
      ],
      suppressed: 2,
    },
    regions: {
      level: 'province',
      rows: [
        { code: '320000', name: '江苏省', enterprises: count(60), index: 42.12 },
        { code: '110000', name: '北京市', enterprises: count(36), index: 38.5 },
        { code: '330000', name: '浙江省', enterprises: count(0), index: null },
      ],
    },
    weakSubdomains: {
      enterprises: count(97),
      top: [
        { id: 'SD-1', name: '数据', enterprises: 80, below: count(60), share: 75 },
        { id: 'SD-2', name: '集成', enterprises: 70, below: count(35), share: 50 },
      ],
      suppressed: 1,
      byIndustry: [{ code: '36', name: '汽车制造业', enterprises: 25, weakest: { id: 'SD-1', name: '数据', enterprises: 20, below: count(12), share: 60 } }],
      byRegion: [],
    },
    ...overrides,
  };
}

export const indexReportInput = (overrides: Partial<IndexReportInput> = {}): IndexReportInput => ({
  kind: 'national',
  regionName: '全国',
  industry: null,
  figures: nationalFigures(),
  meanIndex: 41.23,
  period: { first: 202601, last: 202603 },
  asOf: new Date('2026-04-01T02:00:00Z'),
  ...overrides,
});

