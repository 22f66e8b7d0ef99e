/**
 * @module usage/jobs
 * The money of paid jobs. A job reserves its estimate before it starts: the reservation goes
 * into the day's totals by compare-and-swap, with the budget checked in the same step, so two
 * instances can never both take the last of a budget; then its entry (`jobs/<id>.json`) is
 * created. When the job ends it is charged for what it delivered, or released with the reason:
 * the entry moves once (compare-and-swap: of two instances settling one job only one moves it),
 * then the day's totals take the outcome, once. A reservation whose job never settles lapses at
 * its deadline (`until`) and stops holding money; `lapse` then releases it for good, or takes
 * the charge an interrupted settle left in the entry.
 */
import { compareAndSwap, decodeJson, encodeJson } from '../../storage/cas'
import {
  applyOutcome,
  type DayDoc,
  type JobEntry,
  type JobOutcome,
  lapsedReservations,
  outcomeOf,
} from './day-doc'
import { type LedgerScope, updateDay } from './day-store'
import { jobEntryKey } from './keys'

export interface ReserveRequest {
  jobId: string
  studio: string
  model: string
  micros: number
  /** After this the reservation lapses (the job's deadline, with a margin). */
  until: Date
}

/** How a job ended: what it delivered and costs, or why it is not charged. */
export type Settlement =
  | { charged: { micros: number; videoSeconds: number } }
  | { released: string }

/**
 * Reserves in the day's totals (`check` throws to refuse it: it sees the totals as they are in
 * the store at that moment), then writes the job's entry.
 */
export async function reserve(
  scope: LedgerScope,
  day: string,
  now: Date,
  request: ReserveRequest,
  check: (doc: DayDoc) => void
): Promise<DayDoc> {
  const { doc } = await updateDay(scope, day, (d) => {
    if (Object.hasOwn(d.reservations, request.jobId) || Object.hasOwn(d.jobs, request.jobId)) {
      return { changed: false, value: undefined }
    }
    check(d)
    d.reservations[request.jobId] = {
      micros: request.micros,
      studio: request.studio,
      model: request.model,
      at: now.toISOString(),
      until: request.until.toISOString(),
    }
    return { changed: true, value: undefined }
  })
  const entry: JobEntry = {
    format: 1,
    jobId: request.jobId,
    studio: request.studio,
    model: request.model,
    at: now.toISOString(),
    until: request.until.toISOString(),
    reservedMicros: request.micros,
    state: 'reserved',
  }
  await compareAndSwap(scope.store, jobEntryKey(scope.workspace, day, request.jobId), (current) =>
    current ? { value: undefined } : { value: undefined, write: encodeJson(entry) }
  )
  return doc
}

/** The entry after the settlement (unchanged when it had already ended). */
function settled(entry: JobEntry, settlement: Settlement, now: Date): JobEntry | undefined {
  const lapsed = entry.state === 'released' && entry.reason === 'expired'
  if (entry.state !== 'reserved' && !(lapsed && 'charged' in settlement)) return undefined
  const base = { ...entry, settledAt: now.toISOString() }
  if ('charged' in settlement) {
    const { reason: _reason, ...rest } = base
    return {
      ...rest,
      state: 'charged',
      chargedMicros: settlement.charged.micros,
      videoSeconds: settlement.charged.videoSeconds,
    }
  }
  return { ...base, state: 'released', reason: settlement.released }
}

/** Moves the job's entry once, then gives the day's totals its outcome (idempotent). */
export async function settle(
  scope: LedgerScope,
  day: string,
  jobId: string,
  settlement: Settlement,
  now: Date
): Promise<DayDoc | undefined> {
  const entry = await compareAndSwap<JobEntry | undefined>(
    scope.store,
    jobEntryKey(scope.workspace, day, jobId),
    (current) => {
      const stored = current && (decodeJson(current.bytes) as JobEntry | undefined)
      if (!stored) return { value: undefined }
      const next = settled(stored, settlement, now)
      return next ? { value: next, write: encodeJson(next) } : { value: stored }
    }
  )
  const outcome = entry && outcomeOf(entry)
  if (!outcome) return undefined
  return (
    await updateDay(scope, day, (d) => ({ changed: applyOutcome(d, jobId, outcome), value: 0 }))
  ).doc
}

/**
 * Ends the reservations of the day that lapsed: a charge an interrupted settle left in the
 * entry is taken, a job that never settled is released as `expired`, and a reservation without
 * an entry (the server stopped between the two writes: nothing was started) is dropped.
 */
export async function lapse(scope: LedgerScope, day: string, doc: DayDoc, now: Date) {
  let latest: DayDoc | undefined
  for (const [jobId, held] of lapsedReservations(doc, now)) {
    const after = await settle(scope, day, jobId, { released: 'expired' }, now)
    if (after) {
      latest = after
      continue
    }
    const outcome: JobOutcome = {
      state: 'released',
      micros: 0,
      studio: held.studio,
      model: held.model,
      at: now.toISOString(),
      reason: 'expired',
    }
    latest = (
      await updateDay(scope, day, (d) => {
        const still = Object.hasOwn(d.reservations, jobId) && !Object.hasOwn(d.jobs, jobId)
        return { changed: still && applyOutcome(d, jobId, outcome), value: 0 }
      })
    ).doc
  }
  return latest
}
