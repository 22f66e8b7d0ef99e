/**
 * @module seo/search-console/context
 * What the Search Console steps receive: the API client (made on first use, one per app, so its
 * token is cached), the store (today's reports), the workspace, the row limits, the clock.
 */
import type { Context } from 'hono'
import type { SearchConsoleConfig } from '../../../config'
import type { AppEnv } from '../../../core/context'
import { once } from '../../../core/lazy'
import type { Logger } from '../../../core/logger'
import type { BlobStore } from '../../../storage/types'
import type { FeatureDeps } from '../../context'
import type { SearchConsoleClient } from './client'

export interface SearchConsoleContext {
  client: () => Promise<SearchConsoleClient>
  store: BlobStore
  workspace: string
  log: Logger
  limits: Pick<SearchConsoleConfig, 'maxRows' | 'pageRows'>
  clock: () => Date
  signal?: AbortSignal
}

export function searchConsoleContext(deps: FeatureDeps) {
  const client = once(async () =>
    (await import('./client')).createSearchConsoleClient({
      endpoint: deps.config.searchConsole.endpoint,
      auth: deps.searchConsoleAuth,
      log: deps.log,
    })
  )
  return (c: Context<AppEnv>): SearchConsoleContext => ({
    client,
    store: deps.store,
    workspace: c.get('workspace'),
    log: c.get('log') ?? deps.log,
    limits: deps.config.searchConsole,
    clock: deps.clock,
    signal: c.req.raw.signal,
  })
}
