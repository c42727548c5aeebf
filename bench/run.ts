// `npm run bench`: speed figures, each beside a baseline measured in the same run. Not a test.
import { benchAutosave } from './autosave.ts';
import { benchReport } from './report.ts';
import { benchScoring } from './scoring.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const print = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n\n`);
print(benchScoring(seconds));
print(await benchAutosave(Math.max(3, seconds * 2)));
print(await benchReport());
