// The operator's region maps (MAP_DIR): one GeoJSON FeatureCollection per region whose children it draws,
// named by the region's GB/T 2260 code — 000000.json the nation, 320000.json a province, 320500.json a city.
// The platform ships none: a published map of China needs approval, so only the operator can supply one.
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What identifies one version of a file: it changes when the file is replaced or edited. */
export interface RegionMapVersion {
  version: string;
  size: number;
}

export interface RegionMapFiles {
  /** The version of a region's file, or null when the operator supplied none (or no map directory at all). */
  find(region: string): Promise<RegionMapVersion | null>;
  /** The file's bytes and the version they are (read through one handle, so the two agree); null when it is gone. */
  read(region: string): Promise<(RegionMapVersion & { bytes: Buffer }) | null>;
}

/** No MAP_DIR: every region answers that no map was supplied. */
export const noRegionMaps: RegionMapFiles = { find: async () => null, read: async () => null };

// Codes come from requests and become file names: only this exact form names a file (no '..', no separators).
const isRegionFileCode = (region: string): boolean => /^\d{6}$/.test(region);

const versionOf = (s: { mtimeMs: number; size: number; ino: number }): string => `${s.ino}-${s.mtimeMs}-${s.size}`;

const missing = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

export function fsRegionMapFiles(dir: string): RegionMapFiles {
  const pathOf = (region: string) => join(dir, `${region}.json`);
  return {
    async find(region) {
      if (!isRegionFileCode(region)) return null;
      try {
        const s = await stat(pathOf(region));
        return s.isFile() ? { version: versionOf(s), size: s.size } : null;
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async read(region) {
      if (!isRegionFileCode(region)) return null;
      let handle;
      try {
        handle = await open(pathOf(region), 'r');
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
      try {
        const s = await handle.stat();
        if (!s.isFile()) return null;
        return { version: versionOf(s), size: s.size, bytes: await handle.readFile() };
      } finally {
        await handle.close();
      }
    },
  };
}
