/**
 * @module deps
 * Everything the app needs from outside, built from config. Tests pass their own pieces (a
 * gateway pointed at the fake Gemini, a store on a temporary folder) to `createApp`. The AI
 * gateway is made with the API (`api.ts`, loaded on the first API request) unless one is given:
 * nothing of it is evaluated to answer the start-up probe.
 */
import type { AiGateway } from './ai/types'
import { type Config, DEFAULT_WORKSPACE } from './config'
import { createDrain, type Drain } from './core/drain'
import { createLogger } from './core/logger'
import type { FeatureDeps } from './features/context'
import { lazyLedger } from './lazy-ledger'
import { createBlobStore } from './storage'

export interface AppDeps extends Omit<FeatureDeps, 'ai'> {
  /** The AI gateway; made from config with the API when absent. */
  ai?: AiGateway
  /** The built client's directory, or undefined to serve the API only. */
  distDir?: string
  /** The process's shutdown: `server/index.ts` starts it on SIGTERM. */
  drain: Drain
}

export function createDeps(config: Config, overrides: Partial<AppDeps> = {}): AppDeps {
  const log =
    overrides.log ??
    createLogger({
      level: config.log.level,
      format: config.log.format,
      secrets: [
        config.ai.apiKey,
        config.jinaApiKey,
        config.cse?.apiKey,
        config.secretsKey,
        ...config.apiKeys.map((k) => k.key),
      ],
    })
  const store = overrides.store ?? createBlobStore(config.storage, log)
  const clock = overrides.clock ?? (() => new Date())
  return {
    config,
    log,
    ai: overrides.ai,
    store,
    distDir: overrides.distDir,
    drain: overrides.drain ?? createDrain(),
    clock,
    fetchPolicy: overrides.fetchPolicy,
    searchConsoleAuth: overrides.searchConsoleAuth,
    ledger:
      overrides.ledger ??
      lazyLedger({ store, log, clock, spend: config.spend, workspaces: workspacesOf(config) }),
  }
}

/** The default workspace and every one a key names. */
const workspacesOf = (config: Config) => [
  ...new Set([DEFAULT_WORKSPACE, ...config.apiKeys.map((k) => k.workspace)]),
]
