/**
 * @module usage/ledger
 * The per-workspace ledger of AI spend, in the store beside saved work. Calls are priced from
 * the dated price table when they answer and kept by the call buffer (no store write on the
 * answer's path); paid jobs reserve and settle through `jobs`. Budget checks read the day's
 * totals from a copy kept fresh in the background (at most `freshMs` old, plus what this
 * instance has not folded yet), so admitting a call costs no store round trip once the
 * workspace's day is loaded. Reservations are checked against the stored totals themselves.
 */
import { minimumMicros, priceCall } from '../../ai/prices'
import type { CallUsage, SpendMeter } from '../../ai/spend'
import type { SpendConfig } from '../../config'
import { budgetOf } from '../../core/budgets'
import type { Logger } from '../../core/logger'
import type { BlobStore } from '../../storage/types'
import { assertWithin, type Committed, hasLimit, periodBudget } from './budget'
import { createCallBuffer } from './call-buffer'
import { type DayDoc, lapsedReservations, openReservations } from './day-doc'
import { type LedgerScope, readDay } from './day-store'
import { lapse, type ReserveRequest, reserve, type Settlement, settle } from './jobs'
import { dayOf, earlierDaysOfMonth } from './keys'
import { reconcileDay } from './reconcile'
import { buildReport, type UsageReport, type WorkspaceSummary } from './report'

export type { Settlement } from './jobs'

export interface LedgerOptions {
  store: BlobStore
  log: Logger
  clock: () => Date
  spend: SpendConfig
  /** Every workspace the keys name (an admin's report covers them). */
  workspaces: readonly string[]
  /** How often priced calls are written (default 2 s). */
  flushMs?: number
  /** How old the copy of a day's totals may be for a budget check (default 2 s). */
  freshMs?: number
  /** How long the earlier days of the month are kept (default 60 s). */
  earlierMs?: number
}

/** What a job reserved, to settle it later. */
export interface JobReservation {
  day: string
  micros: number
}

export interface BudgetView {
  day: ReturnType<typeof periodBudget>
  month: ReturnType<typeof periodBudget>
}

export interface Ledger {
  /** The meter of one request (`ai/spend`): admits and records its model calls. */
  meter(workspace: string, studio: string): SpendMeter
  /** Refuses a request that would call models once the workspace's budget is used up. */
  guard(workspace: string): Promise<void>
  /** Reserves a paid job's estimate; 402 when it would pass the budget. */
  reserve(workspace: string, request: ReserveRequest): Promise<JobReservation>
  settle(workspace: string, day: string, jobId: string, settlement: Settlement): Promise<void>
  budget(workspace: string): Promise<BudgetView>
  report(workspace: string): Promise<UsageReport>
  summaries(): Promise<WorkspaceSummary[]>
  /** Writes every priced call still in memory (shutdown, tests). */
  flush(): Promise<void>
}

interface Cached<T> {
  value: T
  at: number
  loading?: Promise<T>
}

const instanceName = () => crypto.randomUUID().replaceAll('-', '').slice(0, 12)

