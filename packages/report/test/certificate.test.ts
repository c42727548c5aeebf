// The 智能制造能力成熟度等级证书: the view (pure) and the one-page PDF read back through pdftotext, for a
// 预定义评估 (level) and a 自定义评估 (domains), in Chinese and English, and through the worker pool.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_EDITION_ID, requireEdition } from '@cmmm/model';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCertificateView, createRenderPool, renderPdf, type CertificateInput } from '../src/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmmm-certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The PDF's text layer and page count (pdftotext, pdfinfo from poppler-utils). */
function pdfOf(pdf: Buffer): { text: string; tight: string; pages: number } {
  const path = join(dir, `${++files}.pdf`);
  writeFileSync(path, pdf);
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  if (r.error) throw new Error(`pdftotext is needed to read the certificate's text (apt-get install poppler-utils): ${r.error.message}`);
  const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
  return { text: r.stdout.replace(/[ \t]+/g, ' '), tight: r.stdout.replace(/\s+/g, ''), pages };
}

const NUMBER = 'CMMM-3-20261230-1A2B3C4D5E';
const input = (over: Partial<CertificateInput> = {}): CertificateInput => ({
  language: 'zh-CN',
  editionId: DEFAULT_EDITION_ID,
  certificateNumber: NUMBER,
  enterprise: { name: '无锡精工智造科技有限公司', creditCode: '91320214MA1XYZ1234' },
  level: 3,
  capability: null,
  scope: '精密数控机床零部件的设计、生产、销售',
  body: '苏州智造评估中心',
  issuedOn: '2026-12-30',
  validUntil: '2029-12-31',
  verifyUrl: `https://cmmm.example.cn/verify/${NUMBER}`,
  ...over,
});
const DOMAINS = ['设计', '生产', '物流', '销售', '服务', '资源要素', '互联互通', '系统集成', '信息融合', '新兴业态', '组织战略', '人员技能', '数据'];

describe('buildCertificateView', () => {
  it('has the level with its name, the facts and the verification address', () => {
    const v = buildCertificateView(input());
    expect(v).toMatchObject({ kind: 'certificate', certificateNumber: NUMBER, enterprise: '无锡精工智造科技有限公司', levelText: '三级（集成级）', capability: [] });
    const field = (label: string) => v.fields.find((f) => f.label === label)?.value;
    expect(field('发证日期')).toBe('2026年12月30日');
    expect(field('有效期至')).toBe('2029年12月31日');
    expect(field('评估机构')).toBe('苏州智造评估中心');
    expect(field('评估依据')).toContain(requireEdition(DEFAULT_EDITION_ID).standard);
    expect(buildCertificateView(input({ body: null })).fields.find((f) => f.label === '评估机构')?.value).toBe('未登记');
  });

  it('lists the domains of a 自定义评估 with their capability levels, and names levels in English', () => {
    const v = buildCertificateView(input({ level: null, capability: [{ name: '生产', level: 3 }, { name: '设计', level: 2 }] }));
    expect(v.levelText).toBeNull();
    expect(v.capability).toEqual([{ domain: '生产', level: '三级（集成级）' }, { domain: '设计', level: '二级（规范级）' }]);
    expect(buildCertificateView(input({ language: 'en' })).levelText).toBe('Level 3 – Integrated (三级（集成级）)');
  });
});

describe('the certificate PDF', () => {
  it('is one page with the title, enterprise, level, number and the verification address', async () => {
    const pdf = pdfOf(await renderPdf(buildCertificateView(input())));
    expect(pdf.pages).toBe(1);
    for (const s of ['智能制造能力成熟度等级证书', 'Certificate of Intelligent Manufacturing Capability Maturity', '无锡精工智造科技有限公司', '91320214MA1XYZ1234', '三级（集成级）', NUMBER, '2029年12月31日', '苏州智造评估中心', '扫码核验证书']) {
      expect(pdf.tight).toContain(s.replace(/\s+/g, ''));
    }
    expect(pdf.tight).toContain(`https://cmmm.example.cn/verify/${NUMBER}`);
  });

  it('stays on one page for a 自定义评估 of many domains, and in English', async () => {
    const custom = pdfOf(await renderPdf(buildCertificateView(input({ level: null, capability: DOMAINS.map((name, i) => ({ name, level: 1 + (i % 5) })) }))));
    expect(custom.pages).toBe(1);
    expect(custom.tight).toContain('能力域及能力成熟度等级');
    for (const d of DOMAINS) expect(custom.tight).toContain(d);
    const english = pdfOf(await renderPdf(buildCertificateView(input({ language: 'en' }))));
    expect(english.pages).toBe(1);
    expect(english.text).toContain('Certificate of Intelligent Manufacturing Capability Maturity');
    expect(english.text).toContain('Valid until');
    expect(english.tight).toContain('31December2029');
  });

  it('renders through the worker pool', async () => {
    const pool = createRenderPool({ threads: 1 });
    try {
      const pdf = pdfOf(await pool.render(buildCertificateView(input({ language: 'en' }))));
      expect(pdf.tight).toContain(NUMBER);
      expect(pdf.text).toContain('Level 3');
    } finally {
      await pool.close();
    }
  });
});
