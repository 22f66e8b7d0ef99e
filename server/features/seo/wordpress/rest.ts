/**
 * @module seo/wordpress/rest
 * The WordPress REST API of a user's site, reached through the safe fetcher with an application
 * password (Basic auth). The API root is found the way WordPress documents it: `/wp-json/` on
 * sites with pretty permalinks, else `/?rest_route=`. WordPress's refusals become our errors:
 * 401 names the site whose credentials failed, 403 what the user may not do there, anything else
 * a 502 with WordPress's own code.
 */
import { AppError, errors } from '../../../core/errors'
import { safeFetch } from '../../../core/safe-fetch'
import type { WordPressContext } from './context'

export interface WordPressCredentials {
  siteUrl: string
  username: string
  password: string
}

export interface WordPressApi {
  readonly siteUrl: string
  /** A JSON request; `query` values are appended to the route. */
  json<T>(method: 'GET' | 'POST' | 'DELETE', route: string, options?: JsonOptions): Promise<T>
  /** Uploads a file to `/wp/v2/media` (the bytes as the body, as WordPress documents). */
  upload<T>(file: UploadFile, query: Record<string, string>): Promise<T>
}

interface JsonOptions {
  body?: unknown
  query?: Record<string, string>
  /** Statuses answered as `undefined` instead of an error (404 for "no longer there"). */
  allow?: number[]
}

export interface UploadFile {
  bytes: Uint8Array<ArrayBuffer>
  mimeType: string
  fileName: string
}

const TIMEOUT_MS = 30_000
const MAX_ANSWER = 5 * 1024 * 1024
const MAX_UPLOAD_ANSWER = 1024 * 1024

/** Connects to the site's REST API (one request to find its root). */
export async function connectWordPress(
  ctx: WordPressContext,
  credentials: WordPressCredentials
): Promise<WordPressApi> {
  const site = credentials.siteUrl.replace(/\/+$/, '')
  const authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
  // Never in a log line, whatever logs it.
  ctx.log.redact(credentials.password)
  ctx.log.redact(authorization.slice(6))
  const host = hostOf(site)

  const send = async (
    method: string,
    url: string,
    body?: Uint8Array<ArrayBuffer> | string,
    headers = {}
  ) => {
    const response = await safeFetch(url, {
      policy: ctx.policy,
      method: method as 'GET',
      body,
      accept: ['application/json'],
      maxBytes: MAX_ANSWER,
      errorBodyBytes: 64 * 1024,
      timeoutMs: TIMEOUT_MS,
      signal: ctx.signal,
      headers: { Authorization: authorization, Accept: 'application/json', ...headers },
    })
    return { response, data: parse(response.body) }
  }

  const root = await findRoot(site, async (url) => {
    const answer = await send('GET', url)
    // Wrong credentials are refused on every route, the index included.
    if (answer.response.status === 401) throw refusal(401, answer.data, host, credentials.username)
    return answer
  })
  const urlOf = (route: string, query: Record<string, string> = {}) => {
    const params = new URLSearchParams(query).toString()
    if (root === 'pretty') return `${site}/wp-json${route}${params ? `?${params}` : ''}`
    return `${site}/?rest_route=${encodeURIComponent(route)}${params ? `&${params}` : ''}`
  }

  return {
    siteUrl: site,
    async json<T>(method: 'GET' | 'POST' | 'DELETE', route: string, options: JsonOptions = {}) {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body)
      const headers = body === undefined ? {} : { 'Content-Type': 'application/json' }
      const { response, data } = await send(method, urlOf(route, options.query), body, headers)
      if (response.ok) return data as T
      if (options.allow?.includes(response.status)) return undefined as T
      throw refusal(response.status, data, host, credentials.username)
    },
    async upload<T>(file: UploadFile, query: Record<string, string>) {
      const { response, data } = await send('POST', urlOf('/wp/v2/media', query), file.bytes, {
        'Content-Type': file.mimeType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
      })
      if (response.ok && response.body.byteLength <= MAX_UPLOAD_ANSWER) return data as T
      throw refusal(response.status, data, host, credentials.username)
    },
  }
}

/** `pretty` when `/wp-json/` answers as the REST index, `plain` when only `?rest_route=` does. */
async function findRoot(
  site: string,
  get: (url: string) => Promise<{ response: { ok: boolean; status: number }; data: unknown }>
): Promise<'pretty' | 'plain'> {
  for (const [kind, url] of [
    ['pretty', `${site}/wp-json/`],
    ['plain', `${site}/?rest_route=/`],
  ] as const) {
    const { response, data } = await get(url).catch((error) => {
      // A page that is not JSON (a theme's 404 page) means "not here"; network trouble is real.
      if (error instanceof AppError && error.code === 'fetch_wrong_type') {
        return { response: { ok: false, status: 404 }, data: undefined }
      }
      throw error
    })
    if (response.ok && hasWpV2(data)) return kind
  }
  throw new AppError(
    502,
    'wordpress_not_found',
    `No WordPress REST API answered at ${site} (tried /wp-json/ and ?rest_route=/).`,
    { details: { site } }
  )
}

function hasWpV2(data: unknown): boolean {
  const namespaces = (data as { namespaces?: unknown } | undefined)?.namespaces
  return Array.isArray(namespaces) && namespaces.includes('wp/v2')
}

function parse(body: Uint8Array): unknown {
  if (body.byteLength === 0) return undefined
  try {
    return JSON.parse(new TextDecoder().decode(body))
  } catch {
    return undefined
  }
}

const hostOf = (site: string) => {
  try {
    return new URL(site).host
  } catch {
    return site
  }
}

/** WordPress's error answer as ours (its code and message are kept in `details`). */
export function refusal(status: number, data: unknown, host: string, username: string): AppError {
  const wp = data as { code?: unknown; message?: unknown; data?: { term_id?: unknown } } | undefined
  const upstream = {
    code: typeof wp?.code === 'string' ? wp.code.slice(0, 100) : undefined,
    message: typeof wp?.message === 'string' ? wp.message.slice(0, 500) : undefined,
    // `term_exists` names the term that is already there.
    termId: typeof wp?.data?.term_id === 'number' ? wp.data.term_id : undefined,
  }
  if (status === 401) {
    return new AppError(
      401,
      'wordpress_unauthorized',
      `WordPress at ${host} refused the user name or application password of ${username}.`,
      { details: { site: host, username, upstream } }
    )
  }
  if (status === 403) {
    return new AppError(
      403,
      'wordpress_forbidden',
      `The WordPress user ${username} is not allowed to do this on ${host}${upstream.message ? `: ${upstream.message}` : ''}.`,
      { details: { site: host, username, upstream } }
    )
  }
  return errors.upstream(
    'wordpress_failed',
    `WordPress at ${host} answered HTTP ${status}${upstream.code ? ` (${upstream.code})` : ''}.`,
    undefined,
    { site: host, status, upstream }
  )
}