export function createLedger(options: LedgerOptions): Ledger {
  const { store, log, clock, spend } = options
  const freshMs = options.freshMs ?? 2_000
  const earlierMs = options.earlierMs ?? 60_000
  const instance = instanceName()
  const days = new Map<string, Cached<DayDoc>>()
  const earlier = new Map<string, Cached<DayDoc[]>>()
  const scope = (workspace: string): LedgerScope => ({ store, workspace, log })
  const remember = (workspace: string, doc: DayDoc) => {
    days.set(`${workspace}/${doc.day}`, { value: doc, at: Date.now() })
    // An earlier day changed (calls folded or a job settled after midnight): the month's copy
    // of it is read again next time, or a monthly cap would miss yesterday's last calls.
    const today = dayOf(clock())
    if (doc.day !== today) earlier.delete(`${workspace}/${today}`)
  }
  const buffer = createCallBuffer({
    store,
    log,
    instance,
    flushMs: options.flushMs ?? 2_000,
    onFolded: remember,
  })

  /** A cached value: fresh, or stale while one load refreshes it, or loaded when absent. */
  function cached<T>(
    map: Map<string, Cached<T>>,
    id: string,
    maxAge: number,
    load: () => Promise<T>
  ) {
    const entry = map.get(id)
    const start = () => {
      const loading = load().then(
        (value) => {
          map.set(id, { value, at: Date.now() })
          return value
        },
        (error) => {
          const current = map.get(id)
          if (current && current.at > 0) map.set(id, { ...current, loading: undefined })
          else map.delete(id)
          throw error
        }
      )
      map.set(id, { ...(entry ?? { value: undefined as T, at: 0 }), loading })
      return loading
    }
    if (!entry) return start()
    if (Date.now() - entry.at > maxAge && !entry.loading) {
      start().catch((error: unknown) => log.warn('Ledger refresh failed', { err: error }))
    }
    return entry.at === 0 && entry.loading ? entry.loading : Promise.resolve(entry.value)
  }

  const dayDoc = (workspace: string, day: string) =>
    cached(days, `${workspace}/${day}`, freshMs, () => readDay(scope(workspace), day))

  const earlierDays = (workspace: string, day: string) =>
    cached(earlier, `${workspace}/${day}`, earlierMs, () =>
      Promise.all(earlierDaysOfMonth(day).map((d) => readDay(scope(workspace), d)))
    )

  async function committed(workspace: string, now: Date, withMonth: boolean): Promise<Committed> {
    const day = dayOf(now)
    const doc = await dayDoc(workspace, day)
    return committedWith(doc, withMonth ? await earlierDays(workspace, day) : [], workspace, now)
  }

  function committedWith(doc: DayDoc, before: DayDoc[], workspace: string, now: Date) {
    const held = (d: DayDoc) => openReservations(d, now).reduce((n, [, r]) => n + r.micros, 0)
    const today = {
      spent: doc.spent.micros + buffer.unfolded(workspace, doc.day),
      reserved: held(doc),
    }
    const month = before.reduce(
      (m, d) => ({
        spent: m.spent + d.spent.micros + buffer.unfolded(workspace, d.day),
        reserved: m.reserved + held(d),
      }),
      today
    )
    return { day: today, month }
  }

  async function admit(workspace: string, modelId: string | undefined) {
    const budget = budgetOf(spend.budgets, workspace)
    if (!hasLimit(budget)) return
    const now = clock()
    const extra = modelId ? minimumMicros(spend.prices, modelId, dayOf(now)) : 0
    assertWithin(
      budget,
      await committed(workspace, now, budget.usdPerMonth !== undefined),
      extra,
      now
    )
  }

  function record(workspace: string, studio: string, usage: CallUsage) {
    const now = clock()
    const day = dayOf(now)
    const price = priceCall(spend.prices, usage, day)
    buffer.add(workspace, day, {
      at: now.toISOString(),
      studio,
      model: usage.modelId,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      images: usage.images,
      searchQueries: usage.searchQueries,
      micros: price.micros,
      ...(price.estimated ? { estimated: true as const } : {}),
    })
  }

  /** Today's totals as stored now, with lapsed reservations ended and lost batches folded. */
  async function settledToday(workspace: string, now: Date): Promise<DayDoc> {
    const day = dayOf(now)
    await buffer.flush(workspace)
    let doc = await readDay(scope(workspace), day)
    if (lapsedReservations(doc, now).length)
      doc = (await lapse(scope(workspace), day, doc, now)) ?? doc
    doc = (await reconcileDay(scope(workspace), day, doc, instance)) ?? doc
    remember(workspace, doc)
    return doc
  }

  return {
    meter: (workspace, studio) => ({
      admit: (modelId) => admit(workspace, modelId),
      record: (usage) => record(workspace, studio, usage),
    }),
    guard: (workspace) => admit(workspace, undefined),
    async reserve(workspace, request) {
      const now = clock()
      const day = dayOf(now)
      const budget = budgetOf(spend.budgets, workspace)
      const before = budget.usdPerMonth !== undefined ? await earlierDays(workspace, day) : []
      const current = await dayDoc(workspace, day)
      if (lapsedReservations(current, now).length) await lapse(scope(workspace), day, current, now)
      const doc = await reserve(scope(workspace), day, now, request, (d) =>
        assertWithin(budget, committedWith(d, before, workspace, now), request.micros, now)
      )
      remember(workspace, doc)
      return { day, micros: request.micros }
    },
    async settle(workspace, day, jobId, settlement) {
      const doc = await settle(scope(workspace), day, jobId, settlement, clock())
      if (doc) remember(workspace, doc)
      // An earlier day of the month changed: its copy is read again next time.
      if (day !== dayOf(clock())) earlier.delete(`${workspace}/${dayOf(clock())}`)
    },
    async budget(workspace) {
      const now = clock()
      const budget = budgetOf(spend.budgets, workspace)
      const c = await committed(workspace, now, true)
      return {
        day: periodBudget(budget, c, 'day', now),
        month: periodBudget(budget, c, 'month', now),
      }
    },
    async report(workspace) {
      const now = clock()
      const doc = await settledToday(workspace, now)
      const before = await earlierDays(workspace, doc.day)
      const c = committedWith(doc, before, workspace, now)
      return buildReport({
        workspace,
        now,
        budget: budgetOf(spend.budgets, workspace),
        committed: c,
        today: doc,
        earlier: before,
      })
    },
    async summaries() {
      const now = clock()
      return Promise.all(
        options.workspaces.map(async (workspace) => {
          const budget = budgetOf(spend.budgets, workspace)
          const c = await committed(workspace, now, true)
          return {
            workspace,
            day: periodBudget(budget, c, 'day', now),
            month: periodBudget(budget, c, 'month', now),
          }
        })
      )
    },
    flush: () => buffer.flush(),
  }
}
