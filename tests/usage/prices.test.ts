/**
 * The price table: the row of a date, prices that change on a date, estimates and their
 * fallbacks, search queries, micro-dollar arithmetic; and the length of an MP4 from its header.
 */
import { describe, expect, test } from 'bun:test'
import { MODEL_ROLES, ROLES, VIDEO_ROLES } from '../../server/ai/models'
import { aiPrices } from '../../server/ai/price-overrides'
import {
  DEFAULT_AI_PRICES,
  minimumMicros,
  modelRowOn,
  priceCall,
  rowOn,
} from '../../server/ai/prices'
import { DEFAULT_VIDEO_PRICES } from '../../server/ai/video-prices'
import { mp4Seconds } from '../../server/media/mp4-duration'
import { mp4Of } from './support'

const usage = (modelId: string, extra: Partial<Parameters<typeof priceCall>[1]> = {}) => ({
  modelId,
  inputTokens: 1_000_000,
  outputTokens: 1_000_000,
  images: 0,
  searchQueries: 0,
  ...extra,
})

describe('the price table', () => {
  test('Gemini 3.8 Flash doubles on 2027-01-01 (models.md, "Prices move")', () => {
    const before = rowOn(DEFAULT_AI_PRICES, 'gemini-3.8-flash', '2026-12-31')
    const after = rowOn(DEFAULT_AI_PRICES, 'gemini-3.8-flash', '2027-01-01')
    expect(before).toMatchObject({ inputPerMillion: 0.75, outputPerMillion: 3.75 })
    expect(after).toMatchObject({ inputPerMillion: 1.5, outputPerMillion: 7.5, from: '2027-01-01' })
    expect(before?.estimated).toBeUndefined()
    expect(priceCall(DEFAULT_AI_PRICES, usage('gemini-3.8-flash'), '2026-12-31').micros).toBe(
      4_500_000
    )
    expect(priceCall(DEFAULT_AI_PRICES, usage('gemini-3.8-flash'), '2027-01-01').micros).toBe(
      9_000_000
    )
  })

  test('every row names its source and when it was read; only published figures are unmarked', () => {
    for (const row of DEFAULT_AI_PRICES) {
      expect(row.source.length).toBeGreaterThan(10)
      expect(row.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (!row.estimated) expect(row.source).toContain('models.md')
    }
    const published = DEFAULT_AI_PRICES.filter((r) => !r.estimated).map((r) => r.item)
    expect([...new Set(published)]).toEqual(['gemini-3.8-flash', 'google-search'])
  })

  test('every model a role can run on has its own row (video: its per-second price)', () => {
    for (const role of MODEL_ROLES) {
      for (const id of [ROLES[role].defaultId, ...ROLES[role].candidates]) {
        if ((VIDEO_ROLES as readonly string[]).includes(role)) {
          expect(DEFAULT_VIDEO_PRICES[id]).toBeDefined()
          continue
        }
        const row = rowOn(DEFAULT_AI_PRICES, id, '2026-12-07')
        expect(row?.item).toBe(id)
      }
    }
  })

  test('search grounding: $14 per 1 000 queries, every query counted', () => {
    const price = priceCall(
      DEFAULT_AI_PRICES,
      usage('gemini-3.8-flash', { inputTokens: 0, outputTokens: 0, searchQueries: 3 }),
      '2026-12-07'
    )
    expect(price).toEqual({ micros: 42_000, estimated: false })
  })

  test('an image model is priced per image; admission needs at least one image', () => {
    const price = priceCall(
      DEFAULT_AI_PRICES,
      usage('gemini-3-pro-image', { inputTokens: 0, outputTokens: 5000, images: 2 }),
      '2026-12-07'
    )
    expect(price).toEqual({ micros: 300_000, estimated: true })
    expect(minimumMicros(DEFAULT_AI_PRICES, 'gemini-3-pro-image', '2026-12-07')).toBe(150_000)
    expect(minimumMicros(DEFAULT_AI_PRICES, 'gemini-3.8-flash', '2026-12-07')).toBe(0)
  })

  test('an unknown model takes its family’s dearest row, marked as a fallback estimate', () => {
    const row = modelRowOn(DEFAULT_AI_PRICES, 'gemini-4-neon', '2026-12-07')
    expect(row).toMatchObject({ item: 'gemini-4-neon', inputPerMillion: 2, estimated: true })
    expect(row?.source).toContain('fallback')
  })

  test('AI_PRICES replaces exactly the items it names, and is refused when malformed', () => {
    const config = aiPrices(
      '{"gemini-3.8-flash":[{"inputPerMillion":1,"outputPerMillion":2}]}',
      '2026-12-07'
    )
    expect(config?.configured).toEqual(new Set(['gemini-3.8-flash']))
    expect(rowOn(config?.table ?? [], 'gemini-3.8-flash', '2027-06-01')).toMatchObject({
      inputPerMillion: 1,
      source: 'AI_PRICES',
    })
    expect(rowOn(config?.table ?? [], 'google-search', '2027-06-01')?.perQuery).toBe(0.014)
    expect(aiPrices('{"gemini-3.8-flash":[{"input":1}]}', '2026-12-07')).toBeUndefined()
    expect(aiPrices('{"x":[{"from":"2027-13-45"}]}', '2026-12-07')).toBeUndefined()
    expect(aiPrices('not json', '2026-12-07')).toBeUndefined()
  })
})

describe('the length of an MP4', () => {
  test('from its movie header, version 0', () => {
    expect(mp4Seconds(mp4Of(5))).toBe(5)
    expect(mp4Seconds(mp4Of(7.5, 90_000))).toBe(7.5)
  })

  test('undefined for bytes without a readable header', () => {
    expect(mp4Seconds(new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70]))).toBeUndefined()
    expect(mp4Seconds(crypto.getRandomValues(new Uint8Array(256)))).toBeUndefined()
    expect(mp4Seconds(new Uint8Array())).toBeUndefined()
  })
})
