/**
 * @module stores/persistence
 * The one seam through which the stores keep their documents: the saved-work API on the server
 * (`/api/library`, the source of truth, which holds all of each document) and a small key-value
 * store on this device (IndexedDB through idb-keyval) for drafts the server could not take yet.
 * Tests swap both with `setPersistence`.
 */
import { type LibraryApi, libraryApi } from '../api/library'

/** A key-value store of plain JSON values. */
export interface KeyValue {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
}

export interface Persistence {
  library: LibraryApi
  device: KeyValue
}

/** Plain JSON of a value (drops Vue proxies and undefined fields, as the wire does). */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** A KeyValue in memory: for tests, and where IndexedDB is missing or refused. */
export function memoryKeyValue(): KeyValue {
  const items = new Map<string, string>()
  return {
    async get(key) {
      const text = items.get(key)
      return text === undefined ? undefined : JSON.parse(text)
    },
    async set(key, value) {
      items.set(key, JSON.stringify(value))
    },
    async del(key) {
      items.delete(key)
    },
  }
}

/** IndexedDB (database `ais-studio`, store `drafts`), loaded on first use; memory without it. */
export function indexedDbKeyValue(): KeyValue {
  const fallback = memoryKeyValue()
  const backend = (async () => {
    if (!globalThis.indexedDB) return undefined
    try {
      const idb = await import('idb-keyval')
      const store = idb.createStore('ais-studio', 'drafts')
      await idb.get('probe', store)
      return { idb, store }
    } catch {
      return undefined // Private mode or storage refused: this page keeps drafts in memory.
    }
  })()
  return {
    async get(key) {
      const b = await backend
      return b ? b.idb.get(key, b.store) : fallback.get(key)
    },
    async set(key, value) {
      const b = await backend
      return b ? b.idb.set(key, plain(value), b.store) : fallback.set(key, value)
    },
    async del(key) {
      const b = await backend
      return b ? b.idb.del(key, b.store) : fallback.del(key)
    },
  }
}

let current: Persistence = { library: libraryApi, device: indexedDbKeyValue() }

export const persistence = (): Persistence => current

/** Replaces where documents are kept (a test's in-process app and memory device store). */
export function setPersistence(next: Persistence): void {
  current = next
}

/** Remembers per tab which document was open, so an address without one reopens it. */
export function rememberOpen(kind: string, id: string | undefined): void {
  try {
    if (id) globalThis.sessionStorage?.setItem(`ais.open.${kind}`, id)
    else globalThis.sessionStorage?.removeItem(`ais.open.${kind}`)
  } catch {
    // Storage refused: the address still names the document.
  }
}

export function lastOpen(kind: string): string | undefined {
  try {
    return globalThis.sessionStorage?.getItem(`ais.open.${kind}`) ?? undefined
  } catch {
    return undefined
  }
}
