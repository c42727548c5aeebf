// Issue 10 §6, the formal assessment's performance aims, each figure beside baselines measured in the
// same run, as min / median / max of ROUNDS rounds (BENCH_ROUNDS, at least 3):
//   - the working sheet of a 五级 assessment, 3 raters × 495 requirements: < 300 ms (embedded database);
//   - saving a rating: ≥ 500/s at 20 connections;
//   - the certificate PDF: < 500 ms;
//   - the public registry over 100,000 certificates: < 100 ms on PostgreSQL (formal-registry.ts).
// The first three run against the real server process (packages/server/bin/cmmm-server.js) on a fresh
// embedded database prepared by formal-setup.ts, then — when BENCH_DATABASE_URL (or TEST_DATABASE_URL)
// names a PostgreSQL server — again on a throwaway database there. The in-process baselines run on the
// prepared database before the server opens it (the embedded database has one owner at a time).
// BENCH_PROFILE=<dir> writes the server's CPU profile there.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { buildCertificateView, configurePdfmake, FONT_FAMILY, renderPdf } from '@cmmm/report';
import autocannon from 'autocannon';
import type { ServiceContext } from '../packages/server/src/context.ts';
import { benchServerUrl, prepareFormalBench, throwawayDatabase, type FormalBenchData } from './formal-setup.ts';
import { fmtMs, fmtRate, latency, rate, ROUNDS, row, spread, verdict, type Spread } from './formal-timing.ts';

const CONNECTIONS = 20;
const GRADES = ['FI', 'LI', 'PI', 'NI'] as const;
const debug = (m: string) => process.env.BENCH_DEBUG && process.stderr.write(`${m}\n`);

/** The working sheet's queries (working-sheet.ts), straight to the database through the same repositories. */
async function sheetQueries(ctx: ServiceContext, assessmentId: string, selfDiagnosisId: string) {
  const r = ctx.repos.formalRatings;
  return Promise.all([
    ctx.repos.selfDiagnoses.listAnswers(selfDiagnosisId),
    r.countEvidenceByRequirement(assessmentId),
    r.listRatings(assessmentId),
    r.listSubmissions(assessmentId),
    r.listConsensus(assessmentId),
    r.listDomainSummaries(assessmentId),
    r.findFirstMeeting(assessmentId),
  ]);
}

const onePagePdf = () =>
  configurePdfmake()
    .createPdf({ pageSize: 'A4', pageOrientation: 'landscape', defaultStyle: { font: FONT_FAMILY }, content: [{ text: '智能制造能力成熟度等级证书', fontSize: 26 }, { text: '五级（引领级）' }] })
    .getBuffer();

interface InProcess {
  sheetSql: Spread;
  sheetSqlRows: number;
  upserts: Spread;
  certificateRender: Spread;
  onePage: Spread;
}

/** Baselines on the prepared database, in this process, before the server opens it. */
async function inProcessBaselines(ctx: ServiceContext, data: FormalBenchData, seconds: number): Promise<InProcess> {
  const sheetRow = await ctx.repos.formalAssessments.findFormalAssessment(data.sheet.id);
  const results = await sheetQueries(ctx, data.sheet.id, sheetRow!.self_diagnosis_id);
  const sheetSql = await latency(5, () => sheetQueries(ctx, data.sheet.id, sheetRow!.self_diagnosis_id));
  // The rating upsert (formal-ratings.ts saveRating) alone, 20 callers, on the assessment the server's saves go to.
  const team = (await ctx.repos.formalAssessments.listTeam(data.saving.id)).map((m) => m.assessor_id);
  const scope = data.saving.scope;
  const upserts = await rate(Math.max(1, seconds / 2), CONNECTIONS, (i) =>
    ctx.repos.formalRatings.saveRating({ assessmentId: data.saving.id, assessorId: team[i % team.length]!, requirementId: scope[i % scope.length]!, grade: GRADES[i % 4]!, note: null, at: new Date() }),
  );
  // The certificate's own render (no HTTP, no database) and a one-page PDF with the same pdfmake and font.
  const enterprise = await ctx.repos.enterprises.findEnterpriseById(sheetRow!.enterprise_id);
  const certificate = await ctx.repos.certificates.findCertificateByNumber(data.sheet.certificateNumber);
  const view = buildCertificateView({
    language: 'zh-CN',
    editionId: sheetRow!.edition_id,
    certificateNumber: certificate!.certificate_number,
    enterprise: { name: enterprise!.name, creditCode: enterprise!.credit_code },
    level: certificate!.level,
    capability: certificate!.capability,
    scope: certificate!.scope,
    body: '苏州智能制造评估中心',
    issuedOn: certificate!.issued_on,
    validUntil: certificate!.valid_until,
    verifyUrl: `http://127.0.0.1:3000/verify/${certificate!.certificate_number}`,
  });
  const certificateRender = await latency(5, () => renderPdf(view));
  const onePage = await latency(5, onePagePdf);
  return { sheetSql, sheetSqlRows: results[2].length, upserts, certificateRender, onePage };
}

async function startServer(dataDir: string, databaseUrl?: string): Promise<{ child: ChildProcessByStdio<null, Readable, null>; url: string }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), 'packages/server/bin/cmmm-server.js'], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl ?? '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Platform ready: (http:\/\/[^\s]+?)\/?\s/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, url };
}

/**
 * autocannon at CONNECTIONS connections for `seconds`, ROUNDS rounds, after one unmeasured second (the
 * server's first requests of a kind compile and load code): requests per second and the worst p99.
 */
