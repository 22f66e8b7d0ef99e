/**
 * @module seo/wordpress/context
 * What the WordPress steps receive: the store (connection and post records), the request's
 * workspace, the safe fetcher's policy (a user's WordPress is a URL they typed: it goes through
 * the SSRF checks like any page), the secret box (none without `SECRETS_KEY`) and the logger.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../../core/context'
import { errors } from '../../../core/errors'
import type { Logger } from '../../../core/logger'
import { createFetchPolicy, type FetchPolicy } from '../../../core/safe-fetch'
import { createSecretBox, type SecretBox } from '../../../core/secrets'
import type { BlobStore } from '../../../storage/types'
import type { FeatureDeps } from '../../context'

export interface WordPressContext {
  store: BlobStore
  workspace: string
  log: Logger
  policy: FetchPolicy
  /** Throws 503 `not_configured` when `SECRETS_KEY` is not set. */
  secrets: () => SecretBox
  signal?: AbortSignal
}

export function wordPressContext(deps: FeatureDeps) {
  const policy = deps.fetchPolicy ?? createFetchPolicy(deps.config)
  let made: SecretBox | undefined
  const box = () => {
    const key = deps.config.secretsKey
    if (!key) throw errors.notConfigured('Publishing to WordPress', 'SECRETS_KEY')
    made ??= createSecretBox(key)
    return made
  }
  return (c: Context<AppEnv>): WordPressContext => ({
    store: deps.store,
    workspace: c.get('workspace'),
    log: c.get('log') ?? deps.log,
    policy,
    secrets: box,
    signal: c.req.raw.signal,
  })
}
