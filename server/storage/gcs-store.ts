/**
 * @module storage/gcs-store
 * BlobStore on Google Cloud Storage through `@google-cloud/storage`. The library (~75 ms to
 * import) is loaded on the first storage call, never at server start. Objects are written with
 * the bucket's default access (nothing is made public); media reach clients only through
 * `GET /media/:id`. "Not found" becomes `undefined`/`false`; every other failure is logged with
 * the upstream detail and reported as a 502 `storage_error` without it.
 */
import type { Bucket, FileMetadata } from '@google-cloud/storage'
import { AppError, errors } from '../core/errors'
import type { Logger } from '../core/logger'
import { assertValidKey } from './keys'
import type { BlobBody, BlobMeta, BlobStore, ByteRange, ListResult, PutOptions } from './types'

export interface RetryPolicy {
  /** Tries per call, the first included. */
  attempts: number
  /** Delay before the first retry; each later one waits 4x longer (plus jitter). */
  baseDelayMs: number
}

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
const RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200 }
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504])
const RETRYABLE_CODE = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'])

export function createGcsStore(options: GcsStoreOptions): BlobStore {
  const { log } = options
  const threshold = options.resumableThreshold ?? RESUMABLE_THRESHOLD
  const retry = { ...RETRY, ...options.retry }
  let opened: Promise<Bucket> | undefined

  const bucket = () => {
    opened ??= openBucket(options).catch((error) => {
      opened = undefined
      throw error
    })
    return opened
  }

  /**
   * Runs one storage call with retries on transient failures; 404 gives `onNotFound()`,
   * anything else a logged 502. Every write here replaces a whole object with bytes the app
   * chose (content-addressed media, whole job records), so repeating one is safe.
   */
  async function call<T>(
    op: string,
    key: string,
    run: (b: Bucket) => Promise<T>,
    onNotFound: () => T
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(await bucket())
      } catch (error) {
        if (statusOf(error) === 404 && !isMissingBucket(error)) return onNotFound()
        if (error instanceof AppError) throw error
        if (attempt < retry.attempts && isTransient(error)) {
          const delay = retry.baseDelayMs * 4 ** (attempt - 1)
          await Bun.sleep(delay + Math.random() * delay * 0.2)
          continue
        }
        log.error(`Cloud Storage ${op} failed`, {
          op,
          key,
          bucket: options.bucket,
          status: statusOf(error),
          attempts: attempt,
          err: error,
        })
        throw errors.upstream('storage_error', 'The media storage service failed.', error)
      }
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

  async function put(key: string, data: Uint8Array, what: PutOptions): Promise<BlobMeta> {
    assertValidKey(key)
    return call(
      'put',
      key,
      async (b) => {
        const file = b.file(key)
        await file.save(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
          resumable: data.byteLength > threshold,
          contentType: what.contentType,
          metadata: { contentType: what.contentType, metadata: what.metadata ?? {} },
        })
        return toMeta(file.metadata, key)
      },
      () => {
        throw errors.upstream('storage_error', 'The media storage service failed.')
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

  async function remove(key: string): Promise<boolean> {
    assertValidKey(key)
    return call(
      'delete',
      key,
      async (b) => {
        await b.file(key).delete()
        return true
      },
      () => false
    )
  }

  return { kind: 'gcs', put, get, read, head, list, delete: remove }
}

async function openBucket(options: GcsStoreOptions): Promise<Bucket> {
  const { Storage } = await import('@google-cloud/storage')
  const storage = new Storage({
    ...(options.endpoint ? { apiEndpoint: options.endpoint.replace(/\/+$/, '') } : {}),
    // Retries are ours (see `call`). The library's own misbehave in 8.4.0 under Bun: a retried
    // streamed download pipes into the stream it already failed, an unhandled rejection that
    // ends the process; and an unconditional `save` switches retries off on the shared client.
    retryOptions: { autoRetry: false },
  })
  return storage.bucket(options.bucket)
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
    if (value !== null && value !== undefined) metadata[name] = String(value)
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
