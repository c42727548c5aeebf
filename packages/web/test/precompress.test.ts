// The build's precompression: .br and .gz beside every text file that shrinks, decoding to the file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../build/precompress.ts';

const dir = mkdtempSync(join(tmpdir(), 'cmmm-precompress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes brotli and gzip copies of text files, in subdirectories too, and leaves other files alone', async () => {
    mkdirSync(join(dir, 'assets'));
    const script = 'export const x = "智能制造能力成熟度";\n'.repeat(200);
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>平台</title>'.repeat(20));
    writeFileSync(join(dir, 'logo.png'), randomBytes(2000));
    // Random bytes do not shrink: a copy would only cost the server a lookup.
    writeFileSync(join(dir, 'noise.json'), randomBytes(200));

    expect(await precompressDir(dir)).toBe(4);
    expect(brotliDecompressSync(readFileSync(join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(script);
    expect(readFileSync(join(dir, 'assets', 'index-abc.js.br')).length).toBeLessThan(script.length / 10);
    expect(existsSync(join(dir, 'index.html.br')) && existsSync(join(dir, 'index.html.gz'))).toBe(true);
    expect(existsSync(join(dir, 'logo.png.br')) || existsSync(join(dir, 'noise.json.br')) || existsSync(join(dir, 'noise.json.gz'))).toBe(false);
  });
});
