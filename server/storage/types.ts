/**
 * @module storage/types
 * The BlobStore contract: the app's only persistent state (media, job records, saved work) lives
 * behind it. Two stores implement it: local disk under DATA_DIR (default) and Cloud Storage.
 * Keys are made by the app (content hashes, random or validated ids), never raw user input.
 *
 * Conditional writes: every object has a `generation` that changes on each write (Cloud
 * Storage's object generation; on disk a per-key counter kept in the metadata file). `put` and
 * `delete` take `ifGenerationMatch`, as Cloud Storage does: `'0'` means "only if the object does
 * not exist", any other value "only if the current generation is this one". When it does not
 * hold, nothing is written and the call throws `PreconditionFailed`. This is the compare-and-swap
 * that read-modify-write state (job records, library documents and their index) is built on:
 *
 * @example
 * const current = await store.readWithMeta(key)
 * const next = update(current?.bytes)
 * try {
 *   await store.put(key, next, { contentType, ifGenerationMatch: current?.meta.generation ?? '0' })
 * } catch (error) {
 *   if (error instanceof PreconditionFailed) // someone else wrote first: re-read and try again
 * }
 */

export interface BlobMeta {
  key: string
  size: number
  contentType: string
  /** Strong validator for the stored bytes (quoted hex MD5, as sent in `ETag`). */
  etag: string
  /**
   * Identifies this version of the object; changes on every write, also when the bytes are the
   * same. A decimal string that grows over time for a key (Cloud Storage's generations are
   * write times in microseconds; the local store keeps its own increasing): compare as BigInt.
   */
  generation: string
  /** ISO time the object was written. */
  updated: string
  metadata: Record<string, string>
}

export interface PutOptions {
  contentType: string
  metadata?: Record<string, string>
  /** Write only if the object's generation is this one (`'0'`: only if it does not exist). */
  ifGenerationMatch?: string
}

export interface DeleteOptions {
  /** Delete only if the object's generation is this one. */
  ifGenerationMatch?: string
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

export interface BlobObject {
  /** The meta of exactly these bytes (its generation is the one to pass to a conditional write). */
  meta: BlobMeta
  bytes: Uint8Array
}

export interface ListResult {
  items: BlobMeta[]
  nextPageToken?: string
}

/**
 * A conditional `put` or `delete` whose `ifGenerationMatch` did not hold; nothing was written.
 * The library routes answer it with 412, the job store re-reads and tries again.
 */
export class PreconditionFailed extends Error {
  override name = 'PreconditionFailed'
  readonly key: string
  /** The generation the caller expected. */
  readonly expected: string

  constructor(key: string, expected: string) {
    super(`The object ${key} is not at generation ${expected}.`)
    this.key = key
    this.expected = expected
  }
}

export interface BlobStore {
  readonly kind: 'local' | 'gcs'
  /** Writes the whole object. @throws {PreconditionFailed} when `ifGenerationMatch` does not hold. */
  put(key: string, data: Uint8Array, options: PutOptions): Promise<BlobMeta>
  /** The object (or one byte range of it); undefined when it does not exist. */
  get(key: string, range?: ByteRange): Promise<BlobBody | undefined>
  /** The whole object as bytes (small objects: job records, input images). */
  read(key: string): Promise<Uint8Array | undefined>
  /**
   * The whole object with the meta of the same version, even while others write it: the input
   * of a read-modify-write (small objects only).
   */
  readWithMeta(key: string): Promise<BlobObject | undefined>
  head(key: string): Promise<BlobMeta | undefined>
  list(prefix: string, options?: { pageToken?: string; limit?: number }): Promise<ListResult>
  /**
   * True when something was deleted (false: there was nothing).
   * @throws {PreconditionFailed} when `ifGenerationMatch` does not hold.
   */
  delete(key: string, options?: DeleteOptions): Promise<boolean>
}
