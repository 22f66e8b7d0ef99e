/**
 * @module brand/analysis
 * What `POST /api/analyze` loads on its first request: the request schema, the analysis, and
 * the context it runs with (the strict fetch policy from config, built once).
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../core/context'
import { createFetchPolicy, type FetchPolicy } from '../../core/safe-fetch'
import type { FeatureDeps } from '../context'
import type { AnalyzeContext } from './analyze'

export { analyzeBrand } from './analyze'
export { AnalyzeRequest, AnalyzeResponse } from './schemas'

const policies = new WeakMap<object, FetchPolicy>()

export function analyzeContext(deps: FeatureDeps, c: Context<AppEnv>): AnalyzeContext {
  let policy = deps.fetchPolicy ?? policies.get(deps.config)
  if (!policy) {
    policy = createFetchPolicy(deps.config)
    policies.set(deps.config, policy)
  }
  return {
    deps,
    policy,
    log: c.get('log') ?? deps.log,
    signal: c.get('signal') ?? c.req.raw.signal,
  }
}
