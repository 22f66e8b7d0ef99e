/**
 * @module brand/assets
 * Downloads asset candidates through the safe fetcher (image types only, 5 MB each, a few at
 * a time) and stores them with `saveMedia`: content-addressed keys, so two brands never
 * overwrite each other and the same image found twice is kept once. A candidate that fails
 * becomes a warning; the analysis goes on.
 */
import pLimit from 'p-limit'
import type { Notice, Reason } from '../../core/codes'
import type { Logger } from '../../core/logger'
import { FetchFailure, type FetchPolicy, refusalReason, safeFetch } from '../../core/safe-fetch'
import { saveMedia } from '../../storage/media'
import type { BlobStore } from '../../storage/types'
import type { AssetCandidate } from './asset-candidates'
import { imageTypeOf } from './image-type'
import { brandNotice, httpStatusReason, pageReason } from './notices'
import type { BrandAsset } from './schemas'
import { shortUrl } from './urls'

export interface AssetContext {
  store: BlobStore
  policy: FetchPolicy
  log: Logger
  signal?: AbortSignal
}

export interface CollectedAssets {
  logos: BrandAsset[]
  images: BrandAsset[]
  warnings: Notice[]
  /** The downloaded bytes of each logo, by media id (for its colours; never sent). */
  logoBytes: Map<string, Uint8Array>
}

export const MAX_ASSET_BYTES = 5 * 1024 * 1024
const ASSET_TIMEOUT_MS = 10_000
const CONCURRENT_DOWNLOADS = 4
const MAX_LOGOS = 5
const MAX_IMAGES = 10
// Smaller than this on both sides: a spacer or tracking pixel, not an asset.
const MIN_SIDE = 16

type Outcome = { asset: BrandAsset; bytes: Uint8Array } | { warning: Notice } | { dropped: true }

export async function collectAssets(
  candidates: readonly AssetCandidate[],
  ctx: AssetContext
): Promise<CollectedAssets> {
  const limit = pLimit(CONCURRENT_DOWNLOADS)
  const outcomes = await Promise.all(candidates.map((c) => limit(() => download(c, ctx))))
  const result: CollectedAssets = { logos: [], images: [], warnings: [], logoBytes: new Map() }
  const seen = new Set<string>()
  for (const outcome of outcomes) {
    if ('warning' in outcome) result.warnings.push(outcome.warning)
    if (!('asset' in outcome) || seen.has(outcome.asset.media.id)) continue
    seen.add(outcome.asset.media.id)
    const list = outcome.asset.kind === 'logo' ? result.logos : result.images
    if (list.length < (outcome.asset.kind === 'logo' ? MAX_LOGOS : MAX_IMAGES)) {
      list.push(outcome.asset)
      if (outcome.asset.kind === 'logo') result.logoBytes.set(outcome.asset.media.id, outcome.bytes)
    }
  }
  return result
}

async function download(candidate: AssetCandidate, ctx: AssetContext): Promise<Outcome> {
  const skip = (reason: Reason): Outcome => ({
    warning: brandNotice(
      candidate.kind === 'logo' ? 'logo_skipped' : 'image_skipped',
      { url: shortUrl(candidate.url) },
      reason
    ),
  })
  try {
    const response = await safeFetch(candidate.url, {
      policy: ctx.policy,
      accept: ['image/'],
      maxBytes: MAX_ASSET_BYTES,
      timeoutMs: ASSET_TIMEOUT_MS,
      signal: ctx.signal,
      headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8' },
    })
    if (!response.ok) return skip(httpStatusReason(response.status))
    const type = imageTypeOf(response.body, response.contentType)
    if (!type) return skip(pageReason('not_image'))
    const media = await saveMedia(ctx.store, response.body, type, { source: 'brand-analysis' })
    if (media.width !== undefined && media.height !== undefined) {
      if (media.width < MIN_SIDE && media.height < MIN_SIDE) return { dropped: true }
    }
    return {
      asset: {
        media,
        sourceUrl: candidate.url,
        kind: candidate.kind,
        mimeType: type,
        size: media.size,
      },
      bytes: response.body,
    }
  } catch (error) {
    if (ctx.signal?.aborted) return { dropped: true }
    return skip(reasonOf(error, ctx.log))
  }
}

function reasonOf(error: unknown, log: Logger): Reason {
  if (error instanceof FetchFailure) return error.reason
  const refused = refusalReason(error)
  if (refused) return refused
  // Anything else is ours (the store failing): log it, tell the client without detail.
  log.error('brand asset could not be stored', { error })
  return pageReason('not_stored')
}
