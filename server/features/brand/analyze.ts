/**
 * @module brand/analyze
 * One brand analysis: read the page, then build the profile (Gemini, JSON mode) while the
 * assets are searched, downloaded and stored. A failed model call cancels the downloads and
 * fails the analysis; failed assets only add warnings.
 */
import { AI_NOT_CONFIGURED_HINT } from '../../ai/gateway'
import type { Source } from '../../ai/types'
import { errors } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { FetchPolicy } from '../../core/safe-fetch'
import type { FeatureDeps } from '../context'
import type { AssetCandidate } from './asset-candidates'
import { type CollectedAssets, collectAssets } from './assets'
import { searchHostOf, searchSiteImages } from './image-search'
import { type PageRead, readPage } from './page-reader'
import { renderProfileMarkdown } from './profile-markdown'
import { brandProfilePrompt, brandProfileSystem } from './prompts'
import { type AnalyzeRequest, type AnalyzeResponse, BrandAnalysis } from './schemas'

export interface AnalyzeContext {
  deps: Pick<FeatureDeps, 'ai' | 'store' | 'config'>
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

const SEARCH_TIMEOUT_MS = 10_000
const MAX_WARNINGS = 30

export async function analyzeBrand(
  request: AnalyzeRequest,
  ctx: AnalyzeContext
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
  const [profile, assets] = await Promise.all([
    buildProfile(page, request, ctx, signal).catch((error) => {
      stop.abort()
      throw error
    }),
    gatherAssets(page, request.url, ctx, signal),
  ])

  const warnings = [
    ...(page.directProblem
      ? [`The page was read through Jina Reader because ${page.directProblem}.`]
      : []),
    ...(page.limited ? [`The profile is based on limited information: ${page.limited}.`] : []),
    ...assets.warnings,
  ].slice(0, MAX_WARNINGS)
  const sources: Source[] = [{ title: page.title || new URL(page.url).hostname, url: page.url }]

  ctx.log.info('brand analysis', {
    ms: Math.round(performance.now() - started),
    via: page.via,
    logos: assets.logos.length,
    images: assets.images.length,
    warnings: warnings.length,
  })
  return {
    profile,
    textProfile: renderProfileMarkdown(profile, request.uiLanguage, page.url),
    assets: { logos: assets.logos, images: assets.images },
    sources,
    warnings,
  }
}

async function buildProfile(
  page: PageRead,
  request: AnalyzeRequest,
  ctx: AnalyzeContext,
  signal: AbortSignal
): Promise<BrandAnalysis> {
  const { data } = await ctx.deps.ai.json({
    model: 'text',
    system: brandProfileSystem(request.uiLanguage),
    prompt: brandProfilePrompt(page),
    schema: BrandAnalysis,
    temperature: 0.3,
    signal,
  })
  // Our own reading of the page wins: a thin page is flagged even if the model did not.
  if (page.limited && !data.limitedInformation.isLimited) {
    return { ...data, limitedInformation: { isLimited: true, reason: page.limited } }
  }
  return data
}

async function gatherAssets(
  page: PageRead,
  inputUrl: string,
  ctx: AnalyzeContext,
  signal: AbortSignal
): Promise<CollectedAssets> {
  const warnings: string[] = []
  let found: AssetCandidate[] = []
  const cse = ctx.deps.config.cse
  const host = searchHostOf(inputUrl)
  if (cse && host) {
    try {
      found = await searchSiteImages(host, {
        endpoint: ctx.deps.config.cseEndpoint,
        apiKey: cse.apiKey,
        engineId: cse.id,
        timeoutMs: SEARCH_TIMEOUT_MS,
        signal,
      })
    } catch (error) {
      if (signal.aborted) return { logos: [], images: [], warnings: [] }
      ctx.log.warn('image search failed', {
        reason: error instanceof Error ? error.message : 'unknown',
      })
      warnings.push('Image search failed; only images from the page itself are included.')
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
