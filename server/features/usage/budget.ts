/**
 * @module usage/budget
 * A workspace's budget against what it has committed (spent plus open reservations), for the
 * day and the month, and the refusal when a call or a job would pass it: 402
 * `budget_exceeded` with the limit, what is left and when it resets.
 */
import type * as v from 'valibot'
import { toUsd } from '../../ai/prices'
import type { Budget } from '../../core/budgets'
import { AppError } from '../../core/errors'
import { dayEnd, monthEnd } from './keys'
import type { PeriodBudget as PeriodBudgetSchema } from './responses'

export type Period = 'day' | 'month'

/** One period's budget as the UI and the API show it (US dollars). */
export type PeriodBudget = v.InferOutput<typeof PeriodBudgetSchema>

/** What is committed in each period, in micro-dollars. */
export interface Committed {
  day: { spent: number; reserved: number }
  month: { spent: number; reserved: number }
}

const limitMicros = (usd: number | undefined) =>
  usd === undefined ? undefined : Math.round(usd * 1_000_000)

export function periodBudget(
  budget: Budget,
  committed: Committed,
  period: Period,
  now: Date
): PeriodBudget {
  const limit = limitMicros(period === 'day' ? budget.usdPerDay : budget.usdPerMonth)
  const { spent, reserved } = committed[period]
  return {
    budgetUsd: limit === undefined ? null : toUsd(limit),
    spentUsd: toUsd(spent),
    reservedUsd: toUsd(reserved),
    remainingUsd: limit === undefined ? null : toUsd(Math.max(0, limit - spent - reserved)),
    resetsAt: (period === 'day' ? dayEnd(now) : monthEnd(now)).toISOString(),
  }
}

/**
 * Throws the refusal when `extra` micro-dollars would pass a limit; with `extra` 0 (a text call,
 * priced only afterwards) it throws once the budget is used up.
 */
export function assertWithin(budget: Budget, committed: Committed, extra: number, now: Date) {
  for (const period of ['day', 'month'] as const) {
    const limit = limitMicros(period === 'day' ? budget.usdPerDay : budget.usdPerMonth)
    if (limit === undefined) continue
    const used = committed[period].spent + committed[period].reserved
    if (used >= limit || used + extra > limit) {
      throw budgetExceeded(periodBudget(budget, committed, period, now), period, extra)
    }
  }
}

export const budgetExceeded = (status: PeriodBudget, period: Period, extra: number) =>
  new AppError(
    402,
    'budget_exceeded',
    period === 'day'
      ? "This workspace's AI budget for today does not cover this request."
      : "This workspace's AI budget for this month does not cover this request.",
    {
      details: {
        period,
        budgetUsd: status.budgetUsd,
        spentUsd: status.spentUsd,
        reservedUsd: status.reservedUsd,
        remainingUsd: status.remainingUsd,
        requiredUsd: toUsd(extra),
        resetsAt: status.resetsAt,
      },
    }
  )

export const hasLimit = (budget: Budget) =>
  budget.usdPerDay !== undefined || budget.usdPerMonth !== undefined
