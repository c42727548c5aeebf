// `cmmm report`, spawned as a user runs it: a PDF for good input, a clear refusal for bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editionIndex, requireEdition } from '@cmmm/model';
import { describe, expect, it } from 'vitest';
import { cmmm, dir, expectRefused, file } from './cli-harness.ts';

function pdfText(path: string): string {
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read the report's text (apt-get install poppler-utils): ${r.error.message}`);
  return r.stdout.replace(/[ \t]+/g, ' ');
}

const edition = requireEdition();
/** Levels 1–2 largely met, 3–5 partly: 二级. */
const answers = Object.fromEntries(editionIndex(edition).requirements.map((r) => [r.requirement.id, r.level <= 2 ? 'LI' : 'PI']));
const answersFile = file('answers.json', JSON.stringify({ enterpriseType: 'discrete', tailored: [], answers }));

describe('cmmm report', () => {
  it('writes a PDF with the level, and placeholders for the enterprise when none is given', () => {
    const out = join(dir, 'report.pdf');
    const r = cmmm(['report', answersFile, '--out', out]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('二级（规范级）');
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(out);
    expect(text).toContain('二级（规范级）');
    expect(text).toContain('2.30');
    expect(text).toContain('未提供');
    expect(text).toMatch(/报告编号 CMMM-SD-[0-9A-F]{12}/);
  });

  it('takes --lang en and --enterprise', () => {
    const out = join(dir, 'report-en.pdf');
    const enterprise = file('enterprise.json', JSON.stringify({ name: '天津示范制造有限公司', regionCode: '120116', regionPath: '天津市 / 滨海新区' }));
    const r = cmmm(['report', answersFile, `--out=${out}`, '--lang', 'en', '--enterprise', enterprise]);
    expect([r.code, r.err]).toEqual([0, '']);
    const text = pdfText(out);
    expect(text).toContain('Maturity level');
    expect(text).toContain('天津示范制造有限公司');
  });

  it('refuses bad input cleanly, writing nothing', () => {
    const out = join(dir, 'never.pdf');
    expectRefused(cmmm(['report', join(dir, 'missing.json'), '--out', out]), 'FILE_UNREADABLE', /missing\.json/);
    expectRefused(cmmm(['report', file('bad.json', '{ not json'), '--out', out]), 'MALFORMED_JSON', /bad\.json/);
    expectRefused(
      cmmm(['report', file('grade.json', JSON.stringify({ enterpriseType: 'discrete', answers: { ...answers, 'P1-1.1.L1': 'YES' } })), '--out', out]),
      'BAD_GRADE',
      /P1-1\.1\.L1/,
    );
    expectRefused(cmmm(['report', answersFile, '--out', out, '--enterprise', file('ent.json', '{"name": 42}')]), 'BAD_ENTERPRISE', /name/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a wrong command line with exit status 2 and the usage', () => {
    const noOut = cmmm(['report', answersFile]);
    expectRefused(noOut, 'USAGE', /--out/);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('cmmm report FILE --out');
    expectRefused(cmmm(['report', answersFile, '--out', join(dir, 'x.pdf'), '--lang', 'fr']), 'USAGE', /zh-CN 或 en/);
    expectRefused(cmmm(['report', answersFile, '--out', join(dir, 'x.pdf'), '--colour']), 'USAGE', /--colour/);
  });
});
