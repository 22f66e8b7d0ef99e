/**
 * @module brand/stylesheets
 * The site's own stylesheets, for its colours and fonts: the first page's linked CSS (its own
 * site first, shared library CDNs left out, whose colours are not the brand's), a few at once,
 * through the safe fetcher and bounded in count, size and time.
 */
import type { Notice, Reason } from '../../core/codes'
import type { Logger } from '../../core/logger'
import { FetchFailure, type FetchPolicy, refusalReason, safeFetch } from '../../core/safe-fetch'
import type { StyleSource } from './css-facts'
import { brandNotice, httpStatusReason, pageReason } from './notices'
import { sameSite, shortUrl } from './urls'

export interface StylesheetContext {
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

export const MAX_STYLESHEETS = 4
export const MAX_STYLESHEET_BYTES = 512 * 1024
const STYLESHEET_TIMEOUT_MS = 5_000
const LIBRARY_HOSTS =
  /(?:^|\.)(?:cdnjs\.cloudflare\.com|cdn\.jsdelivr\.net|unpkg\.com|(?:maxcdn|stackpath)\.bootstrapcdn\.com|use\.fontawesome\.com|use\.typekit\.net|fonts\.googleapis\.com|ajax\.googleapis\.com|code\.jquery\.com)$/i

export async function readStylesheets(
  urls: readonly string[],
  pageUrl: string,
  ctx: StylesheetContext
): Promise<{ sources: StyleSource[]; warnings: Notice[] }> {
  const page = new URL(pageUrl)
  const chosen = urls
    .map((raw, order) => ({ url: new URL(raw), order }))
    .filter(({ url }) => !LIBRARY_HOSTS.test(url.hostname))
    .sort(
      (a, b) => Number(!sameSite(a.url, page)) - Number(!sameSite(b.url, page)) || a.order - b.order
    )
    .slice(0, MAX_STYLESHEETS)
  const outcomes = await Promise.all(chosen.map(({ url }) => readOne(url.href, ctx)))
  const sources: StyleSource[] = []
  const warnings: Notice[] = []
  for (const outcome of outcomes) {
    if ('source' in outcome) sources.push(outcome.source)
    else warnings.push(outcome.warning)
  }
  return { sources, warnings }
}

async function readOne(
  url: string,
  ctx: StylesheetContext
): Promise<{ source: StyleSource } | { warning: Notice }> {
  const skip = (reason: Reason) => ({
    warning: brandNotice('stylesheet_skipped', { url: shortUrl(url) }, reason),
  })
  try {
    const response = await safeFetch(url, {
      policy: ctx.policy,
      accept: ['text/css', 'text/plain'],
      maxBytes: MAX_STYLESHEET_BYTES,
      timeoutMs: STYLESHEET_TIMEOUT_MS,
      signal: ctx.signal,
      headers: { Accept: 'text/css,*/*;q=0.1' },
    })
    if (!response.ok) return skip(httpStatusReason(response.status))
    return { source: { css: new TextDecoder().decode(response.body), baseUrl: response.url } }
  } catch (error) {
    if (ctx.signal?.aborted) throw error
    if (error instanceof FetchFailure) return skip(error.reason)
    const refused = refusalReason(error)
    if (refused) return skip(refused)
    ctx.log.warn('stylesheet not read', { error })
    return skip(pageReason('unreadable'))
  }
}
