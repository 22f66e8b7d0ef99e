/**
 * @module brand/analyze
 * One brand analysis. After the given page is read, three things start at once: further pages
 * of the site, the asset downloads and the stylesheets. The model call (JSON mode) waits for
 * the further pages only, the kit for the pages, assets and stylesheets only: neither waits for
 * the other. A failed model call cancels the downloads and fails the analysis; failed pages,
 * stylesheets and assets only add warnings.
 */
import { AI_NOT_CONFIGURED_HINT } from '../../ai/gateway'
import type { Source } from '../../ai/types'
import type { Notice } from '../../core/codes'
import { errors } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { FetchPolicy } from '../../core/safe-fetch'
import type { UiLanguage } from '../../core/schema'
import type { FeatureDeps } from '../context'
import type { AssetCandidate } from './asset-candidates'
import { type CollectedAssets, collectAssets } from './assets'
import { toBrandProfile } from './brand-profile'
import { customSearchAvailable } from './custom-search'
import { searchHostOf, searchSiteImages } from './image-search'
import { buildKit } from './kit'
import { type MorePages, readMorePages } from './more-pages'
import { brandNotice } from './notices'
import { type PageRead, readPage } from './page-reader'
import { renderProfileMarkdown } from './profile-markdown'
import { brandProfilePrompt, brandProfileSystem } from './prompts'
import { type AnalyzeRequest, type AnalyzeResponse, BrandAnalysis } from './schemas'
import { readStylesheets } from './stylesheets'

export interface AnalyzeContext {
  deps: Pick<FeatureDeps, 'ai' | 'store' | 'config' | 'clock'>
  /** What the safe fetcher may reach: the strict policy from config unless a test passes one. */
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

const SEARCH_TIMEOUT_MS = 10_000
/** Our reader's finding on a thin page, in the language the profile is written in. */
const LITTLE_TEXT: Record<UiLanguage, string> = {
  en: 'the page has only a little text',
  'zh-CN': '页面上的文字很少',
}
const MAX_WARNINGS = 30

export async function analyzeBrand(
  ctx: AnalyzeContext,
  request: AnalyzeRequest
): Promise<AnalyzeResponse> {
  // Before any fetching: without a model there is nothing to analyze.
  if (ctx.deps.ai.backend === 'none') {
    throw errors.notConfigured('AI generation', AI_NOT_CONFIGURED_HINT)
  }
  const started = performance.now()
  const page = await readPage(request.url, {
    policy: ctx.policy,
    config: ctx.deps.config,
    log: ctx.log,
    signal: ctx.signal,
  })

  const stop = new AbortController()
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal
  const fetching = { policy: ctx.policy, log: ctx.log, signal }
  const morePages: Promise<MorePages> = page.signals
    ? readMorePages(page, fetching)
    : Promise.resolve({ pages: [], warnings: [], tried: 0 })
  const assets = gatherAssets(page, request.url, ctx, signal)
  const stylesheets = readStylesheets(page.signals?.stylesheets ?? [], page.url, fetching)
  const profile = morePages.then((more) =>
    buildProfile(page, more.pages, request, ctx, signal).catch((error) => {
      stop.abort()
      throw error
    })
  )
  const kit = Promise.all([morePages, assets, stylesheets]).then(([more, collected, styles]) =>
    buildKit({
      first: page,
      more: more.pages,
      assets: collected,
      stylesheets: styles.sources,
      log: ctx.log,
    })
  )
  // Wait for everything even when one fails, so no download outlives the request.
  const [analysis, brandKit, more, collected, styles] = await settleAll([
    profile,
    kit,
    morePages,
    assets,
    stylesheets,
  ] as const)

  const textProfile = renderProfileMarkdown(analysis, request.uiLanguage, page.url)
  const ready = toBrandProfile({ analysis, kit: brandKit, textProfile, url: page.url })
  const warnings: Notice[] = [
    ...(page.directProblem ? [brandNotice('read_via_jina', {}, page.directProblem)] : []),
    ...(page.limited ? [brandNotice('limited_information', {}, page.limited)] : []),
    ...more.warnings,
    ...ready.warnings,
    ...styles.warnings,
    ...collected.warnings,
  ].slice(0, MAX_WARNINGS)
  const sources: Source[] = [page, ...more.pages].map((p) => ({
    title: p.title || new URL(p.url).hostname,
    url: p.url,
  }))

  ctx.log.info('brand analysis', {
    ms: Math.round(performance.now() - started),
    via: page.via,
    pages: sources.length,
    logos: collected.logos.length,
    images: collected.images.length,
    colors: brandKit.colors.length,
    fonts: brandKit.fonts.length,
    warnings: warnings.length,
  })
  return {
    profile: analysis,
    textProfile,
    brandProfile: ready.profile,
    kit: brandKit,
    assets: { logos: collected.logos, images: collected.images },
    sources,
    warnings,
  }
}

/** Like Promise.all, but waits for every promise before throwing the first failure. */
async function settleAll<T extends readonly Promise<unknown>[]>(
  promises: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(promises)
  const failed = results.find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>
  }
}

async function buildProfile(
  page: PageRead,
  more: readonly PageRead[],
  request: AnalyzeRequest,
  ctx: AnalyzeContext,
  signal: AbortSignal
): Promise<BrandAnalysis> {
  const { data } = await ctx.deps.ai.json({
    model: 'text',
    system: brandProfileSystem(request.uiLanguage),
    prompt: brandProfilePrompt(page, more),
    schema: BrandAnalysis,
    signal,
  })
  // Our own reading of the page wins: a thin page is flagged even if the model did not.
  if (page.limited && !data.limitedInformation.isLimited) {
    const reason = LITTLE_TEXT[request.uiLanguage]
    return { ...data, limitedInformation: { isLimited: true, reason } }
  }
  return data
}

async function gatherAssets(
  page: PageRead,
  inputUrl: string,
  ctx: AnalyzeContext,
  signal: AbortSignal
): Promise<CollectedAssets> {
  const warnings: Notice[] = []
  let found: AssetCandidate[] = []
  const cse = ctx.deps.config.cse
  const host = searchHostOf(inputUrl)
  if (cse && host && customSearchAvailable(ctx.deps.config, ctx.deps.clock())) {
    try {
      found = await searchSiteImages(host, {
        endpoint: ctx.deps.config.cseEndpoint,
        apiKey: cse.apiKey,
        engineId: cse.id,
        timeoutMs: SEARCH_TIMEOUT_MS,
        signal,
      })
    } catch (error) {
      if (signal.aborted) return { logos: [], images: [], warnings: [], logoBytes: new Map() }
      ctx.log.warn('image search failed', {
        reason: error instanceof Error ? error.message : 'unknown',
      })
      warnings.push(brandNotice('image_search_failed'))
    }
  }
  const collected = await collectAssets([...page.candidates, ...found], {
    store: ctx.deps.store,
    policy: ctx.policy,
    log: ctx.log,
    signal,
  })
  return { ...collected, warnings: [...warnings, ...collected.warnings] }
}
