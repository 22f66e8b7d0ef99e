/**
 * @module features/context
 * What feature code receives from the app: the dependencies a feature's routes are built with,
 * and the per-request `StepContext` every step function takes first (`step(ctx, input)`), so a
 * client that goes away cancels the model calls it started.
 */
import type { Context } from 'hono'
import type { AiGateway } from '../ai/types'
import type { Config } from '../config'
import type { AppEnv } from '../core/context'
import type { Logger } from '../core/logger'
import type { FetchPolicy } from '../core/safe-fetch'
import type { BlobStore } from '../storage/types'
import type { Ledger } from './usage/ledger'

/** The app's dependencies as features see them (built in `server/deps.ts`). */
export interface FeatureDeps {
  config: Config
  log: Logger
  ai: AiGateway
  store: BlobStore
  clock: () => Date
  /** Per-workspace AI spend: prices calls, holds paid jobs' estimates, enforces budgets. */
  ledger: Ledger
  /** What the safe fetcher may reach; the strict policy from config when absent (tests pass one). */
  fetchPolicy?: FetchPolicy
  /** Search Console credentials; Application Default Credentials when absent (tests pass a file). */
  searchConsoleAuth?: { keyFilename?: string }
}

/** The dependencies of one step, for one request. */
export interface StepContext {
  ai: AiGateway
  store: BlobStore
  log: Logger
  /** Aborts model calls when the client goes away. */
  signal?: AbortSignal
}

export const stepContext = (
  deps: Pick<FeatureDeps, 'ai' | 'store' | 'log'>,
  c: Context<AppEnv>
): StepContext => ({
  ai: deps.ai,
  store: deps.store,
  log: c.get('log') ?? deps.log,
  signal: c.get('signal') ?? c.req.raw.signal,
})
