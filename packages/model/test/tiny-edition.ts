// A small edition in the same file format: a second edition given as data, and small enough for
// brute-force checks of the gap analysis.
import type { Edition } from '../src/index.ts';

const item = (id: string, name: string) => ({
  id,
  name,
  requirements: [1, 2, 3, 4, 5].map((level) => ({ id: `${id}.L${level}`, level: level as 1 | 2 | 3 | 4 | 5, text: `${name}，${level}级要求` })),
});

export function tinyEdition(): Edition {
  return {
    formatVersion: 1,
    id: 'tiny-2026',
    standard: 'TINY 1—2026',
    title: '测试用小模型',
    levels: ['规划级', '规范级', '集成级', '优化级', '引领级'].map((name, i) => ({
      level: (i + 1) as 1 | 2 | 3 | 4 | 5,
      label: ['一级', '二级', '三级', '四级', '五级'][i]!,
      name,
      characteristics: `${name}的特征`,
    })),
    enterpriseTypes: [
      { id: 'process', name: '流程型' },
      { id: 'discrete', name: '离散型' },
    ],
    elements: [
      {
        id: 'A',
        name: '甲',
        domains: [
          { id: 'A1', name: '甲一', tailorable: false, subdomains: [
            { id: 'A1-1', name: '甲一一', items: [item('A1-1.1', '条目一'), item('A1-1.2', '条目二'), item('A1-1.3', '条目三')] },
            { id: 'A1-2', name: '甲一二', items: [item('A1-2.1', '条目四')] },
          ] },
        ],
      },
      {
        id: 'B',
        name: '乙',
        domains: [
          { id: 'B1', name: '乙一', tailorable: false, subdomains: [{ id: 'B1-1', name: '乙一一', items: [item('B1-1.1', '条目五'), item('B1-1.2', '条目六')] }] },
          { id: 'B2', name: '乙二', tailorable: true, subdomains: [{ id: 'B2-1', name: '乙二一', items: [item('B2-1.1', '条目七'), item('B2-1.2', '条目八')] }] },
        ],
      },
    ],
    weights: {
      discrete: { A: 0.37, B: 0.63, A1: 1, 'A1-1': 0.7, 'A1-2': 0.3, B1: 0.55, 'B1-1': 1, B2: 0.45, 'B2-1': 1 },
      process: { A: 0.5, B: 0.5, A1: 1, 'A1-1': 0.5, 'A1-2': 0.5, B1: 1, 'B1-1': 1 },
    },
  };
}
