/**
 * @module brand/more-pages
 * Reads up to five further pages of the analysed site, all at once and within one
 * time budget: robots.txt first (its rules and sitemaps), the sitemap only when the navigation
 * leaves places free, then the chosen pages (page-choice.ts) through the safe fetcher, each
 * address checked like the first. A page that fails is a warning; a site with no readable
 * further page still gives its first page.
 */
import type { Notice } from '../../core/codes'
import type { Logger } from '../../core/logger'
import type { FetchPolicy } from '../../core/safe-fetch'
import { brandNotice, pageReason } from './notices'
import { choosePages } from './page-choice'
import { type PageRead, readMorePage } from './page-reader'
import { readRobots, readSitemapPages } from './site-map'
import { sameSite, shortUrl } from './urls'

export interface MorePagesContext {
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

export interface MorePages {
  pages: PageRead[]
  warnings: Notice[]
  /** Every further page asked for (the page budget, for the log). */
  tried: number
}

export interface MorePagesLimits {
  maxPages: number
  /** Robots, sitemap and pages together; the model call waits for this at most. */
  budgetMs: number
  robotsTimeoutMs: number
  sitemapTimeoutMs: number
  pageTimeoutMs: number
}

export const MORE_PAGES_LIMITS: MorePagesLimits = {
  maxPages: 5,
  budgetMs: 8_000,
  robotsTimeoutMs: 3_000,
  sitemapTimeoutMs: 4_000,
  pageTimeoutMs: 5_000,
}

export async function readMorePages(
  first: PageRead,
  ctx: MorePagesContext,
  limits: MorePagesLimits = MORE_PAGES_LIMITS
): Promise<MorePages> {
  const started = performance.now()
  const left = (cap: number) => Math.min(cap, limits.budgetMs - (performance.now() - started))
  const origin = new URL(first.url)
  const navLinks = first.signals?.navLinks ?? []
  const alternates = first.signals?.alternates ?? []

  const robots = await readRobots(origin, ctx, left(limits.robotsTimeoutMs))
  const choose = (sitemap: readonly string[]) =>
    choosePages({
      first: first.url,
      navLinks,
      sitemap,
      alternates,
      isAllowed: robots.isAllowed,
      max: limits.maxPages,
    })
  let chosen = choose([])
  if (chosen.filter((c) => !c.guessed).length < limits.maxPages) {
    chosen = choose(await readSitemapPages(origin, robots, ctx, left(limits.sitemapTimeoutMs)))
  }

  const outcomes = await Promise.all(
    chosen.map(async (choice) => {
      const timeoutMs = left(limits.pageTimeoutMs)
      const result =
        timeoutMs > 0
          ? await readMorePage(choice.url, ctx, timeoutMs)
          : { problem: pageReason('out_of_time') }
      return { choice, result }
    })
  )
  const pages: PageRead[] = []
  const warnings: Notice[] = []
  for (const { choice, result: read } of outcomes) {
    // A link that redirects off the site is not this brand's page.
    const result =
      'page' in read && !sameSite(new URL(read.page.url), origin)
        ? { problem: pageReason('off_site') }
        : read
    if ('page' in result) pages.push(result.page)
    else if (!choice.guessed) {
      warnings.push(brandNotice('page_skipped', { url: shortUrl(choice.url) }, result.problem))
    }
  }
  if (pages.length === 0) warnings.push(brandNotice('only_first_page'))
  ctx.log.debug('more pages read', {
    ms: Math.round(performance.now() - started),
    tried: chosen.length,
    read: pages.length,
  })
  return { pages, warnings, tried: chosen.length }
}
