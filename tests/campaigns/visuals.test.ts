/**
 * The key visual and its re-composition at the wire: the key visual made the image studio's way
 * (brand block, no text), then one image-model call per size asking for that ratio with the key
 * visual as the reference image, and PNGs at the export sizes with their default layers; the
 * brand guard (the brand check's measured and judged halves) stores a score on each visual.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { imageSize } from 'image-size'
import { recompose } from '../../server/features/campaigns/visuals'
import { loadMedia } from '../../server/storage/media'
import { brandProfile, KIT } from '../image/support'
import { type RecordedRequest, startFakeGemini } from '../support/fake-gemini'
import { discPng } from '../support/synthetic-images'
import { appFor, PLAN, post, SOURCE } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const app = appFor(gemini)
const profile = brandProfile(KIT)

/** The brand check's judged half, as the model answers it: nothing off brand. */
const judgement = {
  json: {
    logo: { verdict: 'not_applicable', reason: 'The logo is added as a layer.', fix: '' },
    typography: { verdict: 'not_applicable', reason: 'There is no lettering.', fix: '' },
    voice: { verdict: 'not_applicable', reason: 'There is no visible text.', fix: '' },
    forbidden: { verdict: 'pass', reason: 'Nothing ruled out is shown.', fix: '' },
    textRegions: [],
  },
}
const isImageCall = (r: RecordedRequest) => Boolean(r.body.generationConfig?.imageConfig)

/** The image the fake answers: `w` x `h`. */
const answer = (w: number, h: number) => ({
  image: {
    data: discPng({ width: w, height: h, subject: [200, 120, 40], background: [30, 60, 90] }),
  },
})

describe('POST /api/campaigns/key-visual', () => {
  test('is made with the brand block, at 1:1, asking for no text in the image', async () => {
    gemini.enqueue(answer(64, 64))
    const res = await post(app, 'key-visual', { source: SOURCE, profile, plans: { en: PLAN } })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.image).toMatchObject({ mimeType: 'image/png', width: 64, height: 64 })
    expect(body.brandApplied).toEqual(['colors', 'fonts'])
    const req = gemini.last()!
    expect(req.body.generationConfig.imageConfig.aspectRatio).toBe('1:1')
    expect(req.promptText).toContain('<brand>')
    expect(req.promptText).toContain('#1f6f5c')
    expect(req.promptText).toContain('carries no text')
    expect(body.prompt).toContain(PLAN.message)
  })
})

