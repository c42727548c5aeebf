// The blob store on the local file system: <root>/<first two hex digits>/<sha256>, written through
// <root>/tmp so that a final path only ever names a complete, synced file.
import { createHash, randomUUID } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import { isSha256, type BlobStore, type StoredBlob } from './blob-store.ts';
import { sniffMediaType, type RandomAccessBytes } from './sniff-media-type.ts';

/** Kept in memory while receiving: every signature but the zip and OLE directories lies in it. */
const SNIFF_HEAD_BYTES = 8 * 1024;

/** A temp file not written to for this long when a store starts is a crashed upload's leftover. */
export const STALE_TEMP_MS = 60_000;

export async function createFsBlobStore(root: string): Promise<BlobStore> {
  const tmp = join(root, 'tmp'); // not two hex digits, so never a shard
  await mkdir(tmp, { recursive: true });
  // File times are the file system's wall clock, so they are compared with the wall clock.
  await removeStaleTemps(tmp, Date.now());
  const shardOf = (sha256: string) => join(root, sha256.slice(0, 2));
  const pathOf = (sha256: string) => join(shardOf(sha256), sha256);

  return {
    async put(source, { maxBytes }): Promise<StoredBlob> {
      if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a positive integer, not ${maxBytes}`);
      const tmpPath = join(tmp, `${randomUUID()}.part`);
      const file = await open(tmpPath, 'wx+', 0o600);
      let fileOpen = true;
      try {
        const { sha256, size, head } = await receive(source, file, maxBytes);
        if (size === 0) throw new AppError('FILE_EMPTY');
        const type = await sniffMediaType(fileBytes(file, size, head));
        if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED');
        const stored = { sha256, size, mediaType: type.mediaType, extension: type.extension };
        const target = pathOf(sha256);
        if (await exists(target)) return { ...stored, created: false };
        await file.sync();
        await file.close();
        fileOpen = false;
        const newShard = await mkdir(shardOf(sha256), { recursive: true });
        const created = await linkOnce(tmpPath, target);
        // The new directory entries survive a power cut too, not only the file's bytes.
        await syncDirectory(shardOf(sha256));
        if (newShard !== undefined) await syncDirectory(root);
        return { ...stored, created };
      } finally {
        if (fileOpen) await file.close().catch(() => {});
        // Linked (or failed): the temp name goes either way. One that cannot be removed now is swept
        // at the next start; its error must not replace the one the caller needs to see.
        await rm(tmpPath, { force: true }).catch(() => {});
      }
    },

    async open(sha256) {
      if (!isSha256(sha256)) throw new AppError('NOT_FOUND');
      let file: FileHandle;
      try {
        file = await open(pathOf(sha256), 'r');
      } catch (error) {
        if (errorCode(error) === 'ENOENT') throw new AppError('NOT_FOUND');
        throw error;
      }
      try {
        // The size from the open handle, not the path, so that it is the size of the file streamed.
        const { size } = await file.stat();
        return { stream: file.createReadStream(), size }; // closes the handle when it ends or is destroyed
      } catch (error) {
        await file.close();
        throw error;
      }
    },

    async has(sha256) {
      return isSha256(sha256) && (await exists(pathOf(sha256)));
    },

    async delete(sha256) {
      if (isSha256(sha256)) await rm(pathOf(sha256), { force: true });
    },
  };
}

/** Streams the source into the temp file, hashing and counting; stops as soon as maxBytes is passed. */
async function receive(source: AsyncIterable<Uint8Array>, file: FileHandle, maxBytes: number) {
  const hash = createHash('sha256');
  const head: Uint8Array[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of interruptible(source)) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new AppError('FILE_TOO_LARGE');
    hash.update(chunk);
    if (headLength < SNIFF_HEAD_BYTES) {
      // A copy: a source may reuse its buffer for the next chunk.
      const part = chunk.slice(0, SNIFF_HEAD_BYTES - headLength);
      head.push(part);
      headLength += part.byteLength;
    }
    let written = 0;
    while (written < chunk.byteLength) written += (await file.write(chunk, written, chunk.byteLength - written)).bytesWritten;
  }
  return { sha256: hash.digest('hex'), size, head: Buffer.concat(head) };
}

interface AbortSignalling {
  once(event: 'aborted', listener: () => void): unknown;
  off(event: 'aborted', listener: () => void): unknown;
}

const signalsAbort = (source: object): source is AbortSignalling =>
  typeof (source as Partial<AbortSignalling>).once === 'function' && typeof (source as Partial<AbortSignalling>).off === 'function';

const markedAborted = (source: object) => {
  const flags = source as { aborted?: unknown; readableAborted?: unknown };
  return flags.aborted === true || flags.readableAborted === true;
};

function interrupted(cause?: unknown): AppError {
  const error = new AppError('UPLOAD_INTERRUPTED');
  if (cause !== undefined) error.cause = cause; // for the log; the client sees the code only
  return error;
}

/**
 * The source's chunks, or UPLOAD_INTERRUPTED when its iterator throws or it emits 'aborted'. A request
 * that loses its client does both, but a source may only emit the event, or end normally after it, or
 * never end at all: so the wait for each chunk is raced against the event, and the flags are checked
 * at the end.
 */
async function* interruptible(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void> {
  let abortedSeen = markedAborted(source);
  let reject: (error: AppError) => void = () => {};
  const aborted = new Promise<never>((_, rejectWith) => (reject = rejectWith));
  aborted.catch(() => {}); // observed through the race; unobserved when nothing aborts
  const onAborted = () => {
    abortedSeen = true;
    reject(interrupted());
  };
  if (abortedSeen) onAborted();
  if (signalsAbort(source)) source.once('aborted', onAborted);
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = iterator.next();
      next.catch(() => {}); // when 'aborted' wins the race, a later rejection here is no one's concern
      let step: IteratorResult<Uint8Array>;
      try {
        step = await Promise.race([next, aborted]);
      } catch (error) {
        throw error instanceof AppError ? error : interrupted(error);
      }
      if (step.done) break;
      yield step.value;
    }
    finished = true;
    if (abortedSeen || markedAborted(source)) throw interrupted();
  } finally {
    if (signalsAbort(source)) source.off('aborted', onAborted);
    if (!finished) {
      // Stop reading: the iterator protocol's way (a Node stream destroys itself). Not awaited: after
      // 'aborted' a generator's return() queues behind the next() that may never settle, so a stream
      // that signalled it is destroyed outright, which settles that next().
      try {
        Promise.resolve(iterator.return?.()).catch(() => {});
      } catch {
        // a source whose return() throws has stopped too
      }
      const destroyable = source as { destroy?: unknown };
      if (abortedSeen && typeof destroyable.destroy === 'function') (destroyable.destroy as () => void).call(source);
    }
  }
}

/** The temp file for the sniffer: the head from memory, the rest (zip and OLE directories) from disk. */
function fileBytes(file: FileHandle, size: number, head: Uint8Array): RandomAccessBytes {
  return {
    size,
    async read(offset, length) {
      const start = Math.max(0, offset);
      const end = Math.min(size, start + length);
      if (start >= end) return new Uint8Array(0);
      if (end <= head.length) return head.subarray(start, end);
      const buffer = Buffer.alloc(end - start);
      let filled = 0;
      while (filled < buffer.length) {
        const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    },
  };
}

/**
 * Gives the temp file its final name without ever replacing one, so of two identical uploads at the
 * same moment exactly one reports created. False when the content was there already.
 */
async function linkOnce(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    // The temp file was swept by another process starting while this upload stalled for a minute.
    if (code === 'ENOENT') throw interrupted(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  }
  // A file system without hard links: rename is atomic as well, and replacing identical bytes is harmless.
  const existed = await exists(to);
  await rename(from, to);
  return !existed;
}

async function syncDirectory(path: string) {
  let dir: FileHandle | undefined;
  try {
    dir = await open(path, 'r');
    await dir.sync();
  } catch (error) {
    // Windows cannot open a directory, and some file systems refuse to sync one: nothing more to do there.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await dir?.close();
  }
}

/**
 * Removes temp files nobody has written to for STALE_TEMP_MS: a crash's leftovers. Not all of them:
 * on PostgreSQL nothing stops a second server process from sharing the data dir, and its uploads in
 * progress keep their temp files fresh with every write. (One of its uploads stalled for longer loses
 * its temp file and fails UPLOAD_INTERRUPTED; nothing half-written is stored either way.)
 */
async function removeStaleTemps(tmp: string, now: number) {
  for (const name of await readdir(tmp)) {
    const path = join(tmp, name);
    try {
      const info = await lstat(path);
      if (info.isFile() && now - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true });
    } catch {
      // Gone already, or not removable now (open elsewhere on Windows): the next start tries again.
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;