async function load(url: string, seconds: number, request: autocannon.Request): Promise<{ rate: Spread; p99: number; failed: number }> {
  const rates: number[] = [];
  let p99 = 0;
  let failed = 0;
  await autocannon({ url, connections: CONNECTIONS, duration: 1, requests: [request] });
  for (let r = 0; r < ROUNDS; r++) {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, maxOverallRequests: 200_000, requests: [request] });
    rates.push(result.requests.average);
    p99 = Math.max(p99, result.latency.p99);
    failed += result.non2xx + result.errors + result.timeouts;
  }
  return { rate: spread(rates), p99, failed };
}

/** The three on-site figures with the server on one database: the embedded one, or PostgreSQL at `databaseUrl`. */
async function onSite(seconds: number, databaseUrl?: string): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-bench-formal-'));
  try {
    const t0 = Date.now();
    const { data, extra: base } = await prepareFormalBench({ dataDir, databaseUrl }, (ctx, d) => inProcessBaselines(ctx, d, seconds));
    debug(`prepared in ${Date.now() - t0} ms`);
    const { child, url } = await startServer(dataDir, databaseUrl);
    try {
      // The working sheet, as the lead (a rater who has submitted: all three raters' ratings show).
      const lead = data.sheet.raters[0]!.client.moveTo(url); // the sessions of the setup, kept in the database
      const sheetPath = `${data.sheet.url}/working-sheet`;
      const first = await lead.get<{ rows: unknown[]; raters: unknown[] }>(sheetPath);
      if (first.status !== 200) throw new Error(`bench: working sheet answered ${first.status}`);
      const ping = await latency(20, () => lead.get('/api/ping'));
      const sheet = await latency(5, () => lead.get(sheetPath));

      // Saving ratings: the three raters of the other assessment in turn, each request another requirement and grade.
      const raters = data.saving.raters.map((r) => r.client.moveTo(url));
      let n = 0;
      const save = await load(url, seconds, {
        method: 'PUT',
        path: `${data.saving.url}/ratings/${data.saving.scope[0]}`,
        setupRequest: (req) => {
          const i = n++;
          return { ...req, path: `${data.saving.url}/ratings/${data.saving.scope[i % data.saving.scope.length]}`, headers: raters[i % 3]!.headers(), body: JSON.stringify({ grade: GRADES[(i + Math.floor(i / 3)) % 4] }) };
        },
      });
      const hello = await load(url, seconds, { method: 'GET', path: '/api/ping' });

      // The certificate PDF, as the enterprise that holds it.
      const holder = data.sheet.enterprise.client.moveTo(url);
      const pdfPath = `/api/certificates/${encodeURIComponent(data.sheet.certificateNumber)}.pdf`;
      const pdf = await holder.get(pdfPath);
      if (pdf.status !== 200) throw new Error(`bench: certificate PDF answered ${pdf.status}`);
      const certificate = await latency(5, () => holder.get(pdfPath));

      const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`;
      const where = databaseUrl ? 'PostgreSQL (a throwaway database on BENCH_DATABASE_URL / TEST_DATABASE_URL)' : 'the embedded database';
      return [
        `formal assessment (issue 10 §6) on ${where}: the real server process over loopback; min / median / max of ${ROUNDS} rounds`,
        `working sheet, 五级, ${first.body.raters.length} raters × ${first.body.rows.length} requirements (GET …/working-sheet as the lead, ${kib(first.bytes)}), median of 5 per round`,
        row('over HTTP', fmtMs(sheet), databaseUrl ? '' : verdict(sheet.median < 300, '< 300 ms')),
        row('baseline: its rows by 7 plain selects, in process', fmtMs(base.sheetSql), `(${base.sheetSqlRows} ratings)`),
        row('baseline: GET /api/ping, same server', fmtMs(ping)),
        `saving a rating (PUT …/ratings/:requirementId, 3 raters in turn), ${CONNECTIONS} connections, ${seconds} s per round`,
        row('over HTTP', fmtRate(save.rate, 'req/s'), `${verdict(save.rate.median >= 500, '≥ 500/s')}; p99 ≤ ${save.p99} ms; ${save.failed} non-2xx`),
        row('baseline: the upsert alone, in process', fmtRate(base.upserts, 'upserts/s'), `(${CONNECTIONS} callers)`),
        row('baseline: GET /api/ping, same server', fmtRate(hello.rate, 'req/s'), `p99 ≤ ${hello.p99} ms`),
        `certificate PDF (GET /api/certificates/:number.pdf as its enterprise, 五级, ${kib(pdf.bytes)}), median of 5 per round`,
        row('over HTTP', fmtMs(certificate), verdict(certificate.median < 500, '< 500 ms')),
        row('baseline: the same view rendered in process', fmtMs(base.certificateRender)),
        row('baseline: a one-page PDF, same pdfmake and font', fmtMs(base.onePage)),
      ];
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** On the embedded database (the aims are set there), then on PostgreSQL when a server is given. */
export async function benchFormal(seconds = 2): Promise<string[]> {
  const embedded = await onSite(seconds);
  const server = benchServerUrl();
  if (!server) return [...embedded, '', 'formal assessment on PostgreSQL: skipped — set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server where a database may be created'];
  const throwaway = await throwawayDatabase(server);
  try {
    return [...embedded, '', ...(await onSite(seconds, throwaway.url))];
  } finally {
    await throwaway.drop();
  }
}