describe('POST /api/campaigns/recompose', () => {
  test('asks the image model for each ratio with the key visual as the reference, and fits each to its export size', async () => {
    gemini.enqueue(answer(80, 80))
    const key = await (
      await post(app, 'key-visual', { source: SOURCE, plans: { en: PLAN } })
    ).json()
    const keyBytes = Buffer.from((await loadMedia(app.deps.store, key.image.id)).bytes).toString(
      'base64'
    )
    gemini.reset()
    const sizes: Record<string, [number, number]> = {
      '1:1': [96, 96],
      '4:5': [80, 100],
      '9:16': [72, 128],
      '16:9': [128, 72],
    }
    gemini.setHandler((r) => {
      if (!isImageCall(r)) return judgement
      const ratio = r.body.generationConfig.imageConfig.aspectRatio as string
      const [w, h] = sizes[ratio] ?? [10, 10]
      return answer(w, h)
    })
    const res = await post(app, 'recompose', {
      source: SOURCE,
      profile,
      keyVisual: key.image.id,
      prompt: key.prompt,
      formats: ['1:1', '4:5', '9:16', '1.91:1'],
      plans: { en: PLAN },
    })
    gemini.setHandler(undefined)
    expect(res.status).toBe(200)
    const { visuals } = await res.json()
    const all = gemini.calls('generateContent')
    const calls = all.filter(isImageCall)
    expect(calls.map((r) => r.body.generationConfig.imageConfig.aspectRatio).sort()).toEqual([
      '16:9',
      '1:1',
      '4:5',
      '9:16',
    ])
    for (const call of calls) {
      const parts = call.body.contents.at(-1).parts
      // The key visual goes in as the reference image, before the instruction.
      expect(parts[0].inlineData).toEqual({ data: keyBytes, mimeType: 'image/png' })
      expect(parts.at(-1).text).toContain('Re-compose the reference image')
    }
    const expected = {
      '1:1': [1080, 1080],
      '4:5': [1080, 1350],
      '9:16': [1080, 1920],
      '1.91:1': [1200, 628],
    }
    // Each fitted visual is brand-checked once, against the campaign's profile.
    const checks = all.filter((r) => !isImageCall(r))
    expect(checks).toHaveLength(4)
    for (const check of checks) expect(check.promptText).toContain('#1f6f5c')
    for (const visual of visuals) {
      expect(visual.brandScore).toBeGreaterThanOrEqual(0)
      expect(visual.brandScore).toBeLessThanOrEqual(100)
      const { bytes } = await loadMedia(app.deps.store, visual.image.id)
      const size = imageSize(bytes)
      expect([size.width, size.height]).toEqual(expected[visual.format as keyof typeof expected])
      expect(visual.modelRatio).toBe(visual.format === '1.91:1' ? '16:9' : visual.format)
      expect(visual.layers.map((l: { kind: string }) => l.kind)).toEqual(['headline', 'cta'])
      expect(visual.layers[0].text.en).toBe(PLAN.headlines[0])
      expect(visual.layers[0].font).toBe('Playfair Display')
    }
  })

  test('the brand guard scores each visual it is given', async () => {
    gemini.enqueue(answer(40, 40))
    const key = await (await post(app, 'key-visual', { source: SOURCE })).json()
    gemini.setHandler(() => answer(40, 50))
    const seen: string[] = []
    const result = await recompose(
      { ai: app.deps.ai, store: app.deps.store, log: app.deps.log },
      {
        source: SOURCE,
        profile,
        keyVisual: key.image.id,
        prompt: key.prompt,
        formats: ['4:5'],
        plans: {},
        model: 'banana',
      },
      async (_ctx, visual) => {
        seen.push(`${visual.image.mimeType} ${imageSize(visual.image.bytes).width}`)
        return { score: 87 }
      }
    )
    gemini.setHandler(undefined)
    expect(seen).toEqual(['image/png 1080'])
    expect(result.visuals[0]?.brandScore).toBe(87)
  })

  test('a brand check that fails upstream keeps the visual, without a score', async () => {
    gemini.enqueue(answer(40, 40))
    const key = await (await post(app, 'key-visual', { source: SOURCE })).json()
    gemini.setHandler((r) =>
      isImageCall(r)
        ? answer(40, 50)
        : { status: 503, message: 'The model is overloaded.', googleStatus: 'UNAVAILABLE' }
    )
    const res = await post(app, 'recompose', {
      source: SOURCE,
      profile,
      keyVisual: key.image.id,
      prompt: key.prompt,
      formats: ['4:5'],
      plans: {},
    })
    gemini.setHandler(undefined)
    expect(res.status).toBe(200)
    const { visuals } = await res.json()
    expect(visuals).toHaveLength(1)
    expect(visuals[0].brandScore).toBeUndefined()
    expect((await loadMedia(app.deps.store, visuals[0].image.id)).bytes.length).toBeGreaterThan(0)
  })

  test('a key visual that is not stored is a 404 before any model call', async () => {
    const res = await post(app, 'recompose', {
      source: SOURCE,
      keyVisual: `${'a'.repeat(64)}.png`,
      prompt: 'x',
      formats: ['1:1'],
    })
    expect(res.status).toBe(404)
    expect(gemini.calls('generateContent')).toHaveLength(0)
  })
})
