/**
 * @module core/budgets
 * How much a workspace may spend on AI: `BUDGET_USD_PER_DAY` and `BUDGET_USD_PER_MONTH` for
 * every workspace, and `WORKSPACE_BUDGETS` (JSON) for the workspaces that differ, e.g.
 * `{"acme":{"usdPerDay":5,"usdPerMonth":100},"ops":{"usdPerDay":null}}` (`null`: no limit).
 * Days and months are UTC.
 */
/** A workspace's limits in US dollars; absent: no limit. */
export interface Budget {
  readonly usdPerDay?: number
  readonly usdPerMonth?: number
}

export interface BudgetConfig {
  /** Every workspace's limits unless it has its own. */
  readonly all: Budget
  /** Limits per workspace name; a field set (a number, or `null` for none) replaces `all`'s. */
  readonly workspaces: Readonly<
    Record<string, { usdPerDay?: number | null; usdPerMonth?: number | null }>
  >
}

// Checked by hand, not with valibot: configuration is read at every cold start (core/env-fields).
const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)
const isLimit = (x: unknown) =>
  x === undefined || x === null || (typeof x === 'number' && x >= 0 && x <= 1_000_000)
const isEntry = (x: unknown) =>
  isObject(x) &&
  Object.keys(x).every((k) => k === 'usdPerDay' || k === 'usdPerMonth') &&
  isLimit(x.usdPerDay) &&
  isLimit(x.usdPerMonth)

export const WORKSPACE_BUDGETS_EXAMPLE =
  '{"acme":{"usdPerDay":5,"usdPerMonth":100},"ops":{"usdPerDay":null}}'

/** `WORKSPACE_BUDGETS` as JSON; undefined when it is not valid. */
export function parseWorkspaceBudgets(
  json: string | undefined
): BudgetConfig['workspaces'] | undefined {
  if (!json) return {}
  try {
    const parsed: unknown = JSON.parse(json)
    if (!isObject(parsed)) return undefined
    const ok = Object.entries(parsed).every(
      ([name, entry]) => /^[a-z0-9][a-z0-9-]{0,31}$/.test(name) && isEntry(entry)
    )
    return ok ? (parsed as BudgetConfig['workspaces']) : undefined
  } catch {
    return undefined
  }
}

/** The limits that apply to `workspace`. */
export function budgetOf(config: BudgetConfig, workspace: string): Budget {
  const own = Object.hasOwn(config.workspaces, workspace) ? config.workspaces[workspace] : undefined
  const pick = (field: keyof Budget) => {
    const value = own && field in own ? own[field] : config.all[field]
    return value === null || value === undefined ? {} : { [field]: value }
  }
  return { ...pick('usdPerDay'), ...pick('usdPerMonth') }
}
