/**
 * @module brand/page-reader
 * Reads the page to profile: fetched with the safe fetcher and turned into Markdown, then
 * judged (page-quality.ts). When the server cannot use the page itself (unreachable, blocked,
 * empty) and JINA_API_KEY is set, Jina Reader is asked instead; a refused URL is never sent
 * there. A page nobody could read is a 502 (504 on a timeout) with the reason. More pages of
 * the same site (`readMorePage`) are read directly only, with smaller bounds, and a failure is
 * only a reason for a warning.
 */
import type { Config } from '../../config'
import type { Reason } from '../../core/codes'
import type { Logger } from '../../core/logger'
import { FetchFailure, type FetchPolicy, refusalReason, safeFetch } from '../../core/safe-fetch'
import type { AssetCandidate } from './asset-candidates'
import { extractPage } from './html-extract'
import { readWithJina } from './jina-reader'
import { httpStatusReason, pageReason } from './notices'
import { judgePage, type PageVerdict } from './page-quality'
import type { PageSignals } from './page-signals'
import { siteError } from './site-errors'

export interface PageRead {
  /** The final URL (after redirects). */
  url: string
  title: string
  description: string
  siteName: string
  language: string
  /** Main content as Markdown, capped at MAX_PAGE_TEXT characters. */
  text: string
  candidates: AssetCandidate[]
  /** Brand signals from the HTML; none when Jina Reader read the page. */
  signals?: PageSignals
  via: 'direct' | 'jina'
  /** Set when the page says little: the profile is flagged as limited. */
  limited?: Reason
  /** Why the direct read was not used, when Jina Reader was. */
  directProblem?: Reason
}

export interface ReadContext {
  policy: FetchPolicy
  config: Pick<Config, 'jinaApiKey' | 'jinaReaderUrl'>
  log: Logger
  signal?: AbortSignal
}

export const MAX_PAGE_TEXT = 12_000
/** Text kept from each further page: the first page says most about the brand. */
export const MAX_MORE_PAGE_TEXT = 4_000
const MAX_HTML = 3 * 1024 * 1024
/** Bytes read of each further page. */
export const MAX_MORE_PAGE_HTML = 1024 * 1024
const PAGE_TIMEOUT_MS = 15_000
const JINA_TIMEOUT_MS = 30_000
const HTML_TYPES = ['text/html', 'application/xhtml+xml']

type Attempt = { page: PageRead } | { problem: Reason; failure?: FetchFailure }

export async function readPage(url: string, ctx: ReadContext): Promise<PageRead> {
  const direct = await readDirect(url, ctx, {
    maxBytes: MAX_HTML,
    timeoutMs: PAGE_TIMEOUT_MS,
    maxText: MAX_PAGE_TEXT,
  })
  if ('page' in direct) return direct.page
  if (ctx.config.jinaApiKey) {
    const viaJina = await readThroughJina(url, ctx, ctx.config.jinaApiKey)
    if ('page' in viaJina) return { ...viaJina.page, directProblem: direct.problem }
    ctx.log.warn('jina reader fallback failed', { problem: viaJina.problem.text })
  }
  throw siteError(direct.problem, direct.failure?.kind === 'timeout')
}

/**
 * A further page of the site: the page, or why it was not used (a refused address included:
 * one bad link must not end the analysis). Cancellation still throws.
 */
export async function readMorePage(
  url: string,
  ctx: Omit<ReadContext, 'config'>,
  timeoutMs: number
): Promise<{ page: PageRead } | { problem: Reason }> {
  try {
    const attempt = await readDirect(url, ctx, {
      maxBytes: MAX_MORE_PAGE_HTML,
      timeoutMs,
      maxText: MAX_MORE_PAGE_TEXT,
    })
    return 'page' in attempt ? attempt : { problem: attempt.problem }
  } catch (error) {
    if (ctx.signal?.aborted) throw error
    const refused = refusalReason(error)
    if (refused) return { problem: refused }
    // Anything else is ours (a page the parser chokes on): logged, and the analysis goes on.
    ctx.log.error('further page could not be read', { error })
    return { problem: pageReason('unreadable') }
  }
}

interface Bounds {
  maxBytes: number
  timeoutMs: number
  maxText: number
}

async function readDirect(
  url: string,
  ctx: Omit<ReadContext, 'config'>,
  bounds: Bounds
): Promise<Attempt> {
  try {
    const response = await safeFetch(url, {
      policy: ctx.policy,
      accept: HTML_TYPES,
      maxBytes: bounds.maxBytes,
      timeoutMs: bounds.timeoutMs,
      signal: ctx.signal,
      headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
    })
    if (!response.ok) return { problem: httpStatusReason(response.status) }
    const html = decode(response.body, response.headers.get('content-type'))
    const page = await extractPage(html, response.url)
    return judged(
      {
        url: response.url,
        title: page.title,
        description: page.description,
        siteName: page.siteName,
        language: page.language,
        text: page.markdown,
        candidates: page.candidates,
        signals: page.signals,
        via: 'direct',
      },
      response.status,
      bounds.maxText
    )
  } catch (error) {
    // Refusals (400) and cancellations end the analysis; only site trouble may fall back.
    if (!(error instanceof FetchFailure)) throw error
    return { problem: error.reason, failure: error }
  }
}

async function readThroughJina(url: string, ctx: ReadContext, apiKey: string): Promise<Attempt> {
  try {
    const page = await readWithJina(url, {
      baseUrl: ctx.config.jinaReaderUrl,
      apiKey,
      timeoutMs: JINA_TIMEOUT_MS,
      signal: ctx.signal,
    })
    return judged(
      { ...page, text: page.markdown, siteName: '', language: '', via: 'jina' },
      200,
      MAX_PAGE_TEXT
    )
  } catch (error) {
    if (ctx.signal?.aborted) throw error
    ctx.log.warn('jina reader failed', {
      error: error instanceof Error ? error.message : 'unknown',
    })
    return { problem: pageReason('unreadable') }
  }
}

function judged(page: PageRead, status: number, maxText: number): Attempt {
  const verdict: PageVerdict = judgePage({
    status,
    title: page.title,
    text: [page.title, page.description, page.text].filter(Boolean).join('\n'),
  })
  if (!verdict.usable) return { problem: verdict.reason }
  return {
    page: {
      ...page,
      text: cap(page.text, maxText),
      ...(verdict.limited ? { limited: verdict.limited } : {}),
    },
  }
}

/** Cuts at a paragraph break before the cap when there is one close to it. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.lastIndexOf('\n\n', max)
  return text.slice(0, cut > max * 0.8 ? cut : max)
}

/** The charset from the header, else from `<meta charset>`, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    contentType?.match(/charset=["']?([\w-]+)/i)?.[1] ??
    new TextDecoder('latin1')
      .decode(bytes.subarray(0, 2048))
      .match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1]
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}
