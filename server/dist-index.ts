/**
 * @module dist-index
 * The client build, indexed once. Its files do not change while the server runs, so requests are
 * answered from this index instead of a `stat` and an `exists` call (two for precompressed
 * variants) on every request. Files up to 256 KB (the whole Vite build, typically) are kept in
 * memory after their first request; larger ones are always sent from disk.
 */

import { dirname, join } from 'node:path'
import type { BunFile } from 'bun'

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
