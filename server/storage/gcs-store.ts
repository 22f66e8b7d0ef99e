/**
 * @module storage/gcs-store
 * BlobStore on Google Cloud Storage through `@google-cloud/storage`. The library (~75 ms to
 * import) is loaded on the first storage call, never at server start. Objects are written with
 * the bucket's default access (nothing is made public); media reach clients only through
 * `GET /media/:id`. "Not found" becomes `undefined`/`false`; every other failure is logged with
 * the upstream detail and reported as a 502 `storage_error` without it. Conditional writes use
 * Cloud Storage's own `ifGenerationMatch`; a 412 becomes `PreconditionFailed`.
 */
import type { Bucket, FileMetadata } from '@google-cloud/storage'
import { AppError, errors } from '../core/errors'
import { once } from '../core/lazy'
import type { Logger } from '../core/logger'
import { type RetryPolicy, withRetry } from '../core/retry'
import { assertValidKey } from './keys'
import {
  type BlobBody,
  type BlobMeta,
  type BlobObject,
  type BlobStore,
  type ByteRange,
  type DeleteOptions,
  type ListResult,
  PreconditionFailed,
  type PutOptions,
} from './types'

export interface GcsStoreOptions {
  bucket: string
  /** JSON API endpoint override (a fake or an emulator); no credentials are sent to it. */
  endpoint?: string
  log: Logger
  retry?: Partial<RetryPolicy>
  /** Objects larger than this go up as resumable uploads; smaller ones in one request. */
  resumableThreshold?: number
}

const RESUMABLE_THRESHOLD = 5 * 1024 * 1024
/** Storage calls are quick: short backoff, and no server-requested wait is sat through. */
const RETRY: RetryPolicy = { retries: 2, minDelayMs: 200, maxDelayMs: 3_200, maxWaitMs: 0 }
/** Custom metadata naming one conditional `put` call (kept across its retries; never returned). */
const WRITE_ID = 'ais-write-id'
/** Reads at one pinned generation before giving up on an object that keeps changing. */
const READ_TRIES = 3
const STORAGE_FAILED = 'The storage service failed.'
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])
const RETRYABLE_CODE = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'])

export function createGcsStore(options: GcsStoreOptions): BlobStore {
  const { log } = options
  const threshold = options.resumableThreshold ?? RESUMABLE_THRESHOLD
  const retry = { ...RETRY, ...options.retry }
  const bucket = once(() => openBucket(options))

  /**
   * Runs one storage call with retries on transient failures; 404 gives `onNotFound()`,
   * `PreconditionFailed` passes through, anything else is a logged 502. `run` learns which
   * attempt it is, because a retried write may follow a first attempt that took effect and only
   * lost its answer: an unconditional write replaces a whole object with bytes the app chose,
   * so repeating it is safe; a conditional one then meets its own write (see `put`, `remove`).
   */
  async function call<T>(
    op: string,
    key: string,
    run: (b: Bucket, attempt: number) => Promise<T>,
    onNotFound: () => T
  ): Promise<T> {
    let attempts = 0
    try {
      const b = await bucket()
      return await withRetry(
        (attempt) => {
          attempts = attempt
          return run(b, attempt)
        },
        { policy: retry, isRetryable: (error) => isTransient(error) && statusOf(error) !== 404 }
      )
    } catch (error) {
      if (statusOf(error) === 404 && !isMissingBucket(error)) return onNotFound()
      if (error instanceof AppError || error instanceof PreconditionFailed) throw error
      log.error(`Cloud Storage ${op} failed`, {
        op,
        key,
        bucket: options.bucket,
        status: statusOf(error),
        attempts,
        err: error,
      })
      throw errors.upstream('storage_error', STORAGE_FAILED, error)
    }
  }

  async function head(key: string): Promise<BlobMeta | undefined> {
    assertValidKey(key)
    return call(
      'head',
      key,
      async (b) => toMeta((await b.file(key).getMetadata())[0], key),
      () => undefined
    )
  }

  /**
   * A conditional put carries a write id in its custom metadata. When a retry of it meets 412,
   * the object is read: if it holds this call's write id, the earlier attempt took effect (its
   * answer was lost) and the put succeeded; otherwise someone else's write got there first.
   */
  async function put(key: string, data: Uint8Array, what: PutOptions): Promise<BlobMeta> {
    assertValidKey(key)
    const expected = what.ifGenerationMatch
    const writeId = expected === undefined ? undefined : crypto.randomUUID()
    const metadata = writeId ? { ...what.metadata, [WRITE_ID]: writeId } : (what.metadata ?? {})
    return call(
      'put',
      key,
      async (b, attempt) => {
        const file = b.file(key)
        try {
          await file.save(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
            resumable: data.byteLength > threshold,
            contentType: what.contentType,
            metadata: { contentType: what.contentType, metadata },
            ...(expected === undefined
              ? {}
              : { preconditionOpts: { ifGenerationMatch: expected } }),
          })
        } catch (error) {
          if (expected === undefined || statusOf(error) !== 412) throw error
          if (attempt > 1) {
            const now = await currentMetadata(b, key)
            if (now && now.metadata?.[WRITE_ID] === writeId) return toMeta(now, key)
          }
          throw new PreconditionFailed(key, expected)
        }
        return toMeta(file.metadata, key)
      },
      () => {
        throw errors.upstream('storage_error', STORAGE_FAILED)
      }
    )
  }

  async function get(key: string, range?: ByteRange): Promise<BlobBody | undefined> {
    const meta = await head(key)
    if (!meta) return undefined
    return call(
      'get',
      key,
      async (b) => {
        const stream = b
          .file(key)
          .createReadStream(range ? { start: range.start, end: range.end } : {})
        return { meta, body: await toWebStream(stream) }
      },
      () => undefined
    )
  }

  async function read(key: string): Promise<Uint8Array | undefined> {
    assertValidKey(key)
    return call(
      'read',
      key,
      async (b) => {
        const [buffer] = await b.file(key).download()
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
      },
      () => undefined
    )
  }

  /** Reads the metadata, then the bytes of exactly that generation (a newer write is a 404 there). */
  async function readWithMeta(key: string): Promise<BlobObject | undefined> {
    for (let tries = 1; tries <= READ_TRIES; tries++) {
      const meta = await head(key)
      if (!meta) return undefined
      const bytes = await call(
        'read',
        key,
        async (b) => {
          const [buffer] = await b.file(key, { generation: meta.generation }).download()
          return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
        },
        () => undefined
      )
      if (bytes) return { meta, bytes }
    }
    log.error('Cloud Storage object kept changing while read', { key, bucket: options.bucket })
    throw errors.upstream('storage_error', STORAGE_FAILED)
  }

  async function list(
    prefix: string,
    page: { pageToken?: string; limit?: number } = {}
  ): Promise<ListResult> {
    return call(
      'list',
      prefix,
      async (b): Promise<ListResult> => {
        const [files, next] = await b.getFiles({
          prefix,
          maxResults: page.limit ?? 100,
          pageToken: page.pageToken,
          autoPaginate: false,
        })
        const items = files.map((f) => toMeta(f.metadata, f.name))
        return next?.pageToken ? { items, nextPageToken: next.pageToken } : { items }
      },
      (): ListResult => ({ items: [] })
    )
  }

  /** A retry that finds the object gone counts it deleted: the earlier attempt may have done it. */
  async function remove(key: string, options: DeleteOptions = {}): Promise<boolean> {
    assertValidKey(key)
    const expected = options.ifGenerationMatch
    return call(
      'delete',
      key,
      async (b, attempt) => {
        try {
          await b.file(key).delete(expected === undefined ? {} : { ifGenerationMatch: expected })
          return true
        } catch (error) {
          if (expected !== undefined && statusOf(error) === 412) {
            throw new PreconditionFailed(key, expected)
          }
          if (attempt > 1 && statusOf(error) === 404 && !isMissingBucket(error)) return true
          throw error
        }
      },
      () => false
    )
  }

  return { kind: 'gcs', put, get, read, readWithMeta, head, list, delete: remove }
}

