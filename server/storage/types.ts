/**
 * @module storage/types
 * The BlobStore contract: the app's only persistent state (media, job records) lives behind it.
 * Two stores implement it: local disk under DATA_DIR (default) and Cloud Storage.
 * Keys are made by the app (content hashes or random ids), never from user input.
 */

export interface BlobMeta {
  key: string
  size: number
  contentType: string
  /** Strong validator for the stored bytes (quoted, as sent in `ETag`). */
  etag: string
  /** ISO time the object was written. */
  updated: string
  metadata: Record<string, string>
}

export interface PutOptions {
  contentType: string
  metadata?: Record<string, string>
}

/** Inclusive byte range, as in HTTP `Range: bytes=start-end`. */
export interface ByteRange {
  start: number
  end: number
}

export interface BlobBody {
  meta: BlobMeta
  body: ReadableStream<Uint8Array>
}

export interface ListResult {
  items: BlobMeta[]
  nextPageToken?: string
}

export interface BlobStore {
  readonly kind: 'local' | 'gcs'
  put(key: string, data: Uint8Array, options: PutOptions): Promise<BlobMeta>
  /** The object (or one byte range of it); undefined when it does not exist. */
  get(key: string, range?: ByteRange): Promise<BlobBody | undefined>
  /** The whole object as bytes (small objects: job records, input images). */
  read(key: string): Promise<Uint8Array | undefined>
  head(key: string): Promise<BlobMeta | undefined>
  list(prefix: string, options?: { pageToken?: string; limit?: number }): Promise<ListResult>
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>
}
