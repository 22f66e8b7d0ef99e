/**
 * @module stores/document-sync
 * Keeps one saved document in step with the library: edits are saved once they pause (debounced),
 * each write names the version it replaces (`If-Match`, or `If-None-Match: *` to create), so a
 * newer version saved elsewhere is never overwritten silently: the write stops at `conflict`
 * until the user reloads theirs or keeps theirs overwritten by theirs' fresh ETag. When the
 * server cannot be reached the draft waits on this device (with the version it was based on) and
 * is saved when the server answers again, under the same rule.
 */
import { readonly, ref, shallowRef } from 'vue'
import type { DocumentOf } from '../../../server/features/library/schemas'
import { ApiError, toApiError } from '../api/errors'
import type { SavedKind, Stored } from '../api/library'
import { persistence, plain } from './persistence'

export type SyncStatus = 'idle' | 'saving' | 'saved' | 'offline' | 'conflict' | 'error'

/** An edit waiting on this device: the document and the server version it was made on. */
export interface Draft<D> {
  document: D
  baseEtag?: string
  keptAt: string
}

export interface Conflict<D> {
  /** The newer version on the server; undefined when it was deleted there. */
  theirs?: { etag: string; document: D }
}

export interface SyncOptions<D> {
  delayMs?: number
  /** Wait before the n-th retry of a save that could not reach the server. */
  retryDelayMs?: (attempt: number) => number
  /** Each answer of a successful save (the server sets `updated`, article versions…). */
  onSaved?: (stored: { id: string; etag: string; document: D }) => void
}

export const draftKey = (kind: SavedKind, id: string) => `draft:${kind}/${id}`

/** Fields the server sets on a save: two versions differing only there say the same. */
const SERVER_SET = new Set(['updated', 'articleVersions', 'version', 'restoredFrom'])

/**
 * JSON with sorted keys, without server-set fields and with texts trimmed (as the server's
 * schemas store them), to compare two versions' content.
 */
export function contentOf(value: unknown): string {
  return JSON.stringify(value, (key, item: unknown) => {
    if (SERVER_SET.has(key)) return undefined
    if (typeof item === 'string') return item.trim()
    if (!item || typeof item !== 'object' || Array.isArray(item)) return item
    return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
  })
}

const schemas = () =>
  Promise.all([import('valibot'), import('../../../server/features/library/schemas')])

/** The server's own schema for `kind` (loaded on the first save): a refusal before sending. */
async function invalidFields(kind: SavedKind, document: unknown): Promise<ApiError | undefined> {
  const [v, { DOCUMENT_SCHEMAS }] = await schemas()
  const parsed = v.safeParse(DOCUMENT_SCHEMAS[kind], document)
  if (parsed.success) return undefined
  const issues = parsed.issues.slice(0, 10).map((issue) => ({
    field: v.getDotPath(issue) ?? '(document)',
    message: issue.message,
  }))
  return new ApiError(400, 'invalid_input', 'The document is not valid.', { details: { issues } })
}

/**
 * A document as the current schema reads it: fields added since it was saved get their
 * defaults. One the schema refuses (a draft with an invalid edit) keeps its values as they are,
 * with the defaults filled in around them, so the edit can still be shown and fixed.
 */
async function asStored<K extends SavedKind>(kind: K, document: unknown): Promise<DocumentOf<K>> {
  const [v, { DOCUMENT_SCHEMAS }] = await schemas()
  return v.safeParse(DOCUMENT_SCHEMAS[kind], document).output as DocumentOf<K>
}

/** Whether two versions say the same once stored (both read with the server's schema). */
async function sameContent(kind: SavedKind, a: unknown, b: unknown): Promise<boolean> {
  const [v, { DOCUMENT_SCHEMAS }] = await schemas()
  const read = (doc: unknown) => {
    const parsed = v.safeParse(DOCUMENT_SCHEMAS[kind], doc)
    return contentOf(parsed.success ? parsed.output : doc)
  }
  return read(a) === read(b)
}

