// Writes name.br and name.gz beside every text file of the build (when smaller), once, at the highest
// levels: the server sends them to clients that accept them (@fastify/static preCompressed) instead
// of compressing each response on its 2 cores.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|ico)$/;
const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

export async function precompressDir(dir: string): Promise<number> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile() && TEXT.test(f.name)).map((f) => join(f.parentPath, f.name));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const body = await readFile(file);
      const [br, gz] = await Promise.all([
        toBrotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        toGzip(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      // A file that does not shrink is sent as it is (the server falls back to it).
      for (const [extension, copy] of [['.br', br], ['.gz', gz]] as const) {
        if (copy.length >= body.length) continue;
        await writeFile(`${file}${extension}`, copy);
        written++;
      }
    }),
  );
  return written;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cmmm-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir)),
    closeBundle: async () => void (await precompressDir(outDir)),
  };
}
