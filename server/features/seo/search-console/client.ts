/**
 * @module seo/search-console/client
 * The Search Console API v1 (`searchconsole.googleapis.com`, paths `webmasters/v3/…`) with a
 * token from `google-auth-library`: the Cloud Run service account, or Application Default
 * Credentials locally; no OAuth screen. The library is imported on the first call, never at start.
 * Google's refusals become ours: 403 on a property names the account to add as a user there, 429
 * is the quota, anything else a 502 with Google's status.
 */
import type { GoogleAuth } from 'google-auth-library'
import { AppError, errors } from '../../../core/errors'
import { once } from '../../../core/lazy'
import type { Logger } from '../../../core/logger'

export const SEARCH_CONSOLE_SCOPE = 'https://www.googleapis.com/auth/webmasters.readonly'
const TIMEOUT_MS = 30_000

export interface SearchConsoleAuthOptions {
  /** A credentials file (tests); Application Default Credentials when absent. */
  keyFilename?: string
}

export interface SiteEntry {
  siteUrl: string
  permissionLevel: string
}

export interface ApiRow {
  keys?: string[]
  clicks?: number
  impressions?: number
  ctr?: number
  position?: number
}

export interface QueryRequest {
  startDate: string
  endDate: string
  // Enum values as the discovery document spells them.
  dimensions?: ('QUERY' | 'PAGE' | 'DATE')[]
  dimensionFilterGroups?: {
    filters: { dimension: 'PAGE' | 'QUERY'; operator: 'EQUALS'; expression: string }[]
  }[]
  rowLimit: number
  startRow: number
  type?: 'WEB'
}

export interface SearchConsoleClient {
  listSites(signal?: AbortSignal): Promise<SiteEntry[]>
  query(property: string, request: QueryRequest, signal?: AbortSignal): Promise<ApiRow[]>
  /** The account's email (the user to add to a property), when the credentials tell it. */
  accountEmail(): Promise<string | undefined>
}

export function createSearchConsoleClient(options: {
  endpoint: string
  auth?: SearchConsoleAuthOptions
  log: Logger
}): SearchConsoleClient {
  const auth = once(async (): Promise<GoogleAuth> => {
    const { GoogleAuth } = await import('google-auth-library')
    return new GoogleAuth({
      scopes: [SEARCH_CONSOLE_SCOPE],
      ...(options.auth?.keyFilename ? { keyFilename: options.auth.keyFilename } : {}),
    })
  })
  const email = once(async () => {
    try {
      return (await (await auth()).getCredentials()).client_email ?? undefined
    } catch (error) {
      options.log.warn('The Search Console account email is not known', { error })
      return undefined
    }
  })

  async function call<T>(path: string, init: RequestInit & { property?: string }): Promise<T> {
    let headers: Headers
    try {
      headers = new Headers(await (await auth()).getRequestHeaders())
    } catch (error) {
      options.log.error('No Google credentials for Search Console', { error })
      throw new AppError(
        503,
        'search_console_no_credentials',
        'Search Console needs Google credentials: the Cloud Run service account, or Application Default Credentials (gcloud auth application-default login) locally.',
        { cause: error }
      )
    }
    headers.set('Accept', 'application/json')
    if (init.body) headers.set('Content-Type', 'application/json')
    const timer = AbortSignal.timeout(TIMEOUT_MS)
    let response: Response
    try {
      response = await fetch(`${options.endpoint}/${path}`, {
        ...init,
        headers,
        signal: init.signal ? AbortSignal.any([init.signal, timer]) : timer,
      })
    } catch (error) {
      // Its own code: `upstream_timeout` is the AI's, and the UI would blame the wrong service.
      if (timer.aborted)
        throw new AppError(
          504,
          'search_console_timeout',
          'Search Console did not answer in time.',
          {
            cause: error,
          }
        )
      throw errors.upstream(
        'search_console_unreachable',
        'Search Console could not be reached.',
        error
      )
    }
    const data = (await response.json().catch(() => undefined)) as unknown
    if (response.ok) return data as T
    throw await refusal(response, data, init.property, email)
  }

  return {
    async listSites(signal) {
      const data = await call<{ siteEntry?: SiteEntry[] }>('webmasters/v3/sites', { signal })
      // Google leaves an empty list out of the answer.
      return data?.siteEntry ?? []
    },
    async query(property, request, signal) {
      const data = await call<{ rows?: ApiRow[] }>(
        `webmasters/v3/sites/${encodeURIComponent(property)}/searchAnalytics/query`,
        { method: 'POST', body: JSON.stringify(request), signal, property }
      )
      return data?.rows ?? []
    },
    accountEmail: email,
  }
}

interface GoogleError {
  error?: { code?: number; message?: string; status?: string; details?: { reason?: string }[] }
}

async function refusal(
  response: Response,
  data: unknown,
  property: string | undefined,
  email: () => Promise<string | undefined>
): Promise<AppError> {
  const google = (data as GoogleError | undefined)?.error
  const upstream = { status: google?.status, message: google?.message?.slice(0, 500) }
  const disabled =
    google?.details?.some((d) => d.reason === 'SERVICE_DISABLED') ||
    /has not been used|is disabled/i.test(google?.message ?? '')
  if (response.status === 403 && disabled) {
    return new AppError(
      503,
      'search_console_api_disabled',
      'The Search Console API is not enabled in this Google Cloud project: enable searchconsole.googleapis.com.',
      { details: { upstream } }
    )
  }
  if (response.status === 403 && property) {
    const account = await email()
    const who = account ?? 'the service account this server runs as'
    return new AppError(
      403,
      'search_console_forbidden',
      `Search Console does not let ${who} read ${property}: add ${who} as a user of the property (Search Console → Settings → Users and permissions), then try again.`,
      { details: { property, email: account ?? null, upstream } }
    )
  }
  if (response.status === 429) {
    const wait = Math.max(1, Math.ceil(Number(response.headers.get('retry-after')) || 60))
    return new AppError(
      429,
      'search_console_quota',
      'Search Console’s quota for this property is used up for now; try again later.',
      { headers: { 'Retry-After': String(wait) }, details: { retryAfterSeconds: wait, upstream } }
    )
  }
  return errors.upstream(
    'search_console_failed',
    `Search Console answered HTTP ${response.status}${upstream.status ? ` (${upstream.status})` : ''}.`,
    undefined,
    { status: response.status, upstream }
  )
}
