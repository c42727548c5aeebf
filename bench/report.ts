// Report throughput: building one self-diagnosis report (view + charts + PDF with the embedded CJK
// font), beside a baseline measured in the same run — a one-page pdfmake document with the same font.
import { assess, requireEdition, type Grade } from '@cmmm/model';
import { buildReportView, configurePdfmake, FONT_FAMILY, renderReportPdf, type ReportInput } from '@cmmm/report';

function sampleInput(): ReportInput {
  const edition = requireEdition();
  const answers: Record<string, Grade> = {};
  let n = 0;
  const pattern: Record<number, Grade[]> = { 1: ['FI', 'LI', 'FI', 'PI'], 2: ['LI', 'FI', 'PI', 'LI'], 3: ['PI', 'LI', 'NI', 'FI'], 4: ['NI', 'PI', 'NI'], 5: ['NI', 'NI', 'PI'] };
  for (const e of edition.elements)
    for (const d of e.domains)
      for (const s of d.subdomains)
        for (const i of s.items)
          for (const r of i.requirements) answers[r.id] = pattern[r.level]![n++ % pattern[r.level]!.length]!;
  const result = assess({ enterpriseType: 'discrete', answers });
  if (!result.ok) throw new Error('bench input');
  return {
    result: result.value,
    edition,
    answers,
    enterprise: { name: '无锡精工智造科技有限公司', creditCode: '91320214MA1XYZ1234', industryName: 'C34 通用设备制造业', regionPath: '江苏省 / 无锡市 / 新吴区', enterpriseType: 'discrete', regionCode: '320214' },
    reportNumber: 'CMMM-BENCH-0001',
    issuedAt: new Date('2026-11-22T00:00:00Z'),
    verifyUrl: 'https://cmmm.example.cn/verify/CMMM-BENCH-0001',
    peers: [{ group: 'industry', label: 'C34', peers: 37, percentile: 68 }],
    language: 'zh-CN',
  };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeEach(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    times.push(ms(t0));
  }
  return median(times);
}

/** Completed renders per second with `concurrency` in flight, for about `seconds`. */
async function throughput(seconds: number, concurrency: number, f: () => Promise<unknown>): Promise<number> {
  let done = 0;
  const t0 = process.hrtime.bigint();
  while (ms(t0) < seconds * 1000) {
    await Promise.all(Array.from({ length: concurrency }, f));
    done += concurrency;
  }
  return done / (ms(t0) / 1000);
}

export async function benchReport(seconds = 2): Promise<string[]> {
  const input = sampleInput();
  const report = async () => renderReportPdf(buildReportView(input));
  const onePage = async () =>
    configurePdfmake()
      .createPdf({ pageSize: 'A4', defaultStyle: { font: FONT_FAMILY }, content: [{ text: '智能制造能力成熟度自诊断报告', fontSize: 18 }, { text: '二级（规范级） 总分 S 2.39' }] })
      .getBuffer();
  const pdf = await report();
  const reportMs = await timeEach(5, report);
  const baselineMs = await timeEach(5, onePage);
  const reportRate = await throughput(seconds, 4, report);
  const baselineRate = await throughput(Math.min(seconds, 1), 4, onePage);
  return [
    'report (view + charts + PDF, Noto Sans SC subset embedded)',
    `  one report:             ${reportMs.toFixed(0)} ms median of 5 (${Math.round(pdf.length / 1024)} KiB)`,
    `  baseline one-page PDF:  ${baselineMs.toFixed(1)} ms median of 5`,
    `  4 concurrent renders:   ${reportRate.toFixed(1)} reports/s (baseline ${baselineRate.toFixed(0)} one-page PDFs/s)`,
  ];
}
