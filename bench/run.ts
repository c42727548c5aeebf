// `npm run bench`: speed figures, each beside a baseline measured in the same run. Not a test.
import { benchScoring } from './scoring.ts';

const lines = benchScoring(Number(process.env.BENCH_SECONDS ?? 2));
process.stdout.write(`${lines.join('\n')}\n`);
