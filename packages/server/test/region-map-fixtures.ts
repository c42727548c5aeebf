// Made-up region maps for the tests: one unit square per region, side by side near 0°N 0°E, carrying
// only a code and a name. Never real geometry: the platform ships no map of China, its tests neither.
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SquareFeature {
  code: string | number;
  /** Where the code is: DataV's `adcode` (the default) or `code`. */
  key?: 'adcode' | 'code';
  name?: string;
}

const square = (i: number) => [[[i * 2, 0], [i * 2 + 1, 0], [i * 2 + 1, 1], [i * 2, 1], [i * 2, 0]]];

export function squareMap(features: SquareFeature[]) {
  return {
    type: 'FeatureCollection',
    features: features.map((f, i) => ({
      type: 'Feature',
      properties: { [f.key ?? 'adcode']: f.code, name: f.name ?? `地区${f.code}` },
      geometry: { type: 'Polygon', coordinates: square(i) },
    })),
  };
}

/** A temp map directory (MAP_DIR): `files` by name, an object written as JSON, a string as it is. */
export function mapDir() {
  const dir = join(tmpdir(), `cmmm-maps-${randomUUID()}`);
  return {
    dir,
    async write(files: Record<string, unknown>) {
      await mkdir(dir, { recursive: true });
      for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
