/**
 * @module ai/video-prices
 * What a second of generated video costs, per model and resolution, so a job's price can be
 * shown before it is paid for. Defaults are Google's published list prices as read on
 * `VIDEO_PRICES_READ_ON`; `VIDEO_PRICES` (JSON) replaces any entry. Where Google publishes no
 * figure for a combination the default is an estimate and says so.
 */
import type { VideoResolution } from './models'

/** US dollars per second of output, with and without generated sound. */
export interface VideoPrice {
  audio: number
  silent: number
  /** True when no published figure exists for this entry and the number is our estimate. */
  estimated?: boolean
}

/** Per model id: a price per resolution, `*` for every resolution not listed. */
export type VideoPriceTable = Readonly<
  Record<string, Readonly<Partial<Record<VideoResolution | '*', VideoPrice>>>>
>

export const VIDEO_PRICES_READ_ON = '2026-12-01'

// Gemini Omni Flash is billed by output tokens: $17.50 per million, 5,792 tokens per second of
// 720p video (sound included), about $0.10 a second. No token count is published for 1080p or
// 4K, so those rows repeat the 720p rate and are marked as estimates.
const OMNI: Partial<Record<VideoResolution | '*', VideoPrice>> = {
  '360p': { audio: 0.1, silent: 0.1 },
  '720p': { audio: 0.1, silent: 0.1 },
  '1080p': { audio: 0.1, silent: 0.1, estimated: true },
  '4k': { audio: 0.1, silent: 0.1, estimated: true },
}

export const DEFAULT_VIDEO_PRICES: VideoPriceTable = {
  // Vertex AI generative AI pricing, Veo 3.1 (720p and 1080p): video with audio, video only.
  'veo-3.1-generate-001': { '*': { audio: 0.4, silent: 0.2 } },
  'veo-3.1-fast-generate-001': { '*': { audio: 0.15, silent: 0.1 } },
  'gemini-omni-1.1-flash': OMNI,
  'gemini-omni-1.2-flash': OMNI,
}

export interface PriceQuote {
  /** The estimated total in US dollars, rounded to cents. */
  amountUsd: number
  perSecondUsd: number
  currency: 'USD'
  /** True when the rate is our estimate rather than a published or configured figure. */
  estimated: boolean
  /** Where the rate comes from: the built-in list (read on `pricesReadOn`) or `VIDEO_PRICES`. */
  source: 'default' | 'config'
  pricesReadOn: string
}

/** The price of `seconds` of output, or undefined when the table knows nothing of the model. */
export function quoteVideo(
  table: { prices: VideoPriceTable; configured: ReadonlySet<string> },
  job: { modelId: string; resolution: VideoResolution; seconds: number; audio: boolean }
): PriceQuote | undefined {
  const entry = table.prices[job.modelId]
  const price = entry?.[job.resolution] ?? entry?.['*']
  if (!price) return undefined
  const perSecondUsd = job.audio ? price.audio : price.silent
  const configured = table.configured.has(job.modelId)
  return {
    amountUsd: Math.round(perSecondUsd * job.seconds * 100) / 100,
    perSecondUsd,
    currency: 'USD',
    estimated: !configured && price.estimated === true,
    source: configured ? 'config' : 'default',
    pricesReadOn: VIDEO_PRICES_READ_ON,
  }
}

const PRICE_RESOLUTIONS = ['*', '360p', '720p', '1080p', '4k']
const isPrice = (n: unknown) => typeof n === 'number' && n >= 0 && n <= 100

/**
 * `VIDEO_PRICES` (JSON: model id -> resolution or `*` -> `{ audio, silent }` in US dollars per
 * second, 0 to 100), or undefined when it is not that shape.
 */
export function readVideoPrices(json: string): VideoPriceTable | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!isRecord(parsed)) return undefined
  for (const [model, byResolution] of Object.entries(parsed)) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(model) || !isRecord(byResolution)) return undefined
    for (const [resolution, price] of Object.entries(byResolution)) {
      if (!PRICE_RESOLUTIONS.includes(resolution) || !isRecord(price)) return undefined
      const keys = Object.keys(price)
      if (keys.length !== 2 || !isPrice(price.audio) || !isPrice(price.silent)) return undefined
    }
  }
  return parsed as VideoPriceTable
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
