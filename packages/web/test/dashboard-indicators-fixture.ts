// The dashboard's indicators with nothing to show (every count below k), for tests of other sections.
import type { Dashboard } from '../src/api.ts';

const hidden = { value: null, suppressed: true };

export const NO_INDICATORS: Pick<Dashboard, 'survey' | 'certified' | 'calibration'> = {
  survey: { enterprises: hidden, networked: null, nc: null, systems: [], byIndustry: [], byRegion: [], suppressedGroups: 0 },
  certified: {
    asOf: '2026-11-21',
    region: { code: null, name: '全国', levels: [1, 2, 3, 4, 5, 6].map(() => hidden), total: hidden, published: hidden },
    byRegion: [],
  },
  calibration: { enterprises: hidden, meanDifference: null, optimistic: hidden, optimisticShare: null, distribution: [], byIndustry: [], byRegion: [], suppressedGroups: 0 },
};
