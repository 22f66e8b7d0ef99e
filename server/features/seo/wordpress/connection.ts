/**
 * @module seo/wordpress/connection
 * The workspace's WordPress site: address, user name and application password, checked against
 * the site before they are kept, stored at `secrets/<workspace>/wordpress.json` with the password
 * sealed (AES-GCM, `SECRETS_KEY`). What the API answers never carries the password.
 */
import * as v from 'valibot'
import { errors } from '../../../core/errors'
import { requiredText } from '../../../core/schema'
import type { Sealed } from '../../../core/secrets'
import { SiteUrl } from '../strategy/site-url'
import type { WordPressContext } from './context'
import { connectWordPress, type WordPressApi, type WordPressCredentials } from './rest'

export { WordPressConnectionResponse } from './responses'

export const WordPressConnectionRequest = v.object({
  siteUrl: SiteUrl,
  username: requiredText(60),
  /** As WordPress shows it (groups of four separated by spaces are fine). */
  applicationPassword: requiredText(200),
})
export type WordPressConnectionRequest = v.InferOutput<typeof WordPressConnectionRequest>

/** What the browser sees of a connection. */
export interface WordPressConnection {
  connected: boolean
  siteUrl?: string
  username?: string
  /** The WordPress user's display name, read when the connection was checked. */
  displayName?: string
  savedAt?: string
}

interface StoredConnection {
  siteUrl: string
  username: string
  displayName: string
  password: Sealed
  savedAt: string
}

const keyOf = (workspace: string) => `secrets/${workspace}/wordpress.json`
const sealContext = (workspace: string) => `wordpress:${workspace}`

/** Checks the credentials against the site (who am I), then keeps them. */
export async function saveConnection(
  ctx: WordPressContext,
  input: WordPressConnectionRequest
): Promise<WordPressConnection> {
  const box = ctx.secrets()
  const credentials = {
    siteUrl: input.siteUrl,
    username: input.username,
    password: input.applicationPassword,
  }
  const api = await connectWordPress(ctx, credentials)
  const me = await api.json<{ name?: string }>('GET', '/wp/v2/users/me', {
    query: { context: 'edit' },
  })
  const stored: StoredConnection = {
    siteUrl: api.siteUrl,
    username: input.username,
    displayName: typeof me?.name === 'string' ? me.name.slice(0, 200) : input.username,
    password: await box.seal(input.applicationPassword, sealContext(ctx.workspace)),
    savedAt: new Date().toISOString(),
  }
  await ctx.store.put(keyOf(ctx.workspace), new TextEncoder().encode(JSON.stringify(stored)), {
    contentType: 'application/json',
  })
  ctx.log.info('WordPress connection saved', { site: stored.siteUrl, username: stored.username })
  return visible(stored)
}

export async function getConnection(ctx: WordPressContext): Promise<WordPressConnection> {
  const stored = await load(ctx)
  return stored ? visible(stored) : { connected: false }
}

export async function deleteConnection(ctx: WordPressContext): Promise<void> {
  await ctx.store.delete(keyOf(ctx.workspace))
}

/** The API of the connected site; 409 `wordpress_not_connected` when there is none. */
export async function connectedApi(ctx: WordPressContext): Promise<WordPressApi> {
  const stored = await load(ctx)
  if (!stored) {
    throw errors.badRequest(
      'wordpress_not_connected',
      'Connect a WordPress site first (address, user name and application password).'
    )
  }
  let password: string
  try {
    password = await ctx.secrets().open(stored.password, sealContext(ctx.workspace))
  } catch (error) {
    ctx.log.error('Stored WordPress password does not open with SECRETS_KEY', { error })
    throw errors.badRequest(
      'wordpress_credentials_unreadable',
      'The saved WordPress password cannot be read with this server’s SECRETS_KEY: connect the site again.'
    )
  }
  const credentials: WordPressCredentials = {
    siteUrl: stored.siteUrl,
    username: stored.username,
    password,
  }
  return connectWordPress(ctx, credentials)
}

async function load(ctx: WordPressContext): Promise<StoredConnection | undefined> {
  const bytes = await ctx.store.read(keyOf(ctx.workspace))
  if (!bytes) return undefined
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as StoredConnection
  } catch {
    ctx.log.error('Stored WordPress connection is unreadable', { workspace: ctx.workspace })
    return undefined
  }
}

const visible = (stored: StoredConnection): WordPressConnection => ({
  connected: true,
  siteUrl: stored.siteUrl,
  username: stored.username,
  displayName: stored.displayName,
  savedAt: stored.savedAt,
})
