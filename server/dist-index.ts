/**
 * @module dist-index
 * The client build, indexed once. Its files do not change while the server runs, so requests are
 * answered from this index instead of a `stat` and an `exists` call (two for precompressed
 * variants) on every request. Files up to 256 KB (the whole Vite build, typically) are kept in
 * memory after their first request; larger ones are always sent from disk. The scan is not part
 * of start-up (`lazyDistIndex`): until it is done, files are looked up on disk one by one.
 */

import type { BunFile } from 'bun'
import { once } from './core/lazy'
import { dirname, join } from './core/posix-path'

export interface DistIndex {
  /** What to send for an absolute path inside the dist root; undefined when there is no file. */
  content(path: string): BunFile | Uint8Array<ArrayBuffer> | undefined
  isDir(path: string): boolean
}

const IN_MEMORY_MAX_BYTES = 256 * 1024

/** Scans `root` (dotfiles and dot-folders excluded, so they can never be served). */
export async function indexDist(root: string): Promise<DistIndex> {
  const files = new Map<string, BunFile | Uint8Array<ArrayBuffer>>()
  const dirs = new Set<string>([root])
  const glob = new Bun.Glob('**/*')
  for await (const relative of glob.scan({ cwd: root, onlyFiles: true, dot: false })) {
    const path = join(root, relative)
    files.set(path, Bun.file(path))
    for (let dir = dirname(path); dir.length > root.length; dir = dirname(dir)) dirs.add(dir)
  }
  const reading = new Set<string>()
  const keepInMemory = async (path: string, file: BunFile) => {
    if (reading.has(path)) return
    reading.add(path)
    files.set(path, new Uint8Array(await file.arrayBuffer()))
  }
  return {
    content(path) {
      const entry = files.get(path)
      // Served from disk this once; from memory from the next request on.
      if (entry && !(entry instanceof Uint8Array) && entry.size <= IN_MEMORY_MAX_BYTES) {
        keepInMemory(path, entry).catch(() => {})
      }
      return entry
    },
    isDir: (path) => dirs.has(path),
  }
}

/** Dot segments, dotfiles, backslashes, NUL, doubled slashes, encoded separators. */
export const UNSAFE_PATH = /(^|\/)\.|\\|\0|\/\/|%(2e|2f|5c|00)/i

export interface LazyDistIndex {
  /** Scans the build (once; a failed scan is tried again by the next call). */
  load(): Promise<DistIndex>
  /** From the index once it is scanned, else from the disk (and the scan is started after). */
  content(path: string): Promise<BunFile | Uint8Array<ArrayBuffer> | undefined>
  isDir(path: string): boolean
}

/**
 * The index of `root`, scanned on first need. Before the scan is done a file is looked up on
 * disk, with the same rule the scan applies (no dotfiles, nothing outside `root`), and the only
 * folder is the root itself: the first page after start-up does not wait for a scan of the build.
 */
export function lazyDistIndex(root: string): LazyDistIndex {
  let ready: DistIndex | undefined
  const load = once(async () => {
    ready = await indexDist(root)
    return ready
  })
  return {
    load,
    async content(path) {
      if (ready) return ready.content(path)
      // Scanned after this request, not during it (the scan's start is synchronous work).
      setTimeout(() => load().catch(() => {}), 0)
      const inside = path.startsWith(`${root}/`) ? path.slice(root.length) : undefined
      if (inside === undefined || UNSAFE_PATH.test(inside)) return undefined
      const file = Bun.file(path)
      return (await file.exists()) ? file : undefined
    },
    isDir: (path) => (ready ? ready.isDir(path) : path === root),
  }
}
