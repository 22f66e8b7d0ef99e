/**
 * @module usage/budget-guard
 * `budgetGuard(options)`: every model call a request makes is admitted and recorded against its
 * workspace's budget, whatever feature makes it: the request runs under the workspace's spend
 * meter (`ai/spend`), which the gateway asks before each call (a call past the budget is a 402
 * `budget_exceeded` before anything is sent upstream) and tells what each answer used. A request
 * that calls models is refused up front once the day's (or month's) budget is spent.
 */
import type { MiddlewareHandler } from 'hono'
import { withSpendMeter } from '../../ai/spend'
import type { AppEnv } from '../../core/context'
import type { Ledger } from './ledger'

export interface BudgetGuardOptions {
  ledger: Pick<Ledger, 'meter' | 'guard'>
  /** Requests refused before their handler once the budget is spent. */
  refuseWhenSpent(method: string, path: string): boolean
  /** The studio a request's calls are counted under (default: from its path). */
  studioOf?(path: string): string
}

/**
 * `/api/seo/…` -> `seo`; brand analysis and brand checks (of images, and of a video job's clip)
 * -> `brand`; else the first segment (`campaigns`, `image`, `video`…).
 */
export function studioOf(path: string): string {
  const first = path.split('/')[2] ?? ''
  if (first === 'analyze' || first.startsWith('brand') || path.endsWith('/brand-check'))
    return 'brand'
  return first || 'other'
}

/**
 * @example
 * api.use('*', budgetGuard({ ledger, refuseWhenSpent: (method) => method === 'POST' }))
 * // every `ai.text(…)` in a handler is now admitted and recorded for `c.get('workspace')`
 */
export function budgetGuard(options: BudgetGuardOptions): MiddlewareHandler<AppEnv> {
  const studio = options.studioOf ?? studioOf
  return async function budgetGuard(c, next) {
    const workspace = c.get('workspace')
    if (options.refuseWhenSpent(c.req.method, c.req.path)) await options.ledger.guard(workspace)
    const meter = options.ledger.meter(workspace, studio(c.req.path))
    await withSpendMeter(meter, next)
  }
}
