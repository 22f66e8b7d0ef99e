/**
 * @module usage/responses
 * What the spend API answers, as schemas: a period's budget, spend totals, the day's calls and
 * paid jobs, the usage report (with an admin's overview of every workspace), and the budget a
 * video job's dry run shows. The report's types are derived from them (`report.ts`), the API
 * document shows them and the tests check every answer against them.
 */
import * as v from 'valibot'

const usd = (description: string) => v.pipe(v.number(), v.description(description))

export const PeriodBudget = v.object({
  budgetUsd: v.pipe(v.nullable(v.number()), v.description('The limit; null: no limit.')),
  spentUsd: usd('Charged so far.'),
  reservedUsd: usd('Held by paid jobs that have not ended.'),
  remainingUsd: v.pipe(
    v.nullable(v.number()),
    v.description('What is left (never below 0); null: no limit.')
  ),
  resetsAt: v.pipe(v.string(), v.description('When the period (UTC) and its budget start again.')),
})

export const Totals = v.object({
  calls: v.number(),
  usd: v.number(),
  inputTokens: v.number(),
  outputTokens: v.pipe(v.number(), v.description('Answer and thinking tokens.')),
  images: v.number(),
  videoSeconds: v.number(),
  searchQueries: v.number(),
  estimatedCalls: v.pipe(
    v.number(),
    v.description('Calls priced with an estimated row (no published price).')
  ),
})

const byKey = (what: string) => v.pipe(v.record(v.string(), Totals), v.description(what))

export const CallView = v.object({
  at: v.string(),
  studio: v.string(),
  model: v.pipe(v.string(), v.description('The id the call really ran on.')),
  inputTokens: v.number(),
  outputTokens: v.number(),
  images: v.number(),
  searchQueries: v.number(),
  usd: v.number(),
  estimated: v.boolean(),
})

export const JobView = v.object({
  jobId: v.string(),
  studio: v.string(),
  model: v.string(),
  usd: v.pipe(v.number(), v.description('Held, charged, or 0 when released.')),
  at: v.string(),
  state: v.picklist(['reserved', 'charged', 'released']),
  until: v.optional(v.pipe(v.string(), v.description('When a reservation lapses.'))),
  reason: v.optional(
    v.pipe(v.string(), v.description('Why a job was released (`video_failed`, `expired`, …).'))
  ),
  videoSeconds: v.optional(v.pipe(v.number(), v.description('What a charged job delivered.'))),
})

export const DayUsage = v.object({
  ...PeriodBudget.entries,
  date: v.string(),
  totals: Totals,
  byStudio: byKey('Spend by studio (seo, image, video, brand, …).'),
  byModel: byKey('Spend by model id.'),
  calls: v.pipe(v.array(CallView), v.description('The latest calls, newest first (at most 100).')),
  jobs: v.pipe(v.array(JobView), v.description('Open reservations, then how the others ended.')),
})

export const MonthUsage = v.object({
  ...PeriodBudget.entries,
  month: v.string(),
  totals: Totals,
  byStudio: byKey('Spend by studio.'),
  byModel: byKey('Spend by model id.'),
})

export const WorkspaceSummary = v.object({
  workspace: v.string(),
  day: PeriodBudget,
  month: PeriodBudget,
})

export const UsageReport = v.object({
  workspace: v.string(),
  generatedAt: v.string(),
  day: DayUsage,
  month: MonthUsage,
})

export const UsageResponse = v.object({
  ...UsageReport.entries,
  workspaces: v.optional(
    v.pipe(
      v.array(WorkspaceSummary),
      v.description('Every workspace, for an admin key only (`+name:key` in `API_KEYS`).')
    )
  ),
})

/** What a video job's dry run says of the workspace's budget. */
export const BudgetView = v.object({
  day: PeriodBudget,
  month: PeriodBudget,
  covers: v.pipe(
    v.boolean(),
    v.description('Whether what is left holds the estimate; if not, starting it is a 402.')
  ),
})
