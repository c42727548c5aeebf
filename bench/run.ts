// `npm run bench`: speed figures, each beside a baseline measured in the same run. Not a test.
// `npm run bench -- report` (or scoring, autosave) runs only the sections named; each section's
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
