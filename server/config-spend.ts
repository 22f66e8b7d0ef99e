/**
 * @module config-spend
 * The money part of the configuration: `AI_PRICES` over the built-in price table, and what each
 * workspace may spend (`BUDGET_USD_PER_DAY`, `BUDGET_USD_PER_MONTH`, `WORKSPACE_BUDGETS`).
 */
import { AI_PRICES_EXAMPLE, aiPrices } from './ai/price-overrides'
import type { PriceTable } from './ai/prices'
import { type BudgetConfig, parseWorkspaceBudgets, WORKSPACE_BUDGETS_EXAMPLE } from './core/budgets'
import { type Field, type FieldValues, text } from './core/env-fields'

/** Prices of model calls and what each workspace may spend (see `features/usage`). */
export interface SpendConfig {
  /** The dated price table of text, image and search calls, with `AI_PRICES` over it. */
  readonly prices: PriceTable
  /** Items whose rows come from `AI_PRICES`. */
  readonly configuredPrices: ReadonlySet<string>
  readonly budgets: BudgetConfig
}

/** US dollars with at most six decimals; unset (or blank) is no limit. */
const dollars: Field<number | undefined> = (raw) => {
  const value = raw?.trim()
  if (!value) return { ok: true, value: undefined }
  return /^\d+(\.\d{1,6})?$/.test(value)
    ? { ok: true, value: Number(value) }
    : { ok: false, message: 'must be an amount in US dollars such as 25 or 2.50' }
}

/** The variables, as fields of the environment's readers. */
export const SPEND_FIELDS = {
  AI_PRICES: text,
  BUDGET_USD_PER_DAY: dollars,
  BUDGET_USD_PER_MONTH: dollars,
  WORKSPACE_BUDGETS: text,
}

const jsonProblem = (name: string, example: string, unit = '') =>
  `${name} must be JSON such as ${example}${unit}`

/** @throws the error `fail` makes of a problem (a JSON variable that is not valid). */
export function spendConfig(
  e: FieldValues<typeof SPEND_FIELDS>,
  fail: (problem: string) => Error
): SpendConfig {
  const readOn = new Date().toISOString().slice(0, 10)
  const prices = aiPrices(e.AI_PRICES, readOn)
  if (!prices) throw fail(jsonProblem('AI_PRICES', AI_PRICES_EXAMPLE))
  const workspaces = parseWorkspaceBudgets(e.WORKSPACE_BUDGETS)
  if (!workspaces) {
    throw fail(jsonProblem('WORKSPACE_BUDGETS', WORKSPACE_BUDGETS_EXAMPLE, ' (null: no limit)'))
  }
  const all: BudgetConfig['all'] = {
    ...(e.BUDGET_USD_PER_DAY === undefined ? {} : { usdPerDay: e.BUDGET_USD_PER_DAY }),
    ...(e.BUDGET_USD_PER_MONTH === undefined ? {} : { usdPerMonth: e.BUDGET_USD_PER_MONTH }),
  }
  return {
    prices: prices.table,
    configuredPrices: prices.configured,
    budgets: { all, workspaces },
  }
}
