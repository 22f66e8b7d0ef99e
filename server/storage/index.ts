/**
 * @module storage
 * Chooses the store from config: Cloud Storage when a bucket is set, else local disk. The
 * Cloud Storage store is cheap to create: its client library is loaded on the first call.
 */
import type { Config } from '../config'
import { createLogger, type Logger } from '../core/logger'
import { createGcsStore } from './gcs-store'
import { createLocalStore } from './local-store'
import type { BlobStore } from './types'

export function createBlobStore(
  storage: Config['storage'],
  // Storage failures are logged where they happen; pass the app's logger.
  log: Logger = createLogger()
): BlobStore {
  if (!storage.bucket) return createLocalStore(storage.dataDir)
  return createGcsStore({ bucket: storage.bucket, endpoint: storage.gcsEndpoint, log })
}
