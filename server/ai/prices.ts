/**
 * @module ai/prices
 * What a model call costs: a dated price table for text, image, Imagen and Google Search
 * grounding (video is priced per second in `video-prices`). A row applies from its `from` day
 * (UTC, inclusive) until the next row of the same item, so a price that changes on a date is two
 * rows. Every row names its source and when it was read; where no published price is known to
 * us the row is our estimate and says so (`estimated`). `AI_PRICES` replaces the rows of any item
 * it names (`ai/price-overrides`). Amounts are kept in micro-dollars (integers), so sums never
 * drift.
 */
import { familyOf } from './models'

/** One price of one item over a span of days. */
export interface PriceRow {
  /** A model id, or `google-search` (grounding queries). */
  item: string
  /** First UTC day (`YYYY-MM-DD`) the row applies; absent: from the beginning. */
  from?: string
  /** US dollars per million input tokens (prompt, history, images sent). */
  inputPerMillion?: number
  /** US dollars per million output tokens (the answer and the model's thinking). */
  outputPerMillion?: number
  /** US dollars per image made. */
  perImage?: number
  /** US dollars per search query the model ran. */
  perQuery?: number
  /** No published figure: the number is our estimate. */
  estimated?: boolean
  /** Where the figure comes from. */
  source: string
  /** When the source was read (`YYYY-MM-DD`). */
  readOn: string
}

export type PriceTable = readonly PriceRow[]

/** The item that prices Google Search grounding queries. */
export const SEARCH_ITEM = 'google-search'

const PRICING_PAGE =
  'Google\'s pricing page, as quoted in reference/models.md ("Prices move", checked 2026-12-07)'
const ESTIMATE = 'estimate: no published price in our references; set AI_PRICES when known'
const READ_ON = '2026-12-07'

const estimate = (item: string, prices: Omit<PriceRow, 'item' | 'source' | 'readOn'>) => ({
  item,
  ...prices,
  estimated: true,
  source: ESTIMATE,
  readOn: READ_ON,
})

/** Flash-Lite models: an estimate (a third of Gemini 3.8 Flash's 2026 rate). */
const LITE = { inputPerMillion: 0.25, outputPerMillion: 1.25 }
/** Older Flash models with no published rate: Gemini 3.8 Flash's 2026 rate as the estimate. */
const FLASH = { inputPerMillion: 0.75, outputPerMillion: 3.75 }

export const DEFAULT_AI_PRICES: PriceTable = [
  { item: 'gemini-3.8-flash', ...FLASH, source: PRICING_PAGE, readOn: READ_ON },
  {
    item: 'gemini-3.8-flash',
    from: '2027-01-01',
    inputPerMillion: 1.5,
    outputPerMillion: 7.5,
    source: PRICING_PAGE,
    readOn: READ_ON,
  },
  // Deprecated: Google answers it with 3.8 Flash, so it is priced like 3.8 Flash (an estimate).
  estimate('gemini-3.7-flash', FLASH),
  estimate('gemini-3.7-flash', { from: '2027-01-01', inputPerMillion: 1.5, outputPerMillion: 7.5 }),
  estimate('gemini-3.6-flash', FLASH),
  estimate('gemini-3.5-flash', FLASH),
  estimate('gemini-3.5-flash-lite', LITE),
  estimate('gemini-3.1-flash-lite', LITE),
  estimate('gemini-2.5-flash-lite', LITE),
  estimate('gemini-3.1-pro-preview', { inputPerMillion: 2, outputPerMillion: 12 }),
  // Image models: input tokens plus a price per image made.
  estimate('gemini-3.1-flash-image', { inputPerMillion: 0.5, perImage: 0.05 }),
  estimate('gemini-nano-banana-2.1', { inputPerMillion: 0.5, perImage: 0.05 }),
  estimate('gemini-3.1-flash-lite-image', { inputPerMillion: 0.25, perImage: 0.02 }),
  estimate('gemini-3-pro-image', { inputPerMillion: 2, perImage: 0.15 }),
  estimate('imagen-4.0-upscale-preview', { perImage: 0.06 }),
  estimate('image-segmentation-001', { perImage: 0.01 }),
  // The 5 000 free queries a month belong to the Google Cloud project, not to a workspace:
  // every query is counted at the paid rate, so a budget never lets more through than it says.
  { item: SEARCH_ITEM, perQuery: 0.014, source: PRICING_PAGE, readOn: READ_ON },
]

/** For a model the table does not know: the dearest row of its kind, marked as an estimate. */
const FALLBACK_BY_FAMILY: Record<string, string> = {
  'gemini-3': 'gemini-3.1-pro-preview',
  'gemini-2.5': 'gemini-3.1-pro-preview',
  'gemini-3-image': 'gemini-3-pro-image',
  'imagen-upscale': 'imagen-4.0-upscale-preview',
  'imagen-segment': 'image-segmentation-001',
}

/** The row of `item` that applies on `day` (`YYYY-MM-DD`), or undefined. */
export function rowOn(table: PriceTable, item: string, day: string): PriceRow | undefined {
  let best: PriceRow | undefined
  for (const row of table) {
    if (row.item !== item || (row.from && row.from > day)) continue
    if (!best || (row.from ?? '') >= (best.from ?? '')) best = row
  }
  return best
}

/** The row a model is priced with on `day`: its own, else its family's dearest (an estimate). */
export function modelRowOn(table: PriceTable, modelId: string, day: string): PriceRow | undefined {
  const own = rowOn(table, modelId, day)
  if (own) return own
  const stand = FALLBACK_BY_FAMILY[familyOf(modelId)]
  const row = stand ? rowOn(table, stand, day) : undefined
  return row && { ...row, item: modelId, estimated: true, source: `fallback: ${stand}'s row` }
}

/** What one call used, as the service reported it. */
export interface CallUsage {
  /** The id the call really ran on. */
  modelId: string
  inputTokens: number
  /** Answer plus thinking tokens (both are billed as output). */
  outputTokens: number
  images: number
  searchQueries: number
}

export interface CallPrice {
  /** Micro-dollars (1 USD = 1 000 000). */
  micros: number
  /** True when any row used is an estimate (or no row was found). */
  estimated: boolean
}

const MICROS = 1_000_000

/** The price of a call on `day` (`YYYY-MM-DD`). */
export function priceCall(table: PriceTable, usage: CallUsage, day: string): CallPrice {
  const model = modelRowOn(table, usage.modelId, day)
  const search = usage.searchQueries > 0 ? rowOn(table, SEARCH_ITEM, day) : undefined
  const dollars =
    (usage.inputTokens * (model?.inputPerMillion ?? 0)) / MICROS +
    (usage.outputTokens * (model?.outputPerMillion ?? 0)) / MICROS +
    usage.images * (model?.perImage ?? 0) +
    usage.searchQueries * (search?.perQuery ?? 0)
  return {
    micros: Math.round(dollars * MICROS),
    estimated: !model || model.estimated === true || Boolean(search?.estimated),
  }
}

/** The least a call of this model costs before it runs: one image for image models, else 0. */
export const minimumMicros = (table: PriceTable, modelId: string, day: string): number =>
  Math.round((modelRowOn(table, modelId, day)?.perImage ?? 0) * MICROS)

export const toMicros = (usd: number) => Math.round(usd * MICROS)
export const toUsd = (micros: number) => Math.round(micros) / MICROS
