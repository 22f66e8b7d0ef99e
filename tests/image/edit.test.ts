import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { kitSummary } from '../../server/features/brand/kit-summary'
import { BRAND_USE } from '../../server/features/image/brand'
import { MAX_REPLAYED_TURNS, readTurn } from '../../server/features/image/conversation'
import { startFakeGemini } from '../support/fake-gemini'
import {
  appFor,
  base64,
  brandProfile,
  imageCalls,
  KIT,
  lastUserParts,
  MODES,
  photo,
  post,
  stored,
} from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

describe.each(MODES)('multi-turn editing (%s)', (mode) => {
  const app = appFor(gemini, mode)
  const make = async (body: Record<string, unknown>, bytes = photo()) => {
    gemini.enqueue({ image: { data: bytes }, text: 'done' })
    const res = await post(app, 'generate', body)
    expect(res.status).toBe(200)
    return res.json()
  }

  test('an edit replays the image’s turn: prompt, the model’s image and its signature', async () => {
    const first = await make({ prompt: 'a red ball on a table' })
    const edited = await make(
      { prompt: 'make it warmer', sourceImageId: first.image.id },
      photo(64, 48, [230, 90, 20])
    )
    expect(edited).toMatchObject({ continued: true, sourceImageId: first.image.id })
    const contents = imageCalls(gemini)[1]!.body.contents
    expect(contents.map((c: { role: string }) => c.role)).toEqual(['user', 'model', 'user'])
    expect(contents[0].parts).toEqual([{ text: 'a red ball on a table' }])
    const turn = await readTurn(app.deps.store, first.image.id)
    const signed = contents[1].parts.find((p: { inlineData?: unknown }) => p.inlineData)
    expect(signed.inlineData).toEqual({ mimeType: 'image/png', data: base64(photo()) })
    expect(signed.thoughtSignature).toBeString()
    expect(signed.thoughtSignature).toBe(
      turn?.modelParts.find((p) => 'mediaId' in p)?.thoughtSignature
    )
    expect(contents[2].parts).toEqual([{ text: 'make it warmer' }])
  })

  test('the chain grows with each edit, up to the replay bound', async () => {
    let last = await make({ prompt: 'turn 0' })
    for (let i = 1; i <= MAX_REPLAYED_TURNS + 1; i++) {
      last = await make({ prompt: `turn ${i}`, sourceImageId: last.image.id }, photo(60 + i, 40))
    }
    const roles = imageCalls(gemini)
      .at(-1)!
      .body.contents.map((c: { role: string }) => c.role)
    expect(roles).toHaveLength(MAX_REPLAYED_TURNS * 2 + 1)
  })

  test('an image without a stored turn (an upload) is edited as an input image', async () => {
    const id = await stored(app, photo(30, 20))
    const edited = await make({ prompt: 'add a shadow', sourceImageId: id })
    expect(edited.continued).toBe(false)
    const req = imageCalls(gemini)[0]!
    expect(req.body.contents).toHaveLength(1)
    expect(lastUserParts(req)[0].inlineData.data).toBe(base64(photo(30, 20)))
  })

  test('another model starts afresh with the image as input (signatures are per model)', async () => {
    const first = await make({ prompt: 'a ball' })
    const edited = await make({
      prompt: 'sharper',
      sourceImageId: first.image.id,
      model: 'banana_pro',
    })
    expect(edited.continued).toBe(false)
    const req = imageCalls(gemini)[1]!
    expect(req.model).toBe(ROLES.imagePro.defaultId)
    expect(req.body.contents).toHaveLength(1)
    expect(JSON.stringify(req.body)).not.toContain('thoughtSignature')
  })

  test('an unknown source image is 404 and nothing is sent', async () => {
    const res = await post(app, 'generate', { prompt: 'x', sourceImageId: `${'b'.repeat(64)}.png` })
    expect(res.status).toBe(404)
    expect(gemini.requests).toHaveLength(0)
  })
})

describe('brand kit in generate', () => {
  const app = appFor(gemini, 'developer')

  test('colours and fonts go into the prompt and the answer says so', async () => {
    gemini.enqueue({ image: { data: photo() } })
    const body = await (
      await post(app, 'generate', { prompt: 'a poster', brand: { profile: brandProfile(KIT) } })
    ).json()
    expect(body.brandApplied).toEqual(['colors', 'fonts'])
    const text = gemini.last()!.promptText
    expect(text).toContain(kitSummary(KIT as never, { aspects: ['colors'] }))
    expect(text).toContain(kitSummary(KIT as never, { aspects: ['fonts'] }))
    expect(text).toContain(BRAND_USE.colors)
    expect(text).toContain('Northwind Coffee')
  })

  test('the logo goes in as the last reference image when asked', async () => {
    const logo = photo(16, 16, [31, 111, 92])
    const mediaId = await stored(app, logo)
    gemini.enqueue({ image: { data: photo() } })
    const kit = { ...KIT, logo: { mediaId, mimeType: 'image/png' } }
    const body = await (
      await post(app, 'generate', {
        prompt: 'a poster',
        images: [{ data: base64(photo(8, 8)) }],
        brand: { profile: brandProfile(kit), logo: true },
      })
    ).json()
    expect(body.brandApplied).toEqual(['colors', 'fonts', 'logo'])
    const parts = lastUserParts(gemini.last()!)
    expect(parts.filter((p) => p.inlineData).at(-1).inlineData.data).toBe(base64(logo))
    expect(gemini.last()!.promptText).toContain(BRAND_USE.logo)
  })

  test('an SVG logo cannot be read by the model: skipped, with the reason', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')
    const mediaId = await stored(app, svg, 'image/svg+xml')
    gemini.enqueue({ image: { data: photo() } })
    const kit = { ...KIT, logo: { mediaId, mimeType: 'image/svg+xml' } }
    const body = await (
      await post(app, 'generate', {
        prompt: 'x',
        brand: { profile: brandProfile(kit), logo: true },
      })
    ).json()
    expect(body.brandApplied).toEqual(['colors', 'fonts'])
    expect(body.brandSkipped).toEqual([
      { aspect: 'logo', code: 'logo_not_usable', reason: expect.stringContaining('PNG') },
    ])
  })

  test('a kit without colours or fonts applies nothing', async () => {
    gemini.enqueue({ image: { data: photo() } })
    const body = await (
      await post(app, 'generate', { prompt: 'x', brand: { profile: brandProfile(undefined) } })
    ).json()
    expect(body.brandApplied).toEqual([])
  })
})
