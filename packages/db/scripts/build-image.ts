// `npm install` (root `prepare`) and `npm run build:image -w @cmmm/db`: makes the pre-initialised embedded
// database of the current migrations (packages/db/image/, ignored by git; see src/image.ts). Never fails the
// install: without an image the first start only takes the slow path.
import { buildImage } from '../src/image.ts';

const started = performance.now();
try {
  const { path, built } = await buildImage();
  const took = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(built ? `pre-initialised database: ${path} (${took} s)\n` : `pre-initialised database is current: ${path}\n`);
} catch (err) {
  process.stderr.write(`could not make the pre-initialised database (the first start will create it the slow way): ${(err as Error).message}\n`);
}
