/**
 * @module brand/site-map
 * What a site says about its own pages: `robots.txt` (read with robots-parser: which paths we
 * may read, and where the sitemaps are) and its sitemap (`<loc>` entries; a sitemap index is
 * followed one level). Everything goes through the safe fetcher, bounded in size and time; a
 * missing or unreadable file simply gives nothing.
 */
import robotsParser from 'robots-parser'
import type { Logger } from '../../core/logger'
import { type FetchPolicy, safeFetch } from '../../core/safe-fetch'
import { sameSite } from './urls'

export interface SiteMapContext {
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

export interface Robots {
  isAllowed(url: string): boolean
  sitemaps: string[]
}

/** The token our rules are looked up by (the full user agent is sent with each request). */
export const ROBOTS_AGENT = 'AISStudio'
const MAX_ROBOTS = 256 * 1024
const MAX_SITEMAP = 2 * 1024 * 1024
const MAX_SITEMAP_FILES = 3
const MAX_SITEMAP_URLS = 500
const LOC = /<loc>\s*([^<\s]+)\s*<\/loc>/gi

const EVERYTHING_ALLOWED: Robots = { isAllowed: () => true, sitemaps: [] }

/** The site's robots rules; everything is allowed when it has no readable robots.txt. */
export async function readRobots(
  origin: URL,
  ctx: SiteMapContext,
  timeoutMs: number
): Promise<Robots> {
  const url = new URL('/robots.txt', origin).href
  const text = await fetchText(url, ['text/plain'], MAX_ROBOTS, ctx, timeoutMs)
  if (text === undefined) return EVERYTHING_ALLOWED
  const robots = robotsParser(url, text)
  return {
    // undefined: a URL on another site, which robots.txt does not govern.
    isAllowed: (page) => robots.isAllowed(page, ROBOTS_AGENT) !== false,
    sitemaps: robots.getSitemaps(),
  }
}

/**
 * Page URLs of the same site from its sitemaps (those robots.txt names, else `/sitemap.xml`),
 * in the order listed.
 */
export async function readSitemapPages(
  origin: URL,
  robots: Robots,
  ctx: SiteMapContext,
  timeoutMs: number
): Promise<string[]> {
  const started = performance.now()
  const remaining = () => timeoutMs - (performance.now() - started)
  const queue = robots.sitemaps.length
    ? robots.sitemaps.slice(0, MAX_SITEMAP_FILES)
    : [new URL('/sitemap.xml', origin).href]
  const pages: string[] = []
  let fetched = 0
  while (queue.length && fetched < MAX_SITEMAP_FILES && remaining() > 0) {
    const batch = queue.splice(0, MAX_SITEMAP_FILES - fetched)
    fetched += batch.length
    const texts = await Promise.all(
      batch.map((url) =>
        fetchText(url, ['application/xml', 'text/xml', 'text/plain'], MAX_SITEMAP, ctx, remaining())
      )
    )
    for (const text of texts) {
      if (!text) continue
      const entries = locations(text)
      if (/<sitemapindex[\s>]/i.test(text)) queue.push(...entries)
      else pages.push(...entries)
    }
  }
  return [...new Set(pages)]
    .filter((page) => {
      try {
        return sameSite(new URL(page), origin)
      } catch {
        return false
      }
    })
    .slice(0, MAX_SITEMAP_URLS)
}

/** `<loc>` entries of an XML sitemap, or the lines of a text sitemap. */
function locations(text: string): string[] {
  if (!text.includes('<')) {
    return text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^https?:\/\//i.test(line))
      .slice(0, MAX_SITEMAP_URLS)
  }
  const found: string[] = []
  for (const match of text.matchAll(LOC)) {
    if (found.length >= MAX_SITEMAP_URLS) break
    found.push(decodeXml(match[1] ?? ''))
  }
  return found
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** The body as text, or undefined when the file is missing, refused or unreadable. */
async function fetchText(
  url: string,
  accept: readonly string[],
  maxBytes: number,
  ctx: SiteMapContext,
  timeoutMs: number
): Promise<string | undefined> {
  if (timeoutMs <= 0) return undefined
  try {
    const response = await safeFetch(url, {
      policy: ctx.policy,
      accept,
      maxBytes,
      timeoutMs,
      signal: ctx.signal,
    })
    return response.ok ? new TextDecoder().decode(response.body) : undefined
  } catch (error) {
    if (ctx.signal?.aborted) throw error
    ctx.log.debug('site file not read', {
      path: new URL(url).pathname,
      reason: error instanceof Error ? error.message : 'unknown',
    })
    return undefined
  }
}
