/**
 * @module stores/persistence
 * The one seam through which the stores keep their documents: each store is one plain JSON
 * object (media by id), saved and loaded by kind. Today the documents live in sessionStorage, so
 * a reload keeps the place and the tab's end forgets it; the saved-work client (`/api/library`)
 * implements the same interface and is swapped in with `setPersistence`.
 */

export type DocumentKind = 'seo-project' | 'brand-profile'

export interface Persistence {
  load(kind: DocumentKind): Promise<unknown>
  save(kind: DocumentKind, document: unknown): Promise<void>
  remove(kind: DocumentKind): Promise<void>
}

const KEY_PREFIX = 'ais.draft.'

/** A Storage-backed persistence (sessionStorage in the browser, a Map where there is none). */
export function storagePersistence(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>) {
  return {
    async load(kind) {
      const text = storage.getItem(KEY_PREFIX + kind)
      if (!text) return undefined
      try {
        return JSON.parse(text) as unknown
      } catch {
        return undefined
      }
    },
    async save(kind, document) {
      try {
        storage.setItem(KEY_PREFIX + kind, JSON.stringify(document))
      } catch {
        // Storage full or disabled: the document stays in memory for this page.
      }
    },
    async remove(kind) {
      storage.removeItem(KEY_PREFIX + kind)
    },
  } satisfies Persistence
}

/** A Storage that lives in memory, for runs without a browser (tests) or disabled storage. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value)
    },
    removeItem: (key) => {
      items.delete(key)
    },
  }
}

function sessionOrMemory() {
  try {
    if (globalThis.sessionStorage) return globalThis.sessionStorage
  } catch {
    // Access denied by privacy settings.
  }
  return memoryStorage()
}

let current: Persistence = storagePersistence(sessionOrMemory())

export const persistence = (): Persistence => current

/** Replaces where documents are kept (the saved-work client, or a test's own). */
export function setPersistence(next: Persistence): void {
  current = next
}

/**
 * Saves `snapshot()` once changes pause for `delayMs`, so typing in an editor does not write on
 * every key; `flush()` saves at once, and so does leaving the page with a save pending.
 */
export function debouncedSaver(kind: DocumentKind, snapshot: () => unknown, delayMs = 300) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = async () => {
    clearTimeout(timer)
    timer = undefined
    await current.save(kind, snapshot())
  }
  globalThis.addEventListener?.('pagehide', () => {
    if (timer) void flush()
  })
  return {
    schedule() {
      clearTimeout(timer)
      timer = setTimeout(() => void flush(), delayMs)
    },
    flush,
  }
}
