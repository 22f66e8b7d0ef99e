/**
 * @module usage/report
 * `GET /api/usage`'s answer from the stored totals: today's and this month's spend by studio
 * and by model in US dollars, the day's latest calls, the paid jobs held, charged and released
 * (with the reason), and the budget of each period with what is left and when it resets.
 */
import type * as v from 'valibot'
import { toUsd } from '../../ai/prices'
import type { Budget } from '../../core/budgets'
import { type Committed, periodBudget } from './budget'
import { type DayDoc, emptyTotals, type JobOutcome, openReservations, type Totals } from './day-doc'
import { monthOf } from './keys'
import type * as S from './responses'

export type TotalsView = v.InferOutput<typeof S.Totals>
export type CallView = v.InferOutput<typeof S.CallView>
export type JobView = v.InferOutput<typeof S.JobView>
export type UsageReport = v.InferOutput<typeof S.UsageReport>
/** One workspace in an admin's overview. */
export type WorkspaceSummary = v.InferOutput<typeof S.WorkspaceSummary>

const view = (t: Totals): TotalsView => ({
  calls: t.calls,
  usd: toUsd(t.micros),
  inputTokens: t.inputTokens,
  outputTokens: t.outputTokens,
  images: t.images,
  videoSeconds: t.videoSeconds,
  searchQueries: t.searchQueries,
  estimatedCalls: t.estimated,
})

const views = (byKey: Record<string, Totals>) =>
  Object.fromEntries(Object.entries(byKey).map(([k, t]) => [k, view(t)]))

function merged(docs: DayDoc[], pick: (d: DayDoc) => Record<string, Totals>) {
  const out: Record<string, Totals> = {}
  for (const doc of docs) {
    for (const [key, t] of Object.entries(pick(doc))) {
      out[key] ??= emptyTotals()
      const sum = out[key]
      for (const field of Object.keys(sum) as (keyof Totals)[]) sum[field] += t[field]
    }
  }
  return out
}

const outcomeView = (jobId: string, o: JobOutcome): JobView => ({
  jobId,
  studio: o.studio,
  model: o.model,
  usd: toUsd(o.micros),
  at: o.at,
  state: o.state,
  ...(o.reason ? { reason: o.reason } : {}),
  ...(o.videoSeconds ? { videoSeconds: o.videoSeconds } : {}),
})

export function buildReport(input: {
  workspace: string
  now: Date
  budget: Budget
  committed: Committed
  today: DayDoc
  earlier: DayDoc[]
}): UsageReport {
  const { today, now } = input
  const all = [...input.earlier, today]
  const held: JobView[] = openReservations(today, now).map(([jobId, r]) => ({
    jobId,
    studio: r.studio,
    model: r.model,
    usd: toUsd(r.micros),
    at: r.at,
    state: 'reserved',
    until: r.until,
  }))
  const ended = Object.entries(today.jobs).map(([jobId, o]) => outcomeView(jobId, o))
  return {
    workspace: input.workspace,
    generatedAt: now.toISOString(),
    day: {
      ...periodBudget(input.budget, input.committed, 'day', now),
      date: today.day,
      totals: view(today.spent),
      byStudio: views(today.byStudio),
      byModel: views(today.byModel),
      calls: [...today.recent].reverse().map(({ micros, estimated, ...call }) => ({
        ...call,
        usd: toUsd(micros),
        estimated: estimated === true,
      })),
      jobs: [...held, ...ended.sort((a, b) => (a.at < b.at ? 1 : -1))],
    },
    month: {
      ...periodBudget(input.budget, input.committed, 'month', now),
      month: monthOf(today.day),
      totals: view(merged(all, (d) => ({ all: d.spent })).all ?? emptyTotals()),
      byStudio: views(merged(all, (d) => d.byStudio)),
      byModel: views(merged(all, (d) => d.byModel)),
    },
  }
}