const defaultRetry = (attempt: number) => Math.min(1000 * 2 ** attempt, 15_000)
/** The server was not reached, or could not take the write now: worth trying again later. */
const isTransient = (error: ApiError) =>
  error.status === 0 || error.status === 429 || error.status >= 500

export function createDocumentSync<K extends SavedKind>(
  kind: K,
  options: SyncOptions<DocumentOf<K>> = {}
) {
  type D = DocumentOf<K>
  const delayMs = options.delayMs ?? 800
  const retryDelay = options.retryDelayMs ?? defaultRetry

  const status = ref<SyncStatus>('idle')
  const error = shallowRef<ApiError>()
  const conflict = shallowRef<Conflict<D>>()
  const savedAt = ref<string>()
  let id: string | undefined
  let etag: string | undefined
  let pending: D | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let inFlight: Promise<void> | undefined
  /** Device writes in order, so a draft kept never lands after the delete of its save. */
  let deviceQueue: Promise<unknown> = Promise.resolve()
  const onDevice = (op: () => Promise<unknown>) => {
    deviceQueue = deviceQueue.then(op, op)
    return deviceQueue
  }

  const device = () => persistence().device
  const library = () => persistence().library
  /** The server's version of `target`, read with the current schema; undefined when none. */
  async function serverVersion(target: string): Promise<Stored<K> | undefined> {
    const stored = await library().get(kind, target)
    return stored && { ...stored, document: await asStored(kind, stored.document) }
  }

  function clearTimers() {
    clearTimeout(timer)
    clearTimeout(retryTimer)
    timer = undefined
    retryTimer = undefined
  }

  async function keepDraft(document: D) {
    if (!id) return
    const key = draftKey(kind, id)
    const draft: Draft<D> = { document, baseEtag: etag, keptAt: new Date().toISOString() }
    await onDevice(() => device().set(key, draft))
  }
  const dropDraft = (target: string) => onDevice(() => device().del(draftKey(kind, target)))

  function retryLater(seconds?: number) {
    clearTimeout(retryTimer)
    const wait = seconds ? seconds * 1000 : retryDelay(attempt++)
    retryTimer = setTimeout(() => void flush(), wait)
  }

  async function write(document: D): Promise<void> {
    const target = id
    if (!target) return
    status.value = 'saving'
    try {
      const invalid = await invalidFields(kind, document)
      if (invalid) throw invalid
      const stored = await library().put(kind, target, document, etag)
      if (target !== id) return
      etag = stored.etag
      attempt = 0
      error.value = undefined
      savedAt.value = (stored.document as { updated?: string }).updated
      if (!pending) await dropDraft(target)
      status.value = pending ? 'saving' : 'saved'
      options.onSaved?.(stored as Stored<K>)
    } catch (cause) {
      if (target !== id) return
      const failure = toApiError(cause)
      pending ??= document
      await keepDraft(pending)
      if (failure.status === 412) {
        const theirs = await serverVersion(target).catch(() => undefined)
        // An earlier write of this very content may have landed without its answer.
        if (theirs && (await sameContent(kind, theirs.document, pending))) {
          etag = theirs.etag
          pending = undefined
          await dropDraft(target)
          status.value = 'saved'
          return
        }
        conflict.value = { theirs: theirs && { etag: theirs.etag, document: theirs.document } }
        status.value = 'conflict'
      } else if (isTransient(failure)) {
        error.value = failure
        status.value = 'offline'
        retryLater(failure.status === 429 ? failure.retryAfterSeconds : undefined)
      } else {
        error.value = failure
        status.value = 'error'
      }
    }
  }

  /** Saves the latest edit now (waits for a write in flight first). */
  async function flush(): Promise<void> {
    clearTimers()
    while (inFlight) await inFlight
    if (!pending || !id || conflict.value) return
    const document = pending
    pending = undefined
    inFlight = write(document)
    await inFlight
    inFlight = undefined
    if (pending && status.value === 'saving') await flush()
  }

  /** A new edit of the open document: kept on this device at once, saved once edits pause. */
  function schedule(document: D): void {
    if (!id) return
    pending = plain(document)
    void keepDraft(pending)
    if (conflict.value) return
    if (status.value !== 'offline' && status.value !== 'error') status.value = 'saving'
    clearTimeout(timer)
    timer = setTimeout(() => void flush(), delayMs)
  }

  /** Starts following document `nextId`: `knownEtag` is the stored version (none for a new one). */
  function attach(nextId: string, knownEtag?: string): void {
    clearTimers()
    id = nextId
    etag = knownEtag
    pending = undefined
    attempt = 0
    conflict.value = undefined
    error.value = undefined
    status.value = knownEtag ? 'saved' : 'idle'
  }

  function detach(): void {
    attach('')
    id = undefined
  }

  /**
   * Opens `openId`: the server's version, or this device's draft of it when there is one. A draft
   * made on the version the server still has is saved now; one made on an older version is a
   * conflict to resolve. Undefined when the document exists nowhere. `absent` says the server is
   * known not to have it (from a listing), so it is not asked.
   */
  async function open(openId: string, absent = false): Promise<D | undefined> {
    const kept = (await device().get(draftKey(kind, openId))) as Draft<D> | undefined
    const draft = kept && { ...kept, document: await asStored(kind, kept.document) }
    if (absent && !draft) return undefined
    let server: Stored<K> | undefined
    try {
      server = absent ? undefined : await serverVersion(openId)
    } catch (cause) {
      const failure = toApiError(cause)
      if (!draft || !isTransient(failure)) throw failure
      attach(openId, draft.baseEtag)
      pending = draft.document
      error.value = failure
      status.value = 'offline'
      retryLater()
      return draft.document
    }
    if (!draft) {
      if (!server) return undefined
      attach(openId, server.etag)
      savedAt.value = (server.document as { updated?: string }).updated
      return server.document
    }
    if (server && (await sameContent(kind, server.document, draft.document))) {
      // The draft reached the server after all (its answer was lost with the page).
      attach(openId, server.etag)
      await dropDraft(openId)
      return server.document
    }
    attach(openId, draft.baseEtag)
    pending = draft.document
    const serverEtag = server?.etag
    if (serverEtag === draft.baseEtag) {
      await flush()
    } else {
      conflict.value = { theirs: server && { etag: server.etag, document: server.document } }
      status.value = 'conflict'
    }
    return draft.document
  }

  /**
   * The user's answer to a conflict. `theirs` drops this device's edit and resolves with the
   * server's document (undefined when it was deleted); `mine` saves this device's edit over
   * theirs, naming theirs' ETag (or creating it again), and resolves undefined.
   */
  async function resolve(choice: 'theirs' | 'mine'): Promise<D | undefined> {
    const open = conflict.value
    if (!open || !id) return undefined
    conflict.value = undefined
    etag = open.theirs?.etag
    if (choice === 'mine') {
      status.value = 'saving'
      await flush()
      return undefined
    }
    pending = undefined
    await dropDraft(id)
    status.value = open.theirs ? 'saved' : 'idle'
    return open.theirs?.document
  }

  /** Saves a pending edit now (the page is going away; its draft is on the device already). */
  function keepPendingDraft(): void {
    if (pending) void flush()
  }

  /** Takes a version the server answered with outside a save (a restore). */
  function adopt(stored: { etag: string; document: D }): void {
    etag = stored.etag
    savedAt.value = (stored.document as { updated?: string }).updated
    status.value = 'saved'
  }

  return {
    status: readonly(status),
    error,
    conflict,
    savedAt: readonly(savedAt),
    id: () => id,
    etag: () => etag,
    attach,
    detach,
    open,
    schedule,
    flush,
    resolve,
    adopt,
    keepPendingDraft,
  }
}

export type DocumentSync<K extends SavedKind> = ReturnType<typeof createDocumentSync<K>>
