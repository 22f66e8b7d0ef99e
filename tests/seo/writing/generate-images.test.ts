import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import { kitSummary } from '../../../server/features/brand/kit-summary'
import type { BrandKit } from '../../../server/features/brand/profile'
import { mediaKey } from '../../../server/storage/media'
import { buildTestApp, postJson } from '../../support/app'
import { type RecordedRequest, startFakeGemini } from '../../support/fake-gemini'
import { brief, germanArticle, pngBytes, profile, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app, deps } = buildTestApp({ geminiUrl: gemini.url })

const isImageCall = (req: RecordedRequest) => req.model === ROLES.image.defaultId
const placement = (
  sectionTitle: string,
  alt: string,
  imagePrompt = `A photo for ${sectionTitle}`
) => ({
  sectionTitle,
  imagePrompt,
  alt,
})

/** The plan answer, then one image per call (distinct bytes per prompt) after `delayMs`. */
function script(placements: ReturnType<typeof placement>[], delayMs = 0) {
  gemini.enqueueWhen((req) => !isImageCall(req), { json: { placements } })
  gemini.setHandler((req) =>
    isImageCall(req)
      ? { image: { data: pngBytes(req.promptText), mimeType: 'image/png' }, delayMs }
      : undefined
  )
}

describe('POST /api/seo/generate-images', () => {
  test('plans in JSON mode with the article headings as the only allowed sections', async () => {
    script([placement('Ausrüstung', 'Siebträger')])
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      brief,
      profile,
    })
    expect(res.status).toBe(200)
    const plan = gemini.calls().find((r) => !isImageCall(r))!
    const schema = plan.body.generationConfig.responseJsonSchema
    expect(plan.body.generationConfig.responseMimeType).toBe('application/json')
    expect(schema.properties.placements.items.properties.sectionTitle.enum).toEqual([
      'Introduction',
      'Ausrüstung',
      'Bohnen und Mahlgrad',
      'Extraktion',
    ])
    expect(schema.properties.placements.items.required).toEqual([
      'sectionTitle',
      'imagePrompt',
      'alt',
    ])
    expect(systemText(plan)).toContain('in German')
    expect(plan.promptText).toContain('Choose up to 4 places')
    const image = gemini.calls().find(isImageCall)!
    expect(image.body.generationConfig.responseModalities).toEqual(['TEXT', 'IMAGE'])
    expect(image.body.generationConfig.imageConfig).toEqual({ aspectRatio: '16:9' })
  })

  test('the brand kit palette, when the profile has one, goes into the image plan', async () => {
    script([placement('Ausrüstung', 'Siebträger')])
    const kit: BrandKit = {
      colors: [{ hex: '#1f6f5c', role: 'primary', source: 'theme-color' }],
      fonts: [],
      social: [],
    }
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      brief,
      profile: { ...profile, globalInfo: { ...profile.globalInfo, kit } },
    })
    expect(res.status).toBe(200)
    const plan = gemini.calls().find((r) => !isImageCall(r))!
    expect(plan.promptText).toContain(kitSummary(kit, { aspects: ['colors'] }))
  })

  test('stores the images and inserts /media links after their headings, never base64', async () => {
    script([
      placement('Introduction', 'Espresso in einer Tasse'),
      placement('Extraktion', 'Shot] [läuft\n"x" <b>'),
    ])
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      brief,
      aspectRatio: '4:3',
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.failures).toEqual([])
    expect(body.images.map((i: { sectionTitle: string }) => i.sectionTitle)).toEqual([
      'Introduction',
      'Extraktion',
    ])
    const [intro, extraction] = body.images
    expect(extraction.alt).toBe('Shot) (läuft x b')
    expect(intro.media.url).toBe(`/media/${intro.media.id}`)
    expect(body.article).not.toMatch(/base64|data:/)
    expect(body.article).toContain(
      `Dieser Leitfaden zeigt, worauf es ankommt.\n\n![Espresso in einer Tasse](${intro.media.url})\n\n## Ausrüstung`
    )
    expect(body.article).toContain(
      `## Extraktion\n\n![Shot) (läuft x b](${extraction.media.url})\n\nEine Extraktion`
    )
    for (const image of body.images) {
      const stored = await deps.store.head(mediaKey(image.media.id))
      expect(stored?.contentType).toBe('image/png')
    }
    const urls = [...body.article.matchAll(/\]\((\/media\/[^)]+)\)/g)].map((m) => m[1])
    expect(urls).toEqual([intro.media.url, extraction.media.url])
    expect(gemini.calls().filter(isImageCall)[0]!.body.generationConfig.imageConfig).toEqual({
      aspectRatio: '4:3',
    })
  })

  test('images are generated concurrently: all 4 calls are out before the first answer', async () => {
    script(
      ['Introduction', 'Ausrüstung', 'Bohnen und Mahlgrad', 'Extraktion'].map((s) =>
        placement(s, s)
      ),
      300
    )
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      maxImages: 4,
    })
    expect(res.status).toBe(200)
    expect((await res.json()).images).toHaveLength(4)
    const starts = gemini
      .calls()
      .filter(isImageCall)
      .map((r) => r.receivedAt)
    expect(starts).toHaveLength(4)
    // Every call was sent before the first one's 300 ms answer came back: an order, not a
    // speed (a bound on the total time failed on a busy machine).
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(300)
  })

  test('more than 4 images run at most 4 at a time', async () => {
    const sections = [
      'Introduction',
      'Ausrüstung',
      'Bohnen und Mahlgrad',
      'Extraktion',
      'Ausrüstung',
      'Extraktion',
    ]
    script(
      sections.map((s, i) => placement(s, `${s} ${i}`, `Photo number ${i}`)),
      200
    )
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      maxImages: 6,
    })
    expect((await res.json()).images).toHaveLength(6)
    const starts = gemini
      .calls()
      .filter(isImageCall)
      .map((r) => r.receivedAt)
      .sort((a, b) => a - b)
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(150)
    expect(starts[3]! - starts[0]!).toBeLessThan(150)
  })

  test('the plan is cut to maxImages', async () => {
    script(['Introduction', 'Ausrüstung', 'Extraktion'].map((s) => placement(s, s)))
    const res = await postJson(app, '/api/seo/generate-images', {
      article: germanArticle,
      maxImages: 2,
    })
    expect((await res.json()).images).toHaveLength(2)
    expect(gemini.calls().filter(isImageCall)).toHaveLength(2)
  })

  test('a failed image is listed; the others are inserted', async () => {
    gemini.enqueueWhen((req) => !isImageCall(req), {
      json: {
        placements: [
          placement('Ausrüstung', 'A', 'Draw FAIL please'),
          placement('Extraktion', 'B'),
        ],
      },
    })
    gemini.setHandler((req) => {
      if (!isImageCall(req)) return undefined
      if (req.promptText.includes('FAIL')) return { status: 400 }
      return { image: { data: pngBytes('ok') } }
    })
    const res = await postJson(app, '/api/seo/generate-images', { article: germanArticle })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.images.map((i: { sectionTitle: string }) => i.sectionTitle)).toEqual(['Extraktion'])
    expect(body.failures).toEqual([
      {
        sectionTitle: 'Ausrüstung',
        error: { code: 'upstream_rejected', message: 'The AI service rejected the request.' },
      },
    ])
    expect(body.article).toContain('## Ausrüstung\n\nEine gute')
  })

  test('when every image fails the request fails with their status', async () => {
    gemini.enqueueWhen((req) => !isImageCall(req), {
      json: { placements: [placement('Extraktion', 'B')] },
    })
    gemini.setHandler((req) => (isImageCall(req) ? { status: 429, retryAfter: 45 } : undefined))
    const res = await postJson(app, '/api/seo/generate-images', { article: germanArticle })
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('45')
  })

  test('bounds: maxImages 1–8 and a known aspect ratio', async () => {
    for (const [bad, field] of [
      [{ maxImages: 9 }, 'maxImages'],
      [{ maxImages: 0 }, 'maxImages'],
      [{ aspectRatio: '2:1' }, 'aspectRatio'],
    ] as const) {
      const res = await postJson(app, '/api/seo/generate-images', {
        article: germanArticle,
        ...bad,
      })
      expect(res.status).toBe(400)
      expect((await res.json()).error.details.issues[0].field).toBe(field)
    }
  })
})
