/**
 * @module usage/day-doc
 * The records of the ledger and the pure arithmetic on a day's totals. A day document is a
 * summary: it is changed by compare-and-swap only, and every change is idempotent, so applying
 * one twice (a retried write that took effect, two instances settling one job) counts once:
 * call batches are folded in order per instance (`folded` keeps the last one), and a job's
 * outcome is applied once (`jobs` keeps it). Amounts are micro-dollars.
 */

/** One priced model call. */
export interface CallEntry {
  at: string
  studio: string
  /** The id the call really ran on. */
  model: string
  inputTokens: number
  outputTokens: number
  images: number
  searchQueries: number
  micros: number
  /** The price rests on an estimated row. */
  estimated?: true
}

/** Calls one instance made for one workspace and day, written once and never changed. */
export interface CallBatch {
  format: 1
  instance: string
  seq: number
  calls: CallEntry[]
}

export type JobState = 'reserved' | 'charged' | 'released'

/** A paid job's money: reserved when it starts, then charged or released (with the reason). */
export interface JobEntry {
  format: 1
  jobId: string
  studio: string
  model: string
  /** When it was reserved, and until when (after that the reservation lapses). */
  at: string
  until: string
  reservedMicros: number
  state: JobState
  chargedMicros?: number
  videoSeconds?: number
  /** Why it was released (`failed`, `video_blocked`, `empty`, `expired`, …). */
  reason?: string
  settledAt?: string
}

export interface Totals {
  calls: number
  micros: number
  inputTokens: number
  outputTokens: number
  images: number
  videoSeconds: number
  searchQueries: number
  /** How many of the calls were priced with an estimated row. */
  estimated: number
}

export interface Reservation {
  micros: number
  studio: string
  model: string
  at: string
  until: string
}

export interface JobOutcome {
  state: 'charged' | 'released'
  micros: number
  studio: string
  model: string
  at: string
  reason?: string
  videoSeconds?: number
}

export interface DayDoc {
  format: 1
  day: string
  spent: Totals
  byStudio: Record<string, Totals>
  byModel: Record<string, Totals>
  /** Per instance, the last call batch folded in (batches are folded in order). */
  folded: Record<string, number>
  /** Open reservations of paid jobs, by job id. */
  reservations: Record<string, Reservation>
  /** How each of the day's paid jobs ended, by job id. */
  jobs: Record<string, JobOutcome>
  /** The day's latest calls, oldest first. */
  recent: CallEntry[]
}

/** How many calls `recent` keeps. */
export const RECENT_CALLS = 100

export const emptyTotals = (): Totals => ({
  calls: 0,
  micros: 0,
  inputTokens: 0,
  outputTokens: 0,
  images: 0,
  videoSeconds: 0,
  searchQueries: 0,
  estimated: 0,
})

export const emptyDay = (day: string): DayDoc => ({
  format: 1,
  day,
  spent: emptyTotals(),
  byStudio: {},
  byModel: {},
  folded: {},
  reservations: {},
  jobs: {},
  recent: [],
})

type Amounts = Omit<Totals, 'calls' | 'estimated'> & { estimated?: boolean }

function add(totals: Totals, a: Amounts): void {
  totals.calls += 1
  totals.micros += a.micros
  totals.inputTokens += a.inputTokens
  totals.outputTokens += a.outputTokens
  totals.images += a.images
  totals.videoSeconds += a.videoSeconds
  totals.searchQueries += a.searchQueries
  if (a.estimated) totals.estimated += 1
}

function count(doc: DayDoc, studio: string, model: string, a: Amounts): void {
  add(doc.spent, a)
  doc.byStudio[studio] ??= emptyTotals()
  add(doc.byStudio[studio], a)
  doc.byModel[model] ??= emptyTotals()
  add(doc.byModel[model], a)
}

/** Folds a batch unless it (or a later one of its instance) is in already; true when it changed. */
export function foldBatch(doc: DayDoc, batch: CallBatch): boolean {
  const last = doc.folded[batch.instance] ?? 0
  if (batch.seq !== last + 1) return false
  for (const call of batch.calls) {
    count(doc, call.studio, call.model, { ...call, videoSeconds: 0 })
  }
  doc.recent = [...doc.recent, ...batch.calls]
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    .slice(-RECENT_CALLS)
  doc.folded[batch.instance] = batch.seq
  return true
}

/** Applies how a job ended, once; a lapsed reservation may still be charged when it delivered. */
export function applyOutcome(doc: DayDoc, jobId: string, outcome: JobOutcome): boolean {
  const known = Object.hasOwn(doc.jobs, jobId) ? doc.jobs[jobId] : undefined
  if (known && !(known.state === 'released' && outcome.state === 'charged')) return false
  delete doc.reservations[jobId]
  doc.jobs[jobId] = outcome
  if (outcome.state === 'charged') {
    count(doc, outcome.studio, outcome.model, {
      micros: outcome.micros,
      inputTokens: 0,
      outputTokens: 0,
      images: 0,
      videoSeconds: outcome.videoSeconds ?? 0,
      searchQueries: 0,
    })
  }
  return true
}

/** The open reservations at `now` (a lapsed one no longer holds money). */
export const openReservations = (doc: DayDoc, now: Date) =>
  Object.entries(doc.reservations).filter(([, r]) => Date.parse(r.until) > now.getTime())

export const lapsedReservations = (doc: DayDoc, now: Date) =>
  Object.entries(doc.reservations).filter(([, r]) => Date.parse(r.until) <= now.getTime())

/** Spent plus held: what the day's budget has to cover. */
export const committedMicros = (doc: DayDoc, now: Date) =>
  doc.spent.micros + openReservations(doc, now).reduce((sum, [, r]) => sum + r.micros, 0)

/** The outcome a job entry records, as the day document keeps it. */
export const outcomeOf = (entry: JobEntry): JobOutcome | undefined =>
  entry.state === 'reserved'
    ? undefined
    : {
        state: entry.state,
        micros: entry.state === 'charged' ? (entry.chargedMicros ?? 0) : 0,
        studio: entry.studio,
        model: entry.model,
        at: entry.settledAt ?? entry.at,
        ...(entry.reason ? { reason: entry.reason } : {}),
        ...(entry.videoSeconds ? { videoSeconds: entry.videoSeconds } : {}),
      }

/** A day document read back from the store, or undefined when it is not one. */
export function asDayDoc(value: unknown, day: string): DayDoc | undefined {
  const doc = value as DayDoc | undefined
  const ok =
    doc?.format === 1 &&
    doc.day === day &&
    typeof doc.spent?.micros === 'number' &&
    [doc.byStudio, doc.byModel, doc.folded, doc.reservations, doc.jobs].every(
      (part) => part && typeof part === 'object'
    ) &&
    Array.isArray(doc.recent)
  return ok ? doc : undefined
}
