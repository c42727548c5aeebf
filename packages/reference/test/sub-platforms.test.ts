import { describe, expect, it } from 'vitest';
import { findRegion, regionTree } from '../src/regions.ts';
import { contrastRatio, findSubPlatform, relativeLuminance, subPlatformLogoSvg, subPlatforms, subPlatformsFor } from '../src/sub-platforms.ts';

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** “红均值”加权的 RGB 距离，粗略的感知色差。 */
function colourDistance(a: string, b: string): number {
  const [r1, g1, b1] = rgb(a);
  const [r2, g2, b2] = rgb(b);
  const rm = (r1 + r2) / 2;
  return Math.sqrt((2 + rm / 256) * (r1 - r2) ** 2 + 4 * (g1 - g2) ** 2 + (2 + (255 - rm) / 256) * (b1 - b2) ** 2);
}

describe('contrast', () => {
  it('computes WCAG relative luminance and contrast ratios', () => {
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 10);
    // 常用参考值：#767676 与白色约 4.54:1（刚过 AA），#777777 约 4.48:1（不过）。
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#FFFFFF', '#767676')).toBe(contrastRatio('#767676', '#FFFFFF'));
  });

  it('rejects malformed colours', () => {
    expect(relativeLuminance('red')).toBeUndefined();
    expect(relativeLuminance('#FFF')).toBeUndefined();
    expect(contrastRatio('#FFFFFF', '#GGGGGG')).toBeUndefined();
  });
});

describe('subPlatforms', () => {
  it('lists the twelve sub-platforms of the seed in order', () => {
    expect(subPlatforms.map((p) => [p.code, p.name, p.shortName])).toEqual([
      ['110000', '北京市', '北京市'],
      ['310000', '上海市', '上海市'],
      ['370000', '山东省', '山东省'],
      ['360000', '江西省', '江西省'],
      ['140000', '山西省', '山西省'],
      ['150000', '内蒙古自治区', '内蒙古'],
      ['640000', '宁夏回族自治区', '宁夏'],
      ['320200', '无锡市', '无锡'],
      ['440300', '深圳市', '深圳'],
      ['320583', '昆山市', '昆山'],
      ['320571', '苏州工业园区', '苏州工业园'],
      ['320214', '无锡市新吴区', '无锡新吴区'],
    ]);
  });

  it('every code is a known region whose name ends the full name', () => {
    for (const p of subPlatforms) {
      const region = findRegion(p.code)?.region;
      expect(region, p.code).toBeDefined();
      expect(p.name.endsWith(region?.name ?? '?')).toBe(true);
      expect(p.level).toBe(region?.level);
    }
  });

  it('has distinct theme colours with AA contrast against white text', () => {
    const colours = subPlatforms.map((p) => p.themeColor);
    expect(new Set(colours).size).toBe(12);
    for (const c of colours) {
      expect(c).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
    }
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        expect(colourDistance(colours[i] ?? '', colours[j] ?? ''), `${colours[i]} vs ${colours[j]}`).toBeGreaterThan(80);
      }
    }
  });

  it('has a generated logo with the theme colour and the first characters of the short name', () => {
    for (const p of subPlatforms) {
      expect(p.logoSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
      expect(p.logoSvg).toContain(`fill="${p.themeColor}"`);
      expect(p.logoSvg).toContain('rx="12"');
      expect(p.logoSvg).toContain('fill="#FFFFFF"');
      expect(p.logoSvg).toContain(`aria-label="${p.name}"`);
    }
    const text = (svg: string) => /<text[^>]*>([^<]*)<\/text>/.exec(svg)?.[1];
    expect(subPlatforms.map((p) => text(p.logoSvg))).toEqual(['北京', '上海', '山东', '江西', '山西', '内蒙', '宁夏', '无锡', '深圳', '昆山', '苏州', '新吴']);
  });

  it('subPlatformLogoSvg escapes text and handles one character', () => {
    const svg = subPlatformLogoSvg('<&', '#000000', 'a"b');
    expect(svg).toContain('>&lt;&amp;</text>');
    expect(svg).toContain('aria-label="a&quot;b"');
    expect(subPlatformLogoSvg('京', '#C62828')).toContain('font-size="38"');
    expect(subPlatformLogoSvg('北京市', '#C62828')).toContain('>北京</text>');
  });

  it('findSubPlatform', () => {
    expect(findSubPlatform('320583')?.shortName).toBe('昆山');
    expect(findSubPlatform('320500')).toBeUndefined();
  });
});

describe('subPlatformsFor', () => {
  const names = (code: string) => subPlatformsFor(code).map((p) => p.name);

  it('matches on significant digits, most specific first', () => {
    expect(names('320214')).toEqual(['无锡市新吴区', '无锡市']);
    expect(names('320211')).toEqual(['无锡市']);
    expect(names('320583')).toEqual(['昆山市']);
    expect(names('320571')).toEqual(['苏州工业园区']);
    expect(names('320505')).toEqual([]);
    expect(names('440305')).toEqual(['深圳市']);
    expect(names('440106')).toEqual([]);
    expect(names('110108')).toEqual(['北京市']);
    expect(names('150203')).toEqual(['内蒙古自治区']);
    expect(names('640104')).toEqual(['宁夏回族自治区']);
    expect(names('310115')).toEqual(['上海市']);
  });

  it('works for city codes and trims input', () => {
    expect(names('320200')).toEqual(['无锡市']);
    expect(names(' 320214 ')).toEqual(['无锡市新吴区', '无锡市']);
  });

  it('returns nothing for malformed codes', () => {
    for (const code of ['', '3202', '32021a', '3202140']) expect(subPlatformsFor(code)).toEqual([]);
  });

  it('every county of a province-level sub-platform belongs to it', () => {
    for (const p of regionTree.filter((x) => ['110000', '310000', '370000', '360000', '140000', '150000', '640000'].includes(x.code))) {
      for (const c of p.children) for (const k of c.children) expect(subPlatformsFor(k.code).map((s) => s.code)).toEqual([p.code]);
    }
  });
});