async function openBucket(options: GcsStoreOptions): Promise<Bucket> {
  const { Storage } = await import('@google-cloud/storage')
  const storage = new Storage({
    ...(options.endpoint ? { apiEndpoint: options.endpoint.replace(/\/+$/, '') } : {}),
    // Retries are ours (see `call`). The library's own misbehave in 8.4.0 under Bun: a retried
    // streamed download pipes into the stream it already failed, an unhandled rejection that
    // ends the process; an unconditional `save` switches retries off on the shared client; and
    // a retried conditional write would report its own first attempt as a conflict.
    retryOptions: { autoRetry: false },
  })
  return storage.bucket(options.bucket)
}

/** The object's metadata now, or undefined when it does not exist. */
async function currentMetadata(b: Bucket, key: string): Promise<FileMetadata | undefined> {
  try {
    return (await b.file(key).getMetadata())[0]
  } catch (error) {
    if (statusOf(error) === 404 && !isMissingBucket(error)) return undefined
    throw error
  }
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'number' ? code : undefined
}

/** A missing bucket is a configuration fault, not a missing object: it must not read as 404. */
function isMissingBucket(error: unknown): boolean {
  return /bucket does not exist/i.test(String((error as { message?: unknown } | null)?.message))
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'number' ? RETRYABLE_STATUS.has(code) : RETRYABLE_CODE.has(String(code))
}

function toMeta(m: FileMetadata, key: string): BlobMeta {
  const metadata: Record<string, string> = {}
  for (const [name, value] of Object.entries(m.metadata ?? {})) {
    if (value !== null && value !== undefined && name !== WRITE_ID) metadata[name] = String(value)
  }
  // The same validator as the local store (hex MD5), so ETags do not change with the backend.
  const etag = m.md5Hash
    ? `"${Buffer.from(m.md5Hash, 'base64').toString('hex')}"`
    : `"${String(m.etag ?? m.generation ?? '')}"`
  return {
    key,
    size: Number(m.size ?? 0),
    contentType: m.contentType ?? 'application/octet-stream',
    etag,
    generation: String(m.generation ?? '0'),
    updated: m.updated ?? new Date().toISOString(),
    metadata,
  }
}

/**
 * Wraps the library's Node stream as a web stream. The first chunk is awaited before returning,
 * so a failing download becomes an error here (a clean 404 or 502) rather than a response that
 * breaks off after its headers were sent.
 */
async function toWebStream(stream: NodeJS.ReadableStream): Promise<ReadableStream<Uint8Array>> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>
  let first: IteratorResult<Uint8Array> | undefined = await chunks.next()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = first ?? (await chunks.next())
      first = undefined
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    async cancel() {
      await chunks.return?.()
    },
  })
}
