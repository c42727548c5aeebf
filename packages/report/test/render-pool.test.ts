// The worker-thread render pool: the same PDF text as a direct render, concurrency, errors, close.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexReportView, buildReportView, renderPdf, renderReportPdf, type ReportView } from '../src/index.ts';
import { createRenderPool } from '../src/render-pool.ts';
import { sampleReportInput } from './fixture.ts';
import { indexReportInput } from './index-fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmmm-render-pool-'));
let files = 0;

/** The PDF's text layer (pdftotext, from poppler-utils). */
function pdfText(pdf: Buffer): string {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read the report's text (apt-get install poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

describe('createRenderPool', () => {
  const pool = createRenderPool({ threads: 2 });
  const view = buildReportView(sampleReportInput());
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the same text as a direct render, as a Buffer', async () => {
    const [pooled, direct] = await Promise.all([pool.render(view), renderReportPdf(view)]);
    expect(Buffer.isBuffer(pooled)).toBe(true);
    expect(pooled.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pooled)).toBe(pdfText(direct));
  });

  it('renders two reports at once (Chinese and English)', async () => {
    const english = buildReportView(sampleReportInput({ language: 'en' }));
    const [zh, en] = await Promise.all([pool.render(view), pool.render(english)]);
    expect(pdfText(zh)).toContain('目录');
    expect(pdfText(en)).toContain('Contents');
  });

  it('renders an 指数报告 (no labels) as a direct render does', async () => {
    const index = buildIndexReportView(indexReportInput());
    const [pooled, direct] = await Promise.all([pool.render(index), renderPdf(index)]);
    expect(pdfText(pooled)).toBe(pdfText(direct));
    expect(pdfText(pooled)).toContain('问题短板');
  });

  it('rejects with the worker’s error message and goes on rendering', async () => {
    const broken = { ...view, summary: undefined } as unknown as ReportView;
    await expect(pool.render(broken)).rejects.toThrow(/^Cannot read properties of undefined/);
    expect((await pool.render(view)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('rejects a view whose labels are not the standard ones (they cannot cross to a worker)', async () => {
    await expect(pool.render({ ...view, labels: { ...view.labels } })).rejects.toThrow(/standard labels/);
  });

  it('close() waits for the render in flight, then later renders reject', async () => {
    const own = createRenderPool({ threads: 1 });
    const inFlight = own.render(view);
    await own.close();
    expect((await inFlight).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(own.render(view)).rejects.toThrow(/closed/);
  });
});
