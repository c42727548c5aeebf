// Report throughput: building one self-diagnosis report (view + charts + PDF with the embedded CJK
// font), beside a baseline measured in the same run — a one-page pdfmake document with the same font.
// Then the event-loop stall: /health latency of an HTTP server while reports render in its process,
// rendered on the main thread (as before the render pool) beside the worker-thread render pool.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { policiesFor, roadmapFor } from '@cmmm/advice';
import { assess, requireEdition, type Grade } from '@cmmm/model';
import { buildReportView, configurePdfmake, createRenderPool, FONT_FAMILY, renderReportPdf, type ReportInput } from '@cmmm/report';
import Fastify from 'fastify';

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
    enterprise: { name: '无锡精工智造科技有限公司', creditCode: '91320214MA1XYZ1234', industryName: 'C34 通用设备制造业', regionPath: '江苏省 / 无锡市 / 新吴区', enterpriseType: 'discrete' },
    reportNumber: 'CMMM-BENCH-0001',
    issuedAt: new Date('2026-11-22T00:00:00Z'),
    verifyUrl: 'https://cmmm.example.cn/verify/CMMM-BENCH-0001',
    peers: [{ group: 'industry', label: 'C34', peers: 37, percentile: 68 }],
    roadmap: roadmapFor(result.value, edition),
    policies: policiesFor('320214', result.value.level), // 无锡市新吴区
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

/**
 * Sends GET /health open-loop — one request every PROBE_INTERVAL ms whatever is still outstanding,
 * so a stalled server cannot hold back the probes that would see the stall — from a worker thread
 * (its own event loop), between 'start' and 'stop'; answers with the latencies in ms.
 */
const PROBE_INTERVAL = 20;
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
let latencies = [], outstanding = 0, timer = null, stopping = false;
const done = () => { if (stopping && outstanding === 0) { stopping = false; parentPort.postMessage(latencies); latencies = []; } };
const probe = () => {
  const t0 = process.hrtime.bigint();
  outstanding++;
  http.get(workerData.url, { agent }, (res) => {
    res.resume();
    res.on('end', () => { latencies.push(Number(process.hrtime.bigint() - t0) / 1e6); outstanding--; done(); });
  }).on('error', (e) => { throw e; });
};
parentPort.on('message', (m) => {
  if (m === 'start') timer = setInterval(probe, ${PROBE_INTERVAL});
  else { clearInterval(timer); stopping = true; done(); }
});`;

interface Latency {
  p50: number;
  p99: number;
}

function percentiles(xs: number[]): Latency {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** /health latency idle and while `concurrent` reports render through `render`, in one process. */
async function stall(render: (input: ReportInput) => Promise<Buffer>, concurrent: number, idleSeconds: number) {
  const input = sampleInput();
  const app = Fastify();
  app.get('/health', async () => ({ ok: true }));
  app.get('/render', async (_request, reply) => reply.type('application/pdf').send(await render(input)));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const probes = new Worker(PROBE, { eval: true, workerData: { url: `${url}/health` } });
  const measure = async (during: () => Promise<unknown>): Promise<Latency> => {
    const latencies = new Promise<number[]>((resolve, reject) => probes.once('message', resolve).once('error', reject));
    probes.postMessage('start');
    await during();
    probes.postMessage('stop');
    return percentiles(await latencies);
  };
  const renders = () => Promise.all(Array.from({ length: concurrent }, () => fetch(`${url}/render`).then((r) => r.arrayBuffer())));
  try {
    await renders(); // warm-up (the pool starts its workers)
    const idle = await measure(() => new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)));
    const t0 = process.hrtime.bigint();
    const busy = await measure(renders);
    return { idle, busy, seconds: ms(t0) / 1000 };
  } finally {
    await probes.terminate();
    await app.close();
  }
}

export async function benchReportStall(idleSeconds = 2): Promise<string[]> {
  const concurrent = 4;
  const threads = availableParallelism();
  const main = await stall(async (input) => renderReportPdf(buildReportView(input)), concurrent, idleSeconds);
  const pool = createRenderPool({ threads });
  const pooled = await stall(async (input) => pool.render(buildReportView(input)), concurrent, idleSeconds).finally(() => pool.close());
  const cell = (l: Latency) => `${l.p50.toFixed(1).padStart(7)} / ${l.p99.toFixed(1).padStart(7)} ms`;
  const row = (label: string, r: typeof main) => `  ${label.padEnd(28)}${cell(r.idle)}    ${cell(r.busy)}    ${r.seconds.toFixed(1)} s`;
  return [
    `report rendering vs the event loop: GET /health p50 / p99 (fastify in this process, probed every ${PROBE_INTERVAL} ms from a worker thread)`,
    `${' '.repeat(30)}idle                   during ${concurrent} renders         ${concurrent} renders took`,
    row('baseline: main thread', main),
    row(`render pool (${threads} threads)`, pooled),
  ];
}
