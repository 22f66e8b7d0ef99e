/**
 * @module storage/local-store
 * BlobStore on local disk under DATA_DIR: the bytes in `<root>/<key>`, their metadata beside
 * them in `<root>/<key>.meta.json`. Writes go to a temporary file first and are renamed into
 * place, so a crash never leaves half an object.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { assertValidKey } from './keys'
import type { BlobBody, BlobMeta, BlobStore, ByteRange, ListResult, PutOptions } from './types'

const META_SUFFIX = '.meta.json'

export function createLocalStore(dataDir: string): BlobStore {
  const root = resolve(dataDir)

  const pathOf = (key: string) => {
    const path = resolve(root, assertValidKey(key))
    // Belt and braces: the key alphabet already rules out escapes.
    if (!path.startsWith(root + sep)) throw new Error('storage key escapes the data directory')
    return path
  }

  async function head(key: string): Promise<BlobMeta | undefined> {
    const file = Bun.file(pathOf(key) + META_SUFFIX)
    if (!(await file.exists())) return undefined
    return (await file.json()) as BlobMeta
  }

  async function put(key: string, data: Uint8Array, options: PutOptions): Promise<BlobMeta> {
    const path = pathOf(key)
    await mkdir(dirname(path), { recursive: true })
    const meta: BlobMeta = {
      key,
      size: data.byteLength,
      contentType: options.contentType,
      etag: `"${new Bun.CryptoHasher('md5').update(data).digest('hex')}"`,
      updated: new Date().toISOString(),
      metadata: options.metadata ?? {},
    }
    const tmp = `${path}.${crypto.randomUUID()}.tmp`
    await writeFile(tmp, data)
    await rename(tmp, path)
    const metaTmp = `${path}${META_SUFFIX}.${crypto.randomUUID()}.tmp`
    await writeFile(metaTmp, JSON.stringify(meta))
    await rename(metaTmp, path + META_SUFFIX)
    return meta
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
    const file = Bun.file(path)
    if (!(await file.exists())) return undefined
    return new Uint8Array(await file.arrayBuffer())
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

  async function remove(key: string): Promise<boolean> {
    const path = pathOf(key)
    const existed = await Bun.file(path + META_SUFFIX).exists()
    await rm(path, { force: true })
    await rm(path + META_SUFFIX, { force: true })
    return existed
  }

  return { kind: 'local', put, get, read, head, list, delete: remove }
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
