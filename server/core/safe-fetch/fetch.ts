/**
 * @module safe-fetch/fetch
 * `safeFetch`: a GET to a URL a user gave us, without letting it reach anything internal.
 * Each hop is checked (see target.ts), then Bun dials the checked IP address itself, with the
 * original `Host` header and, for https, `tls.serverName` so SNI and certificate verification
 * use the host name (Bun docs, "Connecting to a specific address"). Redirects are followed by
 * hand and re-checked, at most `maxRedirects`; one deadline covers every hop and the body.
 * A write (`method` other than GET, with a `body`: publishing to a user's CMS) is never
 * redirected: a redirect answer is refused, since replaying a write elsewhere changes its meaning.
 */
import { AppError } from '../errors'
import { acceptsType, baseContentType, readCapped } from './body'
import { describeNetworkError, FetchFailure, fetchCancelled, urlNotAllowed } from './failures'
import type { FetchPolicy } from './policy'
import { fetchReason } from './reasons'
import { type CheckedTarget, checkTarget } from './target'

export interface SafeFetchOptions {
  policy: FetchPolicy
  /** Media types accepted in a 2xx answer: exact (`text/html`) or families (`image/`). */
  accept: readonly string[]
  maxBytes: number
  /** One deadline for every hop and the body. */
  timeoutMs: number
  /** @default 5 */
  maxRedirects?: number
  headers?: Record<string, string>
  signal?: AbortSignal
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: Uint8Array<ArrayBuffer> | string
  /** Read up to this many bytes of a non-2xx answer (an API's error JSON); 0 by default. */
  errorBodyBytes?: number
}

export interface SafeResponse {
  /** The final URL, after redirects (with the host name, not the address). */
  url: string
  status: number
  ok: boolean
  /** Base media type, lower case (`text/html`). */
  contentType: string
  headers: Headers
  /** The body of a 2xx answer; for other statuses empty, or their first `errorBodyBytes`. */
  body: Uint8Array
  redirects: number
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_ADDRESS_ATTEMPTS = 3
export const USER_AGENT = 'Mozilla/5.0 (compatible; AISStudio/1.0; brand analysis)'

/**
 * Fetches `input` under `options.policy`.
 * @throws {AppError} 400 `url_not_allowed` (refused URL or redirect), `FetchFailure` 502/504
 * (unreachable, wrong type, too large, timeout), 400 `cancelled` when `signal` aborts.
 */
export async function safeFetch(input: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const maxRedirects = options.maxRedirects ?? 5
  const timer = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timer]) : timer
  const fail = (error: unknown) => toFailure(error, timer, options)

  let current = input
  for (let hop = 0; ; hop++) {
    const target = await checkTarget(current, options.policy, signal).catch((e) => {
      throw fail(e)
    })
    const response = await connect(target, options, signal).catch((e) => {
      throw fail(e)
    })
    const location = response.headers.get('location')
    if (REDIRECTS.has(response.status) && location) {
      await response.body?.cancel().catch(() => {})
      if (options.method && options.method !== 'GET')
        throw urlNotAllowed(fetchReason('write_redirected', { method: options.method }))
      if (hop >= maxRedirects)
        throw urlNotAllowed(fetchReason('too_many_redirects', { max: maxRedirects }))
      // Relative to the URL with the host name, not to the address that was dialled.
      current = resolveLocation(location, target.url)
      continue
    }
    const base = { url: target.url.href, status: response.status, headers: response.headers }
    const contentType = baseContentType(response.headers.get('content-type'))
    if (!response.ok) {
      const body = options.errorBodyBytes
        ? await readCapped(response, options.errorBodyBytes).catch(() => new Uint8Array())
        : await response.body?.cancel().then(
            () => new Uint8Array(),
            () => new Uint8Array()
          )
      return { ...base, ok: false, contentType, body: body ?? new Uint8Array(), redirects: hop }
    }
    if (!acceptsType(options.accept, contentType)) {
      await response.body?.cancel().catch(() => {})
      const expected = options.accept.map((a) => (a.endsWith('/') ? `${a}*` : a)).join(', ')
      throw new FetchFailure(
        'wrong_type',
        contentType
          ? fetchReason('wrong_type', { type: contentType, expected })
          : fetchReason('no_type', { expected })
      )
    }
    const body = await readCapped(response, options.maxBytes).catch((e) => {
      throw fail(e)
    })
    return { ...base, ok: true, contentType, body, redirects: hop }
  }
}

/** Dials the checked addresses in turn (a name may have several; one may be down). */
async function connect(
  target: CheckedTarget,
  options: SafeFetchOptions,
  signal: AbortSignal
): Promise<Response> {
  const addresses = target.addresses.slice(0, MAX_ADDRESS_ATTEMPTS)
  let lastError: unknown
  for (const address of addresses) {
    const direct = new URL(target.url)
    direct.hostname = address.includes(':') ? `[${address}]` : address
    const https = target.url.protocol === 'https:'
    try {
      return await fetch(direct, {
        method: options.method ?? 'GET',
        ...(options.body === undefined ? {} : { body: options.body }),
        redirect: 'manual',
        // A proxy from the environment would be judged against the address, not the name.
        proxy: false,
        signal,
        headers: {
          'User-Agent': USER_AGENT,
          ...options.headers,
          Host: target.url.host,
        },
        ...(https
          ? {
              tls: {
                ...(target.ipLiteral ? {} : { serverName: target.hostname }),
                ...(options.policy.ca ? { ca: options.policy.ca } : {}),
              },
            }
          : {}),
      })
    } catch (error) {
      if (signal.aborted) throw error
      lastError = error
    }
  }
  throw lastError
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href
  } catch {
    throw urlNotAllowed(fetchReason('bad_redirect'))
  }
}

function toFailure(error: unknown, timer: AbortSignal, options: SafeFetchOptions): AppError {
  if (error instanceof AppError) return error
  if (timer.aborted) {
    const seconds = Math.round(options.timeoutMs / 100) / 10
    return new FetchFailure('timeout', fetchReason('timed_out', { seconds }), error)
  }
  if (options.signal?.aborted) return fetchCancelled()
  return new FetchFailure('unreachable', describeNetworkError(error), error)
}
