// Timing helpers of the formal-assessment bench: every figure is taken in several rounds (the machine is
// shared and noisy) and printed as min / median / max of the rounds, beside its baseline.

export const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));

const now = () => process.hrtime.bigint();
export const msSince = (t0: bigint) => Number(now() - t0) / 1e6;

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export const spread = (xs: readonly number[]): Spread => ({ min: Math.min(...xs), median: median(xs), max: Math.max(...xs) });

/** One round's figure: the median time of `calls` calls of f, in ms (after one warm-up call per round). */
export async function roundLatency(calls: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = now();
    await f();
    times.push(msSince(t0));
  }
  return median(times);
}

/** The latency of f over ROUNDS rounds: each round the median of `calls` calls. */
export async function latency(calls: number, f: () => Promise<unknown>): Promise<Spread> {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(await roundLatency(calls, f));
  return spread(rounds);
}

/** Operations per second with `concurrency` callers for `seconds`, in ROUNDS rounds. */
export async function rate(seconds: number, concurrency: number, f: (i: number) => Promise<unknown>): Promise<Spread> {
  const rounds: number[] = [];
  let n = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let done = 0;
    const t0 = now();
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await f(n++);
          done++;
        }
      }),
    );
    rounds.push(done / (msSince(t0) / 1000));
  }
  return spread(rounds);
}

const pad = (s: string, n: number) => s.padStart(n);
export const fmtMs = (s: Spread, width = 7) => `${pad(s.min.toFixed(1), width)} / ${pad(s.median.toFixed(1), width)} / ${pad(s.max.toFixed(1), width)} ms`;
export const fmtRate = (s: Spread, unit: string, width = 7) => {
  const f = (x: number) => pad(Math.round(x).toLocaleString('en-US'), width);
  return `${f(s.min)} / ${f(s.median)} / ${f(s.max)} ${unit}`;
};
/** A labelled row, the label padded to one column. */
export const row = (label: string, figure: string, note = '') => `  ${label.padEnd(44)}${figure}${note ? `   ${note}` : ''}`;
/** Whether a figure meets its aim, as the row's note says it. */
export const verdict = (ok: boolean, aim: string) => `${ok ? 'meets' : 'MISSES'} the aim ${aim}`;
