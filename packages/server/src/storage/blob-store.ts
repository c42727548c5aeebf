// Where evidence files live: content-addressed by SHA-256 behind a small interface, so the file system
// (fs-blob-store.ts) can be replaced by an object store without touching the services.
import type { Readable } from 'node:stream';

/** The spec's default per-file limit; callers pass it (or a configured one) to `put`. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export interface StoredBlob {
  /** Lowercase hex SHA-256 of the content: the blob's name. */
  sha256: string;
  size: number;
  /** Sniffed from the content (never the client's name or Content-Type), e.g. 'application/pdf'. */
  mediaType: string;
  /** Canonical extension without the dot, e.g. 'pdf', 'docx', 'csv'. */
  extension: string;
  /** False when the same content was already stored (deduplicated). */
  created: boolean;
}

export interface BlobStore {
  /**
   * Stores the source's bytes, or nothing at all. Throws AppError FILE_EMPTY, FILE_TOO_LARGE (as soon
   * as more than maxBytes arrived; reading stops), FILE_TYPE_NOT_ALLOWED or UPLOAD_INTERRUPTED (the
   * iterator threw, or the source emitted 'aborted'). Stopping early calls the iterator's `return()`,
   * which destroys a Node stream; pass `request.iterator({ destroyOnReturn: false })` to keep a raw
   * request's socket open for the 413 answer.
   */
  put(source: AsyncIterable<Uint8Array>, limits: { maxBytes: number }): Promise<StoredBlob>;
  /** Throws AppError NOT_FOUND for an unknown or malformed hash. */
  open(sha256: string): Promise<{ stream: Readable; size: number }>;
  /** False for an unknown or malformed hash. */
  has(sha256: string): Promise<boolean>;
  /** Removes a content (the caller has made sure nothing references it); nothing happens for an unknown or malformed hash. */
  delete(sha256: string): Promise<void>;
}

/**
 * Only this exact form names a blob. Hashes come from requests and become paths, so anything else
 * (uppercase, '../', separators, NUL) is unknown rather than normalised.
 */
export const isSha256 = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
