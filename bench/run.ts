// `npm run bench`: speed figures, each beside a baseline measured in the same run. Not a test.
// `npm run bench -- report` (or scoring, autosave, peers, demo-seed, formal, registry, pages, start) runs only the sections named; each section's
// module is loaded only when it runs.
export {};
const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
const chosen = process.argv.slice(2);
const wanted = (section: string) => chosen.length === 0 || chosen.includes(section);
if (wanted('scoring')) print((await import('./scoring.ts')).benchScoring(seconds));
if (wanted('autosave')) print(await (await import('./autosave.ts')).benchAutosave(Math.max(3, seconds * 2)));
if (wanted('report')) {
  const { benchReport, benchReportStall } = await import('./report.ts');
  print(await benchReport());
  print(await benchReportStall(seconds));
}
if (wanted('peers')) print(await (await import('./peers.ts')).benchPeers());
// demo-seed: issue 11 §1 — the set-based demo seed (BENCH_ENTERPRISES) and the admins' enterprise lists on it.
if (wanted('demo-seed')) print(await (await import('./demo-seed.ts')).benchDemoSeed());
if (chosen.includes('dashboard')) print(await (await import('./demo-seed.ts')).benchDashboard());
// index-reports: issue 11 §3 — a 指数报告's figures, 问题短板 and PDF on the seeded results (BENCH_ENTERPRISES).
if (chosen.includes('index-reports')) print(await (await import('./demo-seed.ts')).benchIndexReports());
// formal: issue 10 §6 — working sheet, rating saves, certificate PDF, then the registry on PostgreSQL
// (`-- registry` runs that part alone).
if (wanted('formal')) print(await (await import('./formal.ts')).benchFormal(seconds));
if (wanted('formal') || chosen.includes('registry')) print(await (await import('./formal-registry.ts')).benchRegistry());
// start: issue 12 §5 — first start and restart of the real server, time to the first answer and peak memory.
if (wanted('start')) print(await (await import('./start.ts')).benchStart());
// pages: issue 12 §4 — bytes and first contentful paint per page in headless Chromium.
if (wanted('pages')) print(await (await import('./pages.ts')).benchPages());
