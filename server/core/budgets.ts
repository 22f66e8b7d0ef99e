/**
 * @module core/budgets
 * How much a workspace may spend on AI: `BUDGET_USD_PER_DAY` and `BUDGET_USD_PER_MONTH` for
 * every workspace, and `WORKSPACE_BUDGETS` (JSON) for the workspaces that differ, e.g.
 * `{"acme":{"usdPerDay":5,"usdPerMonth":100},"ops":{"usdPerDay":null}}` (`null`: no limit).
 * Days and months are UTC.
 */
import * as v from 'valibot'

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

// Built only when the variable is set: configuration is read at every cold start, mostly without this variable.
const buildSchema = () => {
  const Dollars = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1_000_000)))
  return v.record(
    v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/)),
    v.strictObject({ usdPerDay: v.optional(Dollars), usdPerMonth: v.optional(Dollars) })
  )
}

export const WORKSPACE_BUDGETS_EXAMPLE =
  '{"acme":{"usdPerDay":5,"usdPerMonth":100},"ops":{"usdPerDay":null}}'

/** `WORKSPACE_BUDGETS` as JSON; undefined when it is not valid. */
export function parseWorkspaceBudgets(
  json: string | undefined
): BudgetConfig['workspaces'] | undefined {
  if (!json) return {}
  try {
    const result = v.safeParse(buildSchema(), JSON.parse(json))
    return result.success ? result.output : undefined
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
