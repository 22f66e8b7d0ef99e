/**
 * @module storage/local-store
 * BlobStore on local disk under DATA_DIR: the bytes in `<root>/<key>`, their metadata beside
 * them in `<root>/<key>.meta.json`. Writes go to a temporary file first and are renamed into
 * place, so a crash never leaves half a file. Every write and delete of a key holds that key's
 * lock file (`file-lock.ts`), so the generation check of a conditional write and the write
 * itself are one step, also for several processes sharing the folder. A failing disk is a 502
 * `storage_error`, as a failing bucket is.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { AppError, errors } from '../core/errors'
import { errorCode, type FileLockOptions, LockTimeout, withFileLock } from './file-lock'
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

const META_SUFFIX = '.meta.json'
/** Tries at a consistent read before taking the lock. */
const READ_TRIES = 3

export interface LocalStoreOptions {
  /** Lock timing (tests shorten it). */
  lock?: FileLockOptions
}

export function createLocalStore(dataDir: string, options: LocalStoreOptions = {}): BlobStore {
  const root = resolve(dataDir)

  const pathOf = (key: string) => {
    const path = resolve(root, assertValidKey(key))
    // Belt and braces: the key alphabet already rules out escapes.
    if (!path.startsWith(root + sep)) throw new Error('storage key escapes the data directory')
    return path
  }

  const locked = async <T>(path: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await withFileLock(path, run, options.lock)
    } catch (error) {
      if (error instanceof LockTimeout) {
        throw new AppError(503, 'storage_busy', 'The storage is busy; try again shortly.', {
          headers: { 'Retry-After': '1' },
          cause: error,
        })
      }
      throw error
    }
  }

  async function head(key: string): Promise<BlobMeta | undefined> {
    const bytes = await readBytes(pathOf(key) + META_SUFFIX)
    if (!bytes) return undefined
    return withGeneration(JSON.parse(new TextDecoder().decode(bytes)) as BlobMeta)
  }

  async function writeMeta(path: string, meta: BlobMeta) {
    const tmp = `${path}${META_SUFFIX}.${crypto.randomUUID()}.tmp`
    await writeFile(tmp, JSON.stringify(meta))
    await rename(tmp, path + META_SUFFIX)
  }

  async function put(key: string, data: Uint8Array, options: PutOptions): Promise<BlobMeta> {
    const path = pathOf(key)
    await mkdir(dirname(path), { recursive: true })
    return locked(path, async () => {
      const current = await head(key)
      const expected = options.ifGenerationMatch
      if (expected !== undefined && expected !== (current?.generation ?? '0')) {
        throw new PreconditionFailed(key, expected)
      }
      const meta: BlobMeta = {
        key,
        size: data.byteLength,
        contentType: options.contentType,
        etag: md5Etag(data),
        generation: nextGeneration(current),
        updated: new Date().toISOString(),
        metadata: options.metadata ?? {},
      }
      const tmp = `${path}.${crypto.randomUUID()}.tmp`
      await writeFile(tmp, data)
      await rename(tmp, path)
      // The metadata file is written last: it marks the object complete.
      await writeMeta(path, meta)
      return meta
    })
  }

  async function get(key: string, range?: ByteRange): Promise<BlobBody | undefined> {
    const meta = await head(key)
    if (!meta) return undefined
    const file = Bun.file(pathOf(key))
    if (!(await file.exists())) return undefined
    const slice = range ? file.slice(range.start, range.end + 1) : file
    return { meta, body: slice.stream() }
  }

  async function read(key: string): Promise<Uint8Array | undefined> {
    // The metadata file is written last, so it marks a complete object; bytes without it are
    // the remains of an interrupted write.
    const path = pathOf(key)
    if (!(await Bun.file(path + META_SUFFIX).exists())) return undefined
    return readBytes(path)
  }

  /**
   * Bytes and metadata are two files, renamed one after the other by a writer: a read that
   * falls between them sees bytes that do not match the metadata's MD5. Read again; if it stays
   * so, read under the lock, and if it is still so a write crashed between its renames: the
   * bytes win and get fresh metadata (a new generation, so no old ETag matches them).
   */
  async function readWithMeta(key: string): Promise<BlobObject | undefined> {
    const path = pathOf(key)
    for (let attempt = 1; attempt <= READ_TRIES; attempt++) {
      const meta = await head(key)
      if (!meta) return undefined
      const bytes = await readBytes(path)
      if (bytes && md5Etag(bytes) === meta.etag) return { meta, bytes }
      await Bun.sleep(attempt)
    }
    return locked(path, async () => {
      const meta = await head(key)
      const bytes = await readBytes(path)
      if (!meta || !bytes) return undefined
      if (md5Etag(bytes) === meta.etag) return { meta, bytes }
      const repaired: BlobMeta = {
        ...meta,
        size: bytes.byteLength,
        etag: md5Etag(bytes),
        generation: nextGeneration(meta),
        updated: new Date().toISOString(),
      }
      await writeMeta(path, repaired)
      return { meta: repaired, bytes }
    })
  }

  async function list(
    prefix: string,
    options: { pageToken?: string; limit?: number } = {}
  ): Promise<ListResult> {
    const limit = options.limit ?? 100
    const all: string[] = []
    // Walk only the folder the prefix names (`jobs/video/` -> `<root>/jobs/video`), not the tree.
    const folder = resolve(root, prefix.slice(0, prefix.lastIndexOf('/') + 1))
    if (folder !== root && !folder.startsWith(root + sep)) return { items: [] }
    await walk(folder, all)
    const keys = all
      .filter((p) => p.endsWith(META_SUFFIX))
      .map((p) => relative(root, p).split(sep).join('/').slice(0, -META_SUFFIX.length))
      .filter((k) => k.startsWith(prefix))
      .sort()
    const start = options.pageToken ? keys.findIndex((k) => k > (options.pageToken as string)) : 0
    const page = start < 0 ? [] : keys.slice(start, start + limit)
    const items = (await Promise.all(page.map(head))).filter((m): m is BlobMeta => Boolean(m))
    const last = page.at(-1)
    const more = start >= 0 && start + limit < keys.length
    return { items, ...(more && last ? { nextPageToken: last } : {}) }
  }

  async function remove(key: string, options: DeleteOptions = {}): Promise<boolean> {
    const path = pathOf(key)
    try {
      return await locked(path, async () => {
        const current = await head(key)
        const expected = options.ifGenerationMatch
        if (current && expected !== undefined && expected !== current.generation) {
          throw new PreconditionFailed(key, expected)
        }
        await rm(path, { force: true })
        await rm(path + META_SUFFIX, { force: true })
        return Boolean(current)
      })
    } catch (error) {
      // No folder for the lock: there is no object either.
      if (errorCode(error) === 'ENOENT') return false
      throw error
    }
  }

  return guarded({ kind: 'local', put, get, read, readWithMeta, head, list, delete: remove })
}

