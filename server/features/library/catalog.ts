/**
 * @module library/catalog
 * The index of one kind in one workspace: a single object with every document's title, save
 * time, size and generation, so that listing thousands of documents reads one object. Each save
 * and delete updates it with a conditional write (re-read and retried on contention), and a
 * change from an older generation never replaces a newer one, so changes that arrive out of
 * order still leave it right. When it is missing or unreadable it is rebuilt from the prefix
 * listing (object metadata only, no document is read).
 */
import { PreconditionFailed } from '../../storage/types'
import { idOfKey, indexKey, kindPrefix } from './keys'
import { entryFromMeta, type IndexEntry, type LibraryScope } from './records'

interface IndexFile {
  format: 1
  entries: Record<string, IndexEntry>
}

export type IndexChange = { id: string; entry: IndexEntry } | { id: string; removed: string }

/** Tries of one index update under contention (each try re-reads it). */
export const INDEX_UPDATE_TRIES = 25
const LIST_PAGE = 1000

/** Every document of the scope, from the index (rebuilt first if it is missing or unreadable). */
export async function readIndex(scope: LibraryScope): Promise<Record<string, IndexEntry>> {
  const current = await loadIndex(scope)
  if (current.entries) return current.entries
  const entries = await rebuildEntries(scope)
  try {
    await writeIndex(scope, entries, current.generation ?? '0')
  } catch (error) {
    // Someone else wrote it meanwhile: theirs is at least as new.
    if (!(error instanceof PreconditionFailed)) throw error
  }
  return entries
}

/**
 * Records one save or delete in the index. Never throws: the document itself is stored, and an
 * index that could not be updated is dropped so that the next listing rebuilds it.
 */
export async function recordInIndex(scope: LibraryScope, change: IndexChange): Promise<void> {
  try {
    if (await tryUpdate(scope, change)) return
    scope.log.warn('Library index stayed contended; dropping it for a rebuild', indexLog(scope))
  } catch (error) {
    scope.log.error('Library index update failed; dropping it for a rebuild', {
      ...indexLog(scope),
      err: error,
    })
  }
  await scope.store.delete(indexKey(scope.workspace, scope.kind)).catch((error: unknown) => {
    scope.log.error('Library index could not be dropped', { ...indexLog(scope), err: error })
  })
}

async function tryUpdate(scope: LibraryScope, change: IndexChange): Promise<boolean> {
  for (let attempt = 1; attempt <= INDEX_UPDATE_TRIES; attempt++) {
    const current = await loadIndex(scope)
    const entries = current.entries ?? (await rebuildEntries(scope))
    if (!apply(entries, change) && current.entries) return true
    try {
      await writeIndex(scope, entries, current.generation ?? '0')
      return true
    } catch (error) {
      if (!(error instanceof PreconditionFailed)) throw error
    }
    await Bun.sleep(Math.random() * Math.min(2 * attempt, 20))
  }
  return false
}

/** Applies a change unless the index already has it or something newer; true when it changed. */
function apply(entries: Record<string, IndexEntry>, change: IndexChange): boolean {
  // Own entries only: an id such as `constructor` must not find Object.prototype's.
  const old = Object.hasOwn(entries, change.id) ? entries[change.id] : undefined
  if ('entry' in change) {
    if (old && generationOrder(old.generation) >= generationOrder(change.entry.generation)) {
      return false
    }
    entries[change.id] = change.entry
    return true
  }
  if (!old || generationOrder(old.generation) > generationOrder(change.removed)) return false
  delete entries[change.id]
  return true
}

const generationOrder = (generation: string): bigint => {
  try {
    return BigInt(generation)
  } catch {
    return 0n
  }
}

async function loadIndex(
  scope: LibraryScope
): Promise<{ entries?: Record<string, IndexEntry>; generation?: string }> {
  const object = await scope.store.readWithMeta(indexKey(scope.workspace, scope.kind))
  if (!object) return {}
  try {
    const file = JSON.parse(new TextDecoder().decode(object.bytes)) as IndexFile
    if (file?.format === 1 && file.entries && typeof file.entries === 'object') {
      return { entries: file.entries, generation: object.meta.generation }
    }
  } catch {
    // Unreadable: rebuilt below and written over this generation.
  }
  scope.log.warn('Library index is unreadable; rebuilding it', indexLog(scope))
  return { generation: object.meta.generation }
}

async function writeIndex(
  scope: LibraryScope,
  entries: Record<string, IndexEntry>,
  ifGenerationMatch: string
): Promise<void> {
  const file: IndexFile = { format: 1, entries }
  await scope.store.put(
    indexKey(scope.workspace, scope.kind),
    new TextEncoder().encode(JSON.stringify(file)),
    { contentType: 'application/json', ifGenerationMatch }
  )
}

async function rebuildEntries(scope: LibraryScope): Promise<Record<string, IndexEntry>> {
  const prefix = kindPrefix(scope.workspace, scope.kind)
  const entries: Record<string, IndexEntry> = {}
  let pageToken: string | undefined
  do {
    const page = await scope.store.list(prefix, { limit: LIST_PAGE, pageToken })
    for (const meta of page.items) {
      const id = idOfKey(prefix, meta.key)
      if (id) entries[id] = entryFromMeta(meta)
    }
    pageToken = page.nextPageToken
  } while (pageToken)
  scope.log.info('Library index rebuilt from the listing', {
    ...indexLog(scope),
    documents: Object.keys(entries).length,
  })
  return entries
}

const indexLog = (scope: LibraryScope) => ({ workspace: scope.workspace, kind: scope.kind })
