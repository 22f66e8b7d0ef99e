/**
 * @module ai/price-overrides
 * The price tables' overrides from the environment. `AI_PRICES`: JSON that replaces the
 * built-in rows of the items it names (a model id or `google-search`), each a list of dated
 * rows, so a price change announced later needs no release: `{"gemini-3.8-flash":[{
 * "inputPerMillion":0.75,"outputPerMillion":3.75},{"from":"2027-01-01","inputPerMillion":1.5,
 * "outputPerMillion":7.5}]}`. (`VIDEO_PRICES` is read by `ai/video-prices`.)
 */
import { DEFAULT_AI_PRICES, type PriceRow, type PriceTable } from './prices'

// Checked by hand, not with valibot: configuration is read at every cold start (core/env-fields).
const DOLLARS = ['inputPerMillion', 'outputPerMillion', 'perImage', 'perQuery'] as const
type RowJson = Partial<Record<(typeof DOLLARS)[number], number>> & {
  from?: string
  estimated?: boolean
}
const isDollars = (x: unknown) => x === undefined || (typeof x === 'number' && x >= 0 && x <= 1000)
const isDay = (x: unknown) =>
  x === undefined ||
  (typeof x === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(x) &&
    !Number.isNaN(Date.parse(`${x}T00:00:00Z`)))
const isRow = (x: unknown): x is RowJson =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  Object.keys(x).every((k) => k === 'from' || k === 'estimated' || DOLLARS.some((d) => d === k)) &&
  isDay((x as RowJson).from) &&
  ((x as RowJson).estimated === undefined || typeof (x as RowJson).estimated === 'boolean') &&
  DOLLARS.every((d) => isDollars((x as RowJson)[d]))
const isTable = (x: unknown): x is Record<string, RowJson[]> =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  Object.entries(x).every(
    ([item, rows]) =>
      /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(item) &&
      Array.isArray(rows) &&
      rows.length > 0 &&
      rows.every(isRow)
  )

export const AI_PRICES_EXAMPLE =
  '{"gemini-3.8-flash":[{"inputPerMillion":0.75,"outputPerMillion":3.75},{"from":"2027-01-01","inputPerMillion":1.5,"outputPerMillion":7.5}]}'

export interface PriceConfig {
  table: PriceTable
  /** Items whose rows come from `AI_PRICES`. */
  configured: ReadonlySet<string>
}

/** The built-in table with `AI_PRICES` over it; undefined when the JSON is not valid. */
export function aiPrices(json: string | undefined, readOn: string): PriceConfig | undefined {
  if (!json) return { table: DEFAULT_AI_PRICES, configured: new Set() }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!isTable(parsed)) return undefined
  const configured = new Set(Object.keys(parsed))
  const rows: PriceRow[] = Object.entries(parsed).flatMap(([item, list]) =>
    list.map((row) => ({ item, ...row, source: 'AI_PRICES', readOn }))
  )
  return {
    table: [...DEFAULT_AI_PRICES.filter((row) => !configured.has(row.item)), ...rows],
    configured,
  }
}