/**
 * The disk failing (full, not writable…) is a storage failure for the client, 502
 * `storage_error` as with Cloud Storage, with the cause kept for the log; our own answers
 * (a busy lock, a stale generation, an invalid key) pass as they are.
 */
function guarded(store: BlobStore): BlobStore {
  const wrap =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args)
      } catch (error) {
        if (error instanceof AppError || error instanceof PreconditionFailed) throw error
        throw errors.upstream('storage_error', 'The storage (local disk) failed.', error)
      }
    }
  return {
    kind: store.kind,
    put: wrap(store.put),
    get: wrap(store.get),
    read: wrap(store.read),
    readWithMeta: wrap(store.readWithMeta),
    head: wrap(store.head),
    list: wrap(store.list),
    delete: wrap(store.delete),
  }
}

const md5Etag = (data: Uint8Array) => `"${new Bun.CryptoHasher('md5').update(data).digest('hex')}"`

/**
 * The whole of one file as it was when opened: size and bytes come from the same open file, so
 * a writer renaming a new version into place meanwhile cannot cut it short (`Bun.file` reads the
 * size by path first, and a read racing a rename returned half a JSON document).
 */
async function readBytes(path: string): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await readFile(path))
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Microseconds since the epoch (plus random low digits), and always above the previous
 * generation of the key: increasing per key, and unlikely to repeat one from before a delete.
 */
function nextGeneration(current: BlobMeta | undefined): string {
  const now = BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000))
  const after = current ? BigInt(current.generation) + 1n : 0n
  return String(now > after ? now : after)
}

/** Metadata written before generations existed gets one from its write time. */
function withGeneration(meta: BlobMeta): BlobMeta {
  if (typeof meta.generation === 'string' && /^\d+$/.test(meta.generation)) return meta
  const written = Date.parse(meta.updated)
  return { ...meta, generation: String(BigInt(Number.isNaN(written) ? 1 : written) * 1000n) }
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries: import('node:fs').Dirent[]
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, out)
    else out.push(path)
  }
}
