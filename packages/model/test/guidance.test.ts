// The "！" evidence guidance and the survey plausibility rules.
import { describe, expect, it } from 'vitest';
import { evidenceGuidance, plausibilityWarnings } from '../src/index.ts';
import { edition } from './builders.ts';

const requirements = edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => i.requirements))));
const facts = { networkedEquipmentShare: 0, ncEquipmentShare: 0, informationSystems: [] as string[] };

describe('evidence guidance', () => {
  it('gives every requirement one to three kinds of evidence, in both languages', () => {
    for (const r of requirements) {
      const g = evidenceGuidance(r.text);
      expect(g.zh.length).toBeGreaterThan(0);
      expect(g.zh.length).toBeLessThanOrEqual(3);
      expect(g.en).toHaveLength(g.zh.length);
    }
  });

  it('asks for system evidence where the requirement names an information system', () => {
    expect(evidenceGuidance('应通过信息系统实现智能制造相关人员的培训、考核和能力管理').zh.join()).toContain('信息系统的功能演示');
  });
});

describe('plausibility against the survey', () => {
  it('flags 全部满足 / 大部分满足 on automatic collection with no networked equipment, not lower grades', () => {
    const auto = requirements.find((r) => r.text.includes('自动采集'))!;
    expect(plausibilityWarnings([auto], { [auto.id]: 'FI' }, facts).map((w) => w.rule)).toEqual(['automatic-collection']);
    expect(plausibilityWarnings([auto], { [auto.id]: 'LI' }, facts)).toHaveLength(1);
    expect(plausibilityWarnings([auto], { [auto.id]: 'PI' }, facts)).toHaveLength(0);
    expect(plausibilityWarnings([auto], { [auto.id]: 'FI' }, { ...facts, networkedEquipmentShare: 30 })).toHaveLength(0);
  });

  it('flags a named system the survey did not tick', () => {
    const wms = requirements.find((r) => r.text.includes('仓储管理系统'))!;
    expect(plausibilityWarnings([wms], { [wms.id]: 'FI' }, { ...facts, informationSystems: ['ERP'] }).map((w) => w.rule)).toEqual(['wms']);
    expect(plausibilityWarnings([wms], { [wms.id]: 'FI' }, { ...facts, informationSystems: ['WMS'] })).toHaveLength(0);
  });

  it('finds nothing to flag when every answer is 不满足', () => {
    expect(plausibilityWarnings(requirements, Object.fromEntries(requirements.map((r) => [r.id, 'NI' as const])), facts)).toEqual([]);
  });
});
