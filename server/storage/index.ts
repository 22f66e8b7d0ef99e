/**
 * @module storage
 * Chooses the store from config: Cloud Storage when a bucket is set, else local disk. Either
 * implementation (and the Cloud Storage client library with it) is loaded on the first storage
 * call, never at server start.
 */
import type { Config } from '../config'
import { once } from '../core/lazy'
import { createLogger, type Logger } from '../core/logger'
import type { BlobStore } from './types'

export function createBlobStore(
  storage: Config['storage'],
  // Storage failures are logged where they happen; pass the app's logger.
  log: Logger = createLogger()
): BlobStore {
  const { bucket, dataDir, gcsEndpoint } = storage
  if (!bucket) {
    return lazyStore('local', async () => (await import('./local-store')).createLocalStore(dataDir))
  }
  return lazyStore('gcs', async () =>
    (await import('./gcs-store')).createGcsStore({ bucket, endpoint: gcsEndpoint, log })
  )
}

function lazyStore(kind: BlobStore['kind'], load: () => Promise<BlobStore>): BlobStore {
  const store = once(load)
  return {
    kind,
    put: async (key, data, options) => (await store()).put(key, data, options),
    get: async (key, range) => (await store()).get(key, range),
    read: async (key) => (await store()).read(key),
    readWithMeta: async (key) => (await store()).readWithMeta(key),
    head: async (key) => (await store()).head(key),
    list: async (prefix, options) => (await store()).list(prefix, options),
    delete: async (key, options) => (await store()).delete(key, options),
  }
}
