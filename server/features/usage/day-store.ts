/**
 * @module usage/day-store
 * A day's totals in the store: read, changed by compare-and-swap, and rebuilt from the day's
 * entries (call batches and job entries) when the summary is missing or unreadable, the way
 * saved work rebuilds a lost index from its listing. A rebuild folds each instance's batches in
 * order from the first, so a batch is never counted twice, and takes each job's state from its
 * entry.
 */
import type { Logger } from '../../core/logger'
import { compareAndSwap, decodeJson, encodeJson } from '../../storage/cas'
import type { BlobStore } from '../../storage/types'
import {
  applyOutcome,
  asDayDoc,
  type CallBatch,
  type DayDoc,
  emptyDay,
  foldBatch,
  type JobEntry,
  outcomeOf,
} from './day-doc'
import { batchOfKey, batchPrefix, dayKey, jobPrefix } from './keys'

export interface LedgerScope {
  store: BlobStore
  workspace: string
  log: Logger
}

const LIST_PAGE = 1000
/** Tries of one change of a day under contention (each re-reads it). */
const DAY_TRIES = 25

async function listKeys(store: BlobStore, prefix: string): Promise<string[]> {
  const keys: string[] = []
  let pageToken: string | undefined
  do {
    const page = await store.list(prefix, { limit: LIST_PAGE, pageToken })
    keys.push(...page.items.map((item) => item.key))
    pageToken = page.nextPageToken
  } while (pageToken)
  return keys
}

async function readJson<T>(store: BlobStore, key: string): Promise<T | undefined> {
  const bytes = await store.read(key)
  return bytes ? (decodeJson(bytes) as T | undefined) : undefined
}

/** Each instance's batch numbers of the day, in order. */
export async function listBatches(scope: LedgerScope, day: string) {
  const prefix = batchPrefix(scope.workspace, day)
  const byInstance = new Map<string, number[]>()
  for (const key of await listKeys(scope.store, prefix)) {
    const batch = batchOfKey(prefix, key)
    if (!batch) continue
    byInstance.set(batch.instance, [...(byInstance.get(batch.instance) ?? []), batch.seq])
  }
  for (const seqs of byInstance.values()) seqs.sort((a, b) => a - b)
  return byInstance
}

/** The batches of one instance that follow `after`, as long as they follow on without a gap. */
export async function batchesAfter(
  scope: LedgerScope,
  day: string,
  instance: string,
  seqs: readonly number[],
  after: number
): Promise<CallBatch[]> {
  const wanted: number[] = []
  for (const seq of seqs) {
    if (seq <= after) continue
    if (seq !== after + wanted.length + 1) break
    wanted.push(seq)
  }
  const prefix = batchPrefix(scope.workspace, day)
  const read = await Promise.all(
    wanted.map((seq) =>
      readJson<CallBatch>(scope.store, `${prefix}${instance}-${String(seq).padStart(8, '0')}.json`)
    )
  )
  const batches: CallBatch[] = []
  for (const batch of read) {
    if (!batch || !Array.isArray(batch.calls)) break
    batches.push(batch)
  }
  return batches
}

export async function readJobEntries(scope: LedgerScope, day: string): Promise<JobEntry[]> {
  const keys = await listKeys(scope.store, jobPrefix(scope.workspace, day))
  const entries = await Promise.all(keys.map((key) => readJson<JobEntry>(scope.store, key)))
  return entries.filter((e): e is JobEntry => e?.format === 1 && typeof e.jobId === 'string')
}

/** The day's totals computed from its entries alone. */
export async function rebuildDay(scope: LedgerScope, day: string): Promise<DayDoc> {
  const doc = emptyDay(day)
  const [instances, jobs] = await Promise.all([listBatches(scope, day), readJobEntries(scope, day)])
  for (const [instance, seqs] of instances) {
    for (const batch of await batchesAfter(scope, day, instance, seqs, 0)) foldBatch(doc, batch)
  }
  for (const entry of jobs) {
    const outcome = outcomeOf(entry)
    if (outcome) applyOutcome(doc, entry.jobId, outcome)
    else {
      doc.reservations[entry.jobId] = {
        micros: entry.reservedMicros,
        studio: entry.studio,
        model: entry.model,
        at: entry.at,
        until: entry.until,
      }
    }
  }
  if (instances.size || jobs.length) {
    scope.log.info('Ledger day rebuilt from its entries', {
      workspace: scope.workspace,
      day,
      batches: [...instances.values()].reduce((n, seqs) => n + seqs.length, 0),
      jobs: jobs.length,
    })
  }
  return doc
}

/**
 * Changes the day by compare-and-swap. `change` edits the document it is given and says whether
 * it changed it (it may run several times, and may throw to abandon the change); a missing or
 * unreadable summary is rebuilt first and written with the change.
 */
export async function updateDay<T>(
  scope: LedgerScope,
  day: string,
  change: (doc: DayDoc) => { changed: boolean; value: T }
): Promise<{ doc: DayDoc; value: T }> {
  return compareAndSwap(
    scope.store,
    dayKey(scope.workspace, day),
    async (current) => {
      const stored = current && asDayDoc(decodeJson(current.bytes), day)
      if (current && !stored) {
        scope.log.warn('Ledger day is unreadable; rebuilding it', {
          workspace: scope.workspace,
          day,
        })
      }
      const doc = stored ?? (await rebuildDay(scope, day))
      const { changed, value } = change(doc)
      // A rebuilt day is written even when empty: the next read is then one read, no listing.
      const write = changed || !stored
      return { value: { doc, value }, ...(write ? { write: encodeJson(doc) } : {}) }
    },
    { tries: DAY_TRIES }
  )
}

/** The day as stored (rebuilt and written back when it was lost). */
export async function readDay(scope: LedgerScope, day: string): Promise<DayDoc> {
  const object = await scope.store.readWithMeta(dayKey(scope.workspace, day))
  const stored = object && asDayDoc(decodeJson(object.bytes), day)
  if (stored) return stored
  return (await updateDay(scope, day, () => ({ changed: false, value: undefined }))).doc
}
