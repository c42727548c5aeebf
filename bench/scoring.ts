// Scoring throughput: the engine on full random assessments (495 answers each) beside a baseline
// measured in the same run — a flat loop summing the same grades with precomputed weights.
import { prng } from '../packages/server/src/services/platform/demo-data.ts';
import { analyseGap, compilePlan, describeScore, GradeCode, requireEdition, scoreSheet, type AnswerSheet, type ScoringPlan } from '@cmmm/model';

/** Mostly good answers, so that most assessments go through all five levels. */
function randomSheets(plan: ScoringPlan, count: number): AnswerSheet[] {
  const random = prng(20261121);
  return Array.from({ length: count }, () =>
    Uint8Array.from(plan.requirementIds, () => {
      const x = random();
      return x < 0.5 ? GradeCode.FI : x < 0.9 ? GradeCode.LI : x < 0.97 ? GradeCode.PI : GradeCode.NI;
    }),
  );
}

function timeLoop(seconds: number, sheets: readonly AnswerSheet[], run: (sheet: AnswerSheet) => void): { perSecond: number; microseconds: number } {
  // warm-up, then whole passes over the sheets until the time is up
  for (const s of sheets.slice(0, 200)) run(s);
  let done = 0;
  const start = process.hrtime.bigint();
  const limit = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < limit) {
    for (const s of sheets) run(s);
    done += sheets.length;
    now = process.hrtime.bigint();
  }
  const elapsed = Number(now - start) / 1e9;
  return { perSecond: done / elapsed, microseconds: (elapsed * 1e6) / done };
}

export function benchScoring(seconds = 2): string[] {
  const plan = compilePlan(requireEdition(), { enterpriseType: 'discrete' });
  if (!plan.ok) throw new Error('plan');
  const p = plan.value;
  const sheets = randomSheets(p, 2000);

  let levels = 0;
  for (const s of sheets) {
    const r = scoreSheet(p, s);
    if (r.ok) levels += r.value.levels.length;
  }

  // Baseline: per requirement, the weight it carries in its level score, precomputed once.
  const weightOf = new Float64Array(p.requirementIds.length);
  const levelOf = new Uint8Array(p.requirementIds.length);
  p.subdomains.forEach((s, si) =>
    s.byLevel.forEach((reqs, l) => reqs.forEach((r) => {
      weightOf[r] = (Number(p.fullForms.root.bigCoef[si]) / p.fullForms.root.den) * 10;
      levelOf[r] = l;
    })),
  );
  const points = [0, 1, 0.8, 0.5, 0, 0];
  const levelSums = new Float64Array(5);
  let sink = 0;
  const baseline = timeLoop(seconds, sheets, (sheet) => {
    levelSums.fill(0);
    for (let i = 0; i < sheet.length; i++) levelSums[levelOf[i]!]! += weightOf[i]! * points[sheet[i]!]!;
    sink += levelSums[0]!;
  });
  const engine = timeLoop(seconds, sheets, (sheet) => {
    const r = scoreSheet(p, sheet);
    if (r.ok) sink += r.value.totalScore;
  });
  const full = timeLoop(seconds / 2, sheets, (sheet) => {
    const r = scoreSheet(p, sheet);
    if (r.ok) sink += describeScore(r.value, analyseGap(r.value)).totalScore;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable');

  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    `scoring: ${sheets.length} random full assessments (495 answers each), ${(levels / sheets.length).toFixed(2)} levels evaluated on average, one core`,
    `  engine (scoreSheet, exact)        ${fmt(engine.perSecond).padStart(10)} assessments/s  ${engine.microseconds.toFixed(2).padStart(7)} µs each`,
    `  baseline (flat weighted sum)      ${fmt(baseline.perSecond).padStart(10)} assessments/s  ${baseline.microseconds.toFixed(2).padStart(7)} µs each`,
    `  ratio engine / baseline time      ${(engine.microseconds / baseline.microseconds).toFixed(2)}×   (aim: ≥ 50,000/s and within 5×)`,
    `  with JSON result and gap analysis ${fmt(full.perSecond).padStart(10)} assessments/s  ${full.microseconds.toFixed(2).padStart(7)} µs each`,
  ];
}
