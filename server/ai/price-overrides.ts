/**
 * @module ai/price-overrides
 * The price tables' overrides from the environment. `AI_PRICES`: JSON that replaces the
 * built-in rows of the items it names (a model id or `google-search`), each a list of dated
 * rows, so a price change announced later needs no release: `{"gemini-3.8-flash":[{
 * "inputPerMillion":0.75,"outputPerMillion":3.75},{"from":"2027-01-01","inputPerMillion":1.5,
 * "outputPerMillion":7.5}]}`. (`VIDEO_PRICES` is read by `ai/video-prices`.)
 */
import * as v from 'valibot'
import { DEFAULT_AI_PRICES, type PriceRow, type PriceTable } from './prices'

// Built only when the variable is set: configuration is read at every cold start, mostly without `AI_PRICES`.
const buildSchema = () => {
  const Dollars = v.pipe(v.number(), v.minValue(0), v.maxValue(1000))
  const Day = v.pipe(
    v.string(),
    v.regex(/^\d{4}-\d{2}-\d{2}$/),
    v.check((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)))
  )
  const Row = v.strictObject({
    from: v.optional(Day),
    inputPerMillion: v.optional(Dollars),
    outputPerMillion: v.optional(Dollars),
    perImage: v.optional(Dollars),
    perQuery: v.optional(Dollars),
    estimated: v.optional(v.boolean()),
  })
  return v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)),
    v.pipe(v.array(Row), v.minLength(1))
  )
}

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
  const result = v.safeParse(buildSchema(), parsed)
  if (!result.success) return undefined
  const configured = new Set(Object.keys(result.output))
  const rows: PriceRow[] = Object.entries(result.output).flatMap(([item, list]) =>
    list.map((row) => ({ item, ...row, source: 'AI_PRICES', readOn }))
  )
  return {
    table: [...DEFAULT_AI_PRICES.filter((row) => !configured.has(row.item)), ...rows],
    configured,
  }
}
