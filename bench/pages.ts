// A light first page (issue 12 §4): bytes on the wire and first contentful paint of the browser app's
// pages in headless Chromium, cold (a new browser context) and warm (a reload in the same context),
// beside a one-line static HTML page served by the same server in the same run. The real server runs
// with WEB_DIST pointing at a temporary copy of the built app plus that baseline page, so the baseline
// goes through the same static handler (compression, cache headers) and nothing is written into the
// project. Measures the app as last built (`npm run build -w @cmmm/web`).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creditCodeCheckCharacter } from '@cmmm/reference';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { cookieClient } from './cookie-client.ts';

const ROUNDS = 3;
const DIST = new URL('../packages/web/dist/', import.meta.url).pathname;
const BASELINE = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>基线</title><p>静态基线页 · static baseline page</p></html>\n';
// As packages/web/playwright.config.ts launches it.
const LAUNCH = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };

async function startServer(dataDir: string, webDist: string) {
  const child = spawn(process.execPath, ['packages/server/bin/cmmm-server.js'], { env: { ...process.env, PORT: '0', DATA_DIR: dataDir, WEB_DIST: webDist, LOG_LEVEL: 'silent', DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Platform ready: (http:\/\/[^\s]+)\//.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return { child, url };
}

/** An enterprise with one diagnosis being answered and one completed; returns its cookies and both ids. */
async function prepare(url: string) {
  const client = cookieClient(url);
  const call = client.call;
  await call('GET', '/api/session');
  const first17 = '91320583PAGE00001';
  await call('POST', '/api/auth/register', {
    account: { username: 'bench-pages', password: 'Bench12345', mobile: '13900000002' },
    enterprise: { name: '页面基准企业', creditCode: first17 + creditCodeCheckCharacter(first17), organisationType: 'independent', industryCode: '351', regionCode: '320583', enterpriseType: 'discrete', contactName: '测试', contactMobile: '13900000002' },
  });
  const survey = { employees: 100, revenueBand: 'lt300', mainProducts: '零件', productionMode: 'mass', informationSystems: [], networkedEquipmentShare: 10, ncEquipmentShare: 10 };
  const started = async () => {
    const { id } = (await call('POST', '/api/self-diagnoses', { enterpriseType: 'discrete', tailored: [] })) as { id: string };
    await call('PUT', `/api/self-diagnoses/${id}/survey`, survey);
    return id;
  };
  const completed = await started();
  for (const level of [1, 2]) {
    const q = (await call('GET', `/api/self-diagnoses/${completed}/questionnaire?level=${level}`)) as { elements: { domains: { subdomains: { items: { requirement: { id: string } }[] }[] }[] }[] };
    const ids = q.elements.flatMap((e) => e.domains.flatMap((d) => d.subdomains.flatMap((s) => s.items.map((it) => it.requirement.id))));
    await call('PUT', `/api/self-diagnoses/${completed}/answers`, { answers: Object.fromEntries(ids.map((x) => [x, level === 1 ? 'FI' : 'NI'])) });
    if ((await call('POST', `/api/self-diagnoses/${completed}/submit`, {})).completed) break;
  }
  const answering = await started();
  const host = new URL(url).hostname;
  return { cookies: client.cookies().map(([name, value]) => ({ name, value, domain: host, path: '/' })), answering, completed };
}

interface Load {
  wire: number; // bytes as encoded on the wire (headers included, as Chromium counts them)
  decoded: number; // body bytes after decompression
  fcp: number; // ms from navigation start
}

/** One navigation (or reload) of the context's page: wire and decoded bytes, FCP once the network is idle. */
async function measure(context: BrowserContext, url: string, reload: boolean): Promise<Load> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  let wire = 0;
  let decoded = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (wire += e.encodedDataLength));
  cdp.on('Network.dataReceived', (e: { dataLength: number }) => void (decoded += e.dataLength));
  await cdp.send('Network.enable');
  if (reload) await page.reload({ waitUntil: 'networkidle' });
  else await page.goto(url, { waitUntil: 'networkidle' });
  const fcp = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime).then((h) => h.jsonValue() as Promise<number>);
  await cdp.detach();
  return { wire, decoded, fcp };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(10);
const spread = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${Math.round(s[0]!)} / ${Math.round(s[Math.floor(s.length / 2)]!)} / ${Math.round(s.at(-1)!)} ms`.padStart(20);
};

export async function benchPages(): Promise<string[]> {
  if (!existsSync(`${DIST}index.html`)) return ['pages: the browser app is not built (npm run build -w @cmmm/web)'];
  const webDist = mkdtempSync(join(tmpdir(), 'cmmm-bench-web-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cmmm-bench-pages-'));
  cpSync(DIST, webDist, { recursive: true });
  writeFileSync(join(webDist, 'baseline.html'), BASELINE);
  const { child, url } = await startServer(dataDir, webDist);
  let browser: Browser | undefined;
  try {
    const { cookies, answering, completed } = await prepare(url);
    browser = await chromium.launch(LAUNCH);
    const pages: [string, string, boolean][] = [
      ['baseline: static one-line page', '/baseline.html', false],
      ['home /', '/', false],
      ['login /login', '/login', false],
      ['register /register', '/register', false],
      ['answering /self-diagnoses/:id', `/self-diagnoses/${answering}`, true],
      ['result /self-diagnoses/:id/result', `/self-diagnoses/${completed}/result`, true],
    ];
    const lines = [
      `pages: headless Chromium over loopback, ${ROUNDS} rounds; bytes on the wire (decoded) of everything the page loads; FCP min / median / max`,
      `  ${'page'.padEnd(36)}${'cold wire'.padStart(10)}${'(decoded)'.padStart(11)}${'cold FCP'.padStart(20)}${'warm wire'.padStart(11)}${'warm FCP'.padStart(20)}`,
    ];
    for (const [name, path, loggedIn] of pages) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
        if (loggedIn) await context.addCookies(cookies);
        cold.push(await measure(context, `${url}${path}`, false));
        warm.push(await measure(context, `${url}${path}`, true));
        await context.close();
      }
      const median = (xs: Load[], key: 'wire' | 'decoded') => [...xs.map((x) => x[key])].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      lines.push(`  ${name.padEnd(36)}${kb(median(cold, 'wire'))} ${`(${kb(median(cold, 'decoded')).trim()})`.padStart(10)}${spread(cold.map((x) => x.fcp))}${kb(median(warm, 'wire')).padStart(11)}${spread(warm.map((x) => x.fcp))}`);
    }
    lines.push('  (aim: home under 200 KB on the wire; FCP within 2× the baseline)');
    return lines;
  } finally {
    await browser?.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(webDist, { recursive: true, force: true });
  }
}
