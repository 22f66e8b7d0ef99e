/**
 * `POST /api/brand/check` through the real app and SDK against the strict fake Gemini, on both
 * backends: the judged half with scripted answers (schema-valid, invalid, blocked, upstream
 * failure), the score with its parts and weights, the issues and their fixes, saved and inline
 * profiles, the logo as a reference, and the kept result answered again without a model call.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { SCORE_WEIGHTS } from '../../server/features/brand-guard/method'
import { saveMedia } from '../../server/storage/media'
import { appFor, MODES, type TestApp } from '../image/support'
import { postJson } from '../support/app'
import { fakeMp4, startFakeGemini } from '../support/fake-gemini'
import { captionedDiscPng } from '../support/synthetic-images'
import {
  ALL_FAIL,
  ALL_PASS,
  GOOD_CAPTION,
  OFF_SPEC,
  offPalettePng,
  onPalettePng,
  POOR_CAPTION,
  profileWith,
} from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const store = async (app: TestApp, bytes: Uint8Array, type = 'image/png') =>
  (await saveMedia(app.deps.store, bytes, type)).id

const check = (app: TestApp, body: unknown) => postJson(app.app, '/api/brand/check', body)
const judgeCalls = () => gemini.calls('generateContent')

describe.each(MODES)('POST /api/brand/check (%s)', (mode) => {
  // A fresh store for each test: kept results never cross tests.
  let app: TestApp
  beforeEach(() => {
    app = appFor(gemini, mode)
  })

  test('an on-palette image that passes every judgement scores high, with its parts and weights', async () => {
    const imageId = await store(app, onPalettePng())
    gemini.enqueue({ json: ALL_PASS })
    const res = await check(app, { imageId, profile: profileWith() })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ imageId, cached: false, kind: 'image', judged: { status: 'ok' } })
    expect(body.score.partial).toBe(false)
    expect(body.score.value).toBeGreaterThan(95)
    expect(body.issues).toEqual([])
    expect(body.method.weights).toEqual(SCORE_WEIGHTS)
    const parts = Object.fromEntries(body.score.parts.map((p: any) => [p.part, p]))
    expect(parts.logo).toEqual({ part: 'logo', weight: 15, value: null, points: 0 })
    expect(parts.forbidden.value).toBe(1)
    const points = body.score.parts.reduce((s: number, p: any) => s + p.points, 0)
    expect(Math.abs(points - body.score.value)).toBeLessThan(0.3)

    const call = judgeCalls()[0]!
    expect(call.model).toBe(ROLES.text.defaultId)
    expect(call.body.generationConfig.responseMimeType).toBe('application/json')
    expect(call.body.generationConfig.responseJsonSchema.required).toContain('textRegions')
    const parts0 = call.body.contents.at(-1).parts
    expect(parts0[0].inlineData.mimeType).toBe('image/png')
    expect(parts0.at(-1).text).toContain('<brand>')
    expect(parts0.at(-1).text).toContain('Northwind Coffee')
    expect(parts0.at(-1).text).toContain('cheap')
  })

  test('an off-palette image that fails the judgements scores low, each issue with a fix', async () => {
    const imageId = await store(app, captionedDiscPng(OFF_SPEC, POOR_CAPTION))
    gemini.enqueue({ json: ALL_FAIL })
    const body = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(body.score.value).toBeLessThan(15)
    const codes = body.issues.map((i: any) => i.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'off_palette_color',
        'low_palette_coverage',
        'low_contrast',
        'logo',
        'typography',
        'voice',
        'forbidden',
      ])
    )
    for (const issue of body.issues) {
      expect(issue.message.length).toBeGreaterThan(10)
      expect(issue.fix.length).toBeGreaterThan(10)
      expect(issue.fix).not.toContain('\n')
    }
    const off = body.issues.find((i: any) => i.code === 'off_palette_color')
    expect(off.params).toMatchObject({ nearest: expect.stringMatching(/^#[0-9a-f]{6}$/) })
    expect(off.fix).toStartWith('Replace #')
    expect(body.issues.find((i: any) => i.code === 'voice').params.reason).toContain('cheap deals')
    expect(body.measured.textContrast[0]).toMatchObject({ text: 'cheap deals', passes: false })
  })

  test('asked again for the same image and brand, the kept result is answered without a model call', async () => {
    const imageId = await store(app, onPalettePng())
    gemini.enqueue({ json: ALL_PASS })
    const first = await (await check(app, { imageId, profile: profileWith() })).json()
    const again = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(judgeCalls()).toHaveLength(1)
    expect(again.cached).toBe(true)
    expect({ ...again, cached: false }).toEqual(first)
    // Another brand (another version): measured again.
    gemini.enqueue({ json: ALL_PASS })
    const other = profileWith(undefined, { brand_name: 'Southwind Tea' })
    const third = await (await check(app, { imageId, profile: other })).json()
    expect(third.cached).toBe(false)
    expect(third.profile.version).not.toBe(first.profile.version)
    expect(judgeCalls()).toHaveLength(2)
  })

  test('an invalid answer (twice) leaves the judged half unavailable; the measured half stands, not kept', async () => {
    const imageId = await store(app, onPalettePng())
    const invalid = { json: { logo: { verdict: 'maybe' } } }
    gemini.enqueue(invalid, invalid)
    const res = await check(app, { imageId, profile: profileWith() })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(judgeCalls()).toHaveLength(2)
    expect(body.judged).toMatchObject({
      status: 'unavailable',
      error: { code: 'ai_invalid_output' },
    })
    expect(body.score.partial).toBe(true)
    for (const part of ['logo', 'typography', 'voice', 'forbidden', 'textContrast']) {
      expect(body.score.parts.find((p: any) => p.part === part).value).toBeNull()
    }
    expect(body.score.value).toBeGreaterThan(95)
    // Not kept: the next request asks the model again.
    gemini.enqueue({ json: ALL_PASS })
    const again = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(again).toMatchObject({ cached: false, judged: { status: 'ok' } })
  })

  test('a failed finding without a fix is invalid, never patched up', async () => {
    const imageId = await store(app, onPalettePng())
    const noFix = {
      json: { ...ALL_PASS, voice: { verdict: 'fail', reason: 'Off voice.', fix: '' } },
    }
    gemini.enqueue(noFix, noFix)
    const body = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(body.judged.error.code).toBe('ai_invalid_output')
  })

  test('a blocked answer leaves the judged half unavailable with the reason', async () => {
    const imageId = await store(app, onPalettePng())
    gemini.enqueue({ promptBlocked: 'SAFETY' })
    const body = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(body.judged).toMatchObject({ status: 'unavailable', error: { code: 'ai_blocked' } })
    expect(body.score.partial).toBe(true)
    expect(
      body.issues.every((i: any) => ['paletteCoverage', 'dominantColors'].includes(i.part))
    ).toBe(true)
  })

  test('an upstream failure is the request’s error (502 envelope), no result invented', async () => {
    const imageId = await store(app, onPalettePng())
    gemini.enqueue({ status: 503 }, { status: 503 }, { status: 503 })
    const res = await check(app, { imageId, profile: profileWith() })
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body.error.code).toBe('upstream_error')
    expect(body.score).toBeUndefined()
  })

  test('readable text passes its contrast check; the part counts', async () => {
    const imageId = await store(
      app,
      captionedDiscPng(
        { ...OFF_SPEC, subject: [31, 111, 92], background: [250, 247, 240] },
        GOOD_CAPTION
      )
    )
    gemini.enqueue({
      json: { ...ALL_PASS, textRegions: [{ text: 'Fresh roasts', box: GOOD_CAPTION.box }] },
    })
    const body = await (await check(app, { imageId, profile: profileWith() })).json()
    expect(body.measured.textContrast).toEqual([
      {
        text: 'Fresh roasts',
        box: GOOD_CAPTION.box,
        foreground: '#faf7f0',
        background: '#1f6f5c',
        ratio: 5.62,
        minimum: 4.5,
        passes: true,
      },
    ])
    expect(body.score.parts.find((p: any) => p.part === 'textContrast').value).toBe(1)
  })
})

describe('profiles, images and the logo', () => {
  let app: TestApp
  beforeEach(() => {
    app = appFor(gemini, 'developer')
  })

  test('a saved profile by id; unknown ids are 404; both or neither is 400 naming profileId', async () => {
    const imageId = await store(app, onPalettePng())
    const saved = await app.app.request('/api/library/brand-profiles/northwind', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-None-Match': '*' },
      body: JSON.stringify({ title: 'Northwind', profile: profileWith() }),
    })
    expect(saved.status).toBe(201)
    gemini.enqueue({ json: ALL_PASS })
    const byId = await (await check(app, { imageId, profileId: 'northwind' })).json()
    expect(byId.profile.name).toBe('Northwind Coffee')
    expect((await check(app, { imageId, profileId: 'nobody' })).status).toBe(404)
    for (const body of [{ imageId }, { imageId, profileId: 'northwind', profile: profileWith() }]) {
      const res = await check(app, body)
      expect(res.status).toBe(400)
      expect((await res.json()).error.details.issues[0].field).toBe('profileId')
    }
  })

  test('an unknown image is 404; a video or a malformed id is refused', async () => {
    const missing = `${'a'.repeat(64)}.png`
    expect((await check(app, { imageId: missing, profile: profileWith() })).status).toBe(404)
    const video = await store(app, fakeMp4(), 'video/mp4')
    expect((await check(app, { imageId: video, profile: profileWith() })).status).toBe(415)
    expect((await check(app, { imageId: '../x', profile: profileWith() })).status).toBe(400)
    expect(judgeCalls()).toHaveLength(0)
  })

  test('an image whose header reads but whose pixels do not is 415; nothing is kept', async () => {
    const png = onPalettePng()
    const broken = new Uint8Array(png.length)
    broken.set(png.subarray(0, 33)) // the signature and IHDR, then zeros
    const imageId = await store(app, broken)
    gemini.setHandler(() => ({ json: ALL_PASS }))
    const res = await check(app, { imageId, profile: profileWith() })
    expect(res.status).toBe(415)
    expect((await res.json()).error.code).toBe('unsupported_image_type')
    expect(await app.deps.store.list('brand-checks/', { limit: 10 })).toMatchObject({ items: [] })
  })

  test('the kit’s logo goes to the model as the last image, and the expectation is said', async () => {
    const imageId = await store(app, onPalettePng())
    const logoId = await store(app, offPalettePng())
    const profile = profileWith()
    profile.globalInfo.kit = {
      ...profile.globalInfo.kit!,
      logo: { mediaId: logoId, mimeType: 'image/png' },
    }
    gemini.enqueue({ json: ALL_PASS })
    await check(app, { imageId, profile, expectLogo: true })
    const parts = judgeCalls()[0]!.body.contents.at(-1).parts
    expect(parts.filter((p: any) => p.inlineData)).toHaveLength(2)
    expect(parts.at(-1).text).toContain('This asset should show the brand logo.')
    expect(parts.at(-1).text).toContain('The last image is the brand logo')
  })

  test('an SVG logo cannot be shown to the model: it is judged without the reference', async () => {
    const imageId = await store(app, onPalettePng())
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')
    const logoId = await store(app, svg, 'image/svg+xml')
    const profile = profileWith()
    profile.globalInfo.kit = {
      ...profile.globalInfo.kit!,
      logo: { mediaId: logoId, mimeType: 'image/svg+xml' },
    }
    gemini.enqueue({ json: ALL_PASS })
    const res = await check(app, { imageId, profile })
    expect(res.status).toBe(200)
    const parts = judgeCalls()[0]!.body.contents.at(-1).parts
    expect(parts.filter((p: any) => p.inlineData)).toHaveLength(1)
    expect(parts.at(-1).text).toContain('cannot be shown to you')
  })

  test('the same image checked by two servers gives the same numbers, to the decimal', async () => {
    const other = appFor(gemini, 'developer')
    const bytes = captionedDiscPng(OFF_SPEC, POOR_CAPTION)
    const results = []
    for (const a of [app, other]) {
      gemini.enqueue({ json: ALL_FAIL })
      const body = await (
        await check(a, { imageId: await store(a, bytes), profile: profileWith() })
      ).json()
      results.push({ measured: body.measured, score: body.score, issues: body.issues })
    }
    expect(results[0]).toEqual(results[1]!)
    expect(results[0]!.score.value).toBe(PINNED_OFF_SCORE)
  })
})

// Measured once and pinned (the cream caption paper is on the palette; the rest is not).
const PINNED_OFF_SCORE = 5.4
