/**
 * @module brand/image-search
 * Google Custom Search image results for a site (`site:<hostname>`, safe search on), used as
 * extra asset candidates when GCP_CSE_API_KEY and GCP_CSE_ID are set. The host name comes from
 * the parsed URL, never from raw input; the key travels in a header, so no URL carries it.
 */
import * as v from 'valibot'
import { readCapped } from '../../core/safe-fetch'
import type { AssetCandidate } from './asset-candidates'

export interface ImageSearchOptions {
  endpoint: string
  apiKey: string
  engineId: string
  timeoutMs: number
  signal?: AbortSignal
}

const RESULTS = 10
const MAX_ANSWER = 1024 * 1024

const SearchAnswer = v.object({
  items: v.optional(v.array(v.object({ link: v.string() })), []),
})

export class ImageSearchError extends Error {
  override name = 'ImageSearchError'
}

/** `https://www.example.com/x` -> `example.com` (subdomains are covered by `site:`). */
export function searchHostOf(pageUrl: string): string | undefined {
  const url = new URL(pageUrl)
  // Image search by address makes no sense; names only.
  if (url.hostname.startsWith('[') || /^\d+(\.\d+){3}$/.test(url.hostname)) return undefined
  return url.hostname.replace(/^www\./, '')
}

export async function searchSiteImages(
  hostname: string,
  options: ImageSearchOptions
): Promise<AssetCandidate[]> {
  const timer = AbortSignal.timeout(options.timeoutMs)
  const query = new URLSearchParams({
    cx: options.engineId,
    q: `site:${hostname}`,
    searchType: 'image',
    num: String(RESULTS),
    safe: 'active',
  })
  const response = await fetch(`${options.endpoint}?${query}`, {
    signal: options.signal ? AbortSignal.any([options.signal, timer]) : timer,
    headers: { 'X-Goog-Api-Key': options.apiKey, Accept: 'application/json' },
  })
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    throw new ImageSearchError(`image search answered HTTP ${response.status}`)
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(await readCapped(response, MAX_ANSWER)))
  } catch {
    throw new ImageSearchError('image search answered something that is not JSON')
  }
  const parsed = v.safeParse(SearchAnswer, json)
  if (!parsed.success) throw new ImageSearchError('image search answered an unexpected shape')
  return parsed.output.items
    .map((item) => item.link)
    .filter((link) => /^https?:\/\//i.test(link) && link.length <= 2048)
    .map((url) => ({ url, kind: /logo/i.test(url) ? 'logo' : 'image' }))
}
