// Extracts appendix 1 of seed 004 (CESI《智能制造能力成熟度应用实践报告》2022, 附录 1 智能制造能力成熟度评估实践:
// 304 enterprises with 省, 市, 等级, 范围) into packages/reference/data/certified-enterprises-2022.json,
// the data file that src/certified-2022.ts parses and checks.
//
//   npx tsx packages/reference/scripts/extract-certified-2022.ts [SEED_FILE] [--check]
//
// SEED_FILE defaults to /work/shared/seeds/004_976e4b9f61c0d9d3.txt. --check writes nothing and fails
// when the committed data file differs from what the seed gives.
//
// The appendix is PDF-extracted text: tab-separated cells, the column header 序号 企业名称 省 市 等级 范围
// repeated on every page, blank lines (and possibly page headers or footers) between pages, and rows that
// may wrap over several lines. A row starts with its 序号 (the next number expected) and a tab; any other
// non-blank line that is neither a header nor a page number continues the row above (its first piece
// joins the last cell, further tab-separated pieces are further cells). Every joined row is printed so it
// can be checked by eye. Cells are kept as published (trimmed only): names with ASCII brackets, the
// city cell repeating the province, a county-level city in the 市 column, the odd 范围 that begins with
// a bracket. Nothing is corrected or invented.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = '/work/shared/seeds/004_976e4b9f61c0d9d3.txt';
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'certified-enterprises-2022.json');
const HEADER = ['序号', '企业名称', '省', '市', '等级', '范围'];
const NEXT_TABLE = /^序号\t地区\t文件名称\t主要内容/; // appendix 2 begins
const EXPECTED = 304;

export interface Extracted {
  cells: string[];
  lines: number[];
}

/** The rows of appendix 1 (cells as published) and the lines skipped as page numbers. */
export function extract(text: string): { rows: Extracted[]; skipped: { line: number; text: string }[] } {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.split('\t').join('|') === HEADER.join('|'));
  if (start < 0) throw new Error('appendix 1 header (序号 企业名称 省 市 等级 范围) not found');
  const rows: Extracted[] = [];
  const skipped: { line: number; text: string }[] = [];
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    if (NEXT_TABLE.test(raw)) break;
    const line = raw.trim();
    if (!line) continue;
    if (line.split('\t').join('|') === HEADER.join('|')) continue;
    const next = rows.length + 1;
    const m = /^(\d+)\t/.exec(raw);
    if (m && Number(m[1]) === next) {
      rows.push({ cells: raw.split('\t').map((c) => c.trim()), lines: [i + 1] });
      continue;
    }
    if (/^\d+$/.test(line) || rows.length === 0) {
      // A page number, or text before the first row.
      skipped.push({ line: i + 1, text: raw });
      continue;
    }
    // A wrapped row: the first piece continues the last cell, the rest are further cells.
    const row = rows[rows.length - 1]!;
    const [first, ...rest] = raw.split('\t').map((c) => c.trim());
    row.cells[row.cells.length - 1] += first ?? '';
    row.cells.push(...rest);
    row.lines.push(i + 1);
  }
  return { rows, skipped };
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const seed = args.find((a) => !a.startsWith('--')) ?? DEFAULT_SEED;
  const { rows, skipped } = extract(readFileSync(seed, 'utf8'));

  const problems: string[] = [];
  if (rows.length !== EXPECTED) problems.push(`${rows.length} rows, expected ${EXPECTED}`);
  for (const r of rows) {
    if (r.cells.length !== HEADER.length) problems.push(`row ${r.cells[0]} (line ${r.lines.join(', ')}): ${r.cells.length} cells`);
    else if (r.cells.some((c) => !c)) problems.push(`row ${r.cells[0]} (line ${r.lines.join(', ')}): an empty cell`);
  }
  for (const s of skipped) console.log(`skipped line ${s.line}: ${s.text}`);
  const wrapped = rows.filter((r) => r.lines.length > 1);
  console.log(`${rows.length} rows; ${wrapped.length} wrapped over lines; ${skipped.length} other lines skipped`);
  for (const r of wrapped) console.log(`wrapped (lines ${r.lines.join(', ')}): ${r.cells.join(' | ')}`);
  const repeated = rows.filter((r) => r.cells[2] === r.cells[3]);
  for (const r of repeated) console.log(`city repeats the province: ${r.cells.join(' | ')}`);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }

  const json = [
    '{',
    `  "source": "practice_report_2022",`,
    `  "title": "中国电子技术标准化研究院《智能制造能力成熟度应用实践报告》（2022 年 11 月）附录 1 智能制造能力成熟度评估实践",`,
    `  "publishedYear": 2022,`,
    `  "columns": ${JSON.stringify(HEADER)},`,
    '  "rows": [',
    rows.map((r) => `    ${JSON.stringify(r.cells)}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
  if (check) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      // missing: differs
    }
    if (current !== json) {
      console.error(`${OUT} differs from the seed's appendix 1: run without --check to rewrite it`);
      process.exit(1);
    }
    console.log(`${OUT} matches the seed`);
    return;
  }
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}`);
}

// Run as a script (not when a test imports extract).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
