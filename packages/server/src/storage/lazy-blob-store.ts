// The file-system blob store opened on first use, so a service context can be made synchronously
// (its root directory is created and swept of crashed uploads' leftovers when first needed).
import type { BlobStore } from './blob-store.ts';
import { createFsBlobStore } from './fs-blob-store.ts';

export function lazyFsBlobStore(root: string): BlobStore {
  let store: Promise<BlobStore> | undefined;
  const get = () => (store ??= createFsBlobStore(root));
  return {
    put: async (source, limits) => (await get()).put(source, limits),
    open: async (sha256) => (await get()).open(sha256),
    has: async (sha256) => (await get()).has(sha256),
    delete: async (sha256) => (await get()).delete(sha256),
  };
}
