// The shipped edition against the text of the standard itself (seed 003, kept beside the edition):
// every requirement verbatim, in order, nothing lost, nothing added, and every cell boundary where
// the PDF text has a line end or a column gap.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requireEdition } from '../src/index.ts';

const edition = requireEdition('db12-t1073-2021');
const source = readFileSync(new URL('../editions/sources/db12-t1073-2021.txt', import.meta.url), 'utf8');

/** The source with all whitespace removed, and the stream positions where whitespace was. */
function streamOf(text: string): { stream: string; breaks: Set<number> } {
  let stream = '';
  const breaks = new Set<number>();
  for (const ch of text) {
    if (/\s/.test(ch)) breaks.add(stream.length);
    else stream += ch;
  }
  return { stream, breaks };
}

const tablesStart = source.indexOf('表1 人员的成熟度要求');
const tablesEnd = source.indexOf('7 评估内容');
const { stream, breaks } = streamOf(source.slice(tablesStart, tablesEnd));
const strip = (s: string) => s.replace(/\s+/g, '');

// What may stand between two cells: repeated column headers, continuation titles, page footers,
// the vertical subdomain labels, and (at a table's start) the section heading, intro and title.
const HEADER = '能力子域及分项一级二级三级四级五级';
const CONTINUED = /表\d+（续）/g;
const FOOTER = /DB12\/T1073—2021\d*/g;

function isNoise(gap: string, subdomainName: string, tableStart: boolean): boolean {
  let rest = gap.split(HEADER).join('').replace(CONTINUED, '').replace(FOOTER, '');
  if (tableStart) rest = rest.replace(/^.*?表\d+[^表]*?的成熟度要求/, '');
  return rest.split(strip(subdomainName)).join('') === '';
}

describe('edition db12-t1073-2021 against the text of DB12/T 1073—2021', () => {
  it('has 5 elements, 13 domains, 23 subdomains, 99 items and 495 requirements', () => {
    const domains = edition.elements.flatMap((e) => e.domains);
    const subdomains = domains.flatMap((d) => d.subdomains);
    const items = subdomains.flatMap((s) => s.items);
    expect([edition.elements.length, domains.length, subdomains.length, items.length]).toEqual([5, 13, 23, 99]);
    expect(items.flatMap((i) => i.requirements)).toHaveLength(495);
  });

  it('has the number of items per subdomain that tables 1–10 have', () => {
    const counts = Object.fromEntries(
      edition.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.map((s) => [`${s.id} ${s.name}`, s.items.length]))),
    );
    expect(counts).toEqual({
      'P1-1 人员技能': 5, 'T1-1 数据': 4, 'T2-1 集成': 3, 'T3-1 信息安全': 5, 'R1-1 装备': 5, 'R2-1 网络': 3,
      'M1-1 产品设计': 4, 'M1-2 工艺设计': 4, 'M2-1 采购': 5, 'M2-2 计划与调度': 3, 'M2-3 生产作业': 5,
      'M2-4 设备管理': 4, 'M2-5 仓储配送': 4, 'M2-6 安全环保': 3, 'M2-7 能源管理': 5, 'M3-1 物流': 5,
      'M4-1 销售': 5, 'M5-1 客户服务': 3, 'M5-2 产品服务': 4, 'G1-1 组织战略': 4, 'G1-2 经营管控': 6,
      'G2-1 融合管理': 6, 'G2-2 IT运维': 4,
    });
  });

  it('holds every cell verbatim and in order, with only table furniture between cells', () => {
    let at = 0;
    const problems: string[] = [];
    let previousTable = '';
    for (const e of edition.elements) {
      for (const d of e.domains) {
        for (const s of d.subdomains) {
          s.items.forEach((item, itemIndex) => {
            const pieces = [item.name, ...[...item.requirements].sort((a, b) => a.level - b.level).map((r) => r.text)].map(strip);
            pieces.forEach((piece, p) => {
              const found = stream.indexOf(piece, at);
              if (found < 0) {
                problems.push(`${item.id} piece ${p} not found after ${at}: ${piece}`);
                return;
              }
              const gap = stream.slice(at, found);
              const tableStart = itemIndex === 0 && p === 0 && s.source !== previousTable;
              if (gap && !(p === 0 ? isNoise(gap, s.name, tableStart) : isNoise(gap, s.name, false))) {
                problems.push(`${item.id} piece ${p}: unexpected text before it: ${gap}`);
              }
              if (!breaks.has(found) || !breaks.has(found + piece.length)) {
                problems.push(`${item.id} piece ${p}: boundary inside a printed line: ${piece}`);
              }
              at = found + piece.length;
            });
            if (itemIndex === 0) previousTable = s.source ?? '';
          });
        }
      }
    }
    expect(problems).toEqual([]);
    expect(stream.slice(at)).toBe(''); // nothing left after the last cell of table 10
  });

  it('keeps texts as printed: no line-break whitespace, no trimmed or doubled spaces', () => {
    const texts = edition.elements.flatMap((e) =>
      e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.flatMap((i) => [i.name, ...i.requirements.map((r) => r.text)]))),
    );
    for (const t of texts) {
      expect(t).toBe(t.trim());
      expect(t).not.toMatch(/\n|\s{2,}/);
    }
  });

  it('has the level names and characteristics of §4.2', () => {
    expect(edition.levels.map((l) => `${l.label}（${l.name}）`)).toEqual([
      '一级（规划级）', '二级（规范级）', '三级（集成级）', '四级（优化级）', '五级（引领级）',
    ]);
    const text = strip(source);
    for (const l of edition.levels) {
      expect(text).toContain(`${l.label}（${l.name}）：${l.characteristics}`);
    }
  });
});
