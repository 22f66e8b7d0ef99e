/**
 * @module deps
 * Everything the app needs from outside, built from config. Tests pass their own pieces (a
 * gateway pointed at the fake Gemini, a store on a temporary folder) to `createApp`.
 */
import { createAiGateway } from './ai/gateway'
import type { Config } from './config'
import { createLogger } from './core/logger'
import type { FeatureDeps } from './features/context'
import { createBlobStore } from './storage'

export interface AppDeps extends FeatureDeps {
  /** The built client's directory, or undefined to serve the API only. */
  distDir?: string
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
  return {
    config,
    log,
    ai: overrides.ai ?? createAiGateway({ ai: config.ai, log }),
    store: overrides.store ?? createBlobStore(config.storage, log),
    distDir: overrides.distDir,
    clock: overrides.clock ?? (() => new Date()),
    fetchPolicy: overrides.fetchPolicy,
    searchConsoleAuth: overrides.searchConsoleAuth,
  }
}
