import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { RERENDER_PROMPT } from '../../server/features/image/upscale'
import { decodeImage } from '../../server/media/pixels'
import { png as pngHeader } from '../storage/image-fixtures'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor, base64, imageCalls, lastUserParts, photo, post, stored } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

describe('upscale on Vertex AI: the Imagen upscaler', () => {
  const app = appFor(gemini, 'vertex')

  test('sends the stored image and the factor to Imagen and stores the enlarged image', async () => {
    const source = photo(40, 30)
    const id = await stored(app, source)
    gemini.enqueue({ imagen: true })
    const res = await post(app, 'upscale', { image: { mediaId: id }, factor: 4 })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({
      method: 'imagen',
      model: ROLES.upscale.defaultId,
      factor: 4,
      source: { width: 40, height: 30 },
      scale: 4,
      image: { mimeType: 'image/png', width: 160, height: 120 },
    })
    const req = gemini.last()!
    expect([req.action, req.location]).toEqual(['predict', 'us-central1'])
    expect(req.body.instances[0].image.bytesBase64Encoded).toBe(base64(source))
    expect(req.body.parameters.upscaleConfig.upscaleFactor).toBe('x4')
    // The enlarged image keeps the content: the centre is still the red subject.
    const stored4x = await decodeImage(
      new Uint8Array(await (await app.app.request(body.image.url)).arrayBuffer()),
      'image/png'
    )
    expect([...stored4x.data.subarray((60 * 160 + 80) * 4, (60 * 160 + 80) * 4 + 3)]).toEqual([
      220, 30, 40,
    ])
  })

  test('a factor Imagen does not offer is 400 naming the ones it does; nothing is sent', async () => {
    const res = await post(app, 'upscale', { image: { data: base64(photo(8, 8)) }, factor: 3 })
    expect(res.status).toBe(400)
    const issue = (await res.json()).error.details.issues[0]
    expect(issue).toEqual({
      field: 'factor',
      message: `Must be one of 2, 4 on Vertex AI (${ROLES.upscale.defaultId})`,
    })
    expect(gemini.requests).toHaveLength(0)
  })

  test('a filtered answer is 502 naming the reason', async () => {
    gemini.enqueue({ raw: { predictions: [{ raiFilteredReason: 'Unsafe content' }] } })
    const res = await post(app, 'upscale', { image: { data: base64(photo(8, 8)) } })
    expect(res.status).toBe(502)
    expect((await res.json()).error).toMatchObject({
      code: 'ai_blocked',
      details: { reason: 'Unsafe content' },
    })
  })

  test('an upstream fault is a 502 after the retries', async () => {
    gemini.enqueue({ status: 503 }, { status: 503 }, { status: 503 })
    const res = await post(app, 'upscale', { image: { data: base64(photo(8, 8)) } })
    expect(res.status).toBe(502)
    expect(gemini.calls('predict')).toHaveLength(3)
  })

  test('a GIF is 415', async () => {
    const gif = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'
    const res = await post(app, 'upscale', { image: { data: gif, mimeType: 'image/gif' } })
    expect(res.status).toBe(415)
  })
})

describe('upscale on the Developer API: Nano Banana Pro re-renders the source', () => {
  const app = appFor(gemini, 'developer')

  test('the source image at the smallest size that reaches the factor, with its own ratio', async () => {
    const source = photo(1000, 750)
    gemini.enqueue({ image: { data: photo(2000, 1500) } })
    const res = await post(app, 'upscale', { image: { data: base64(source) }, factor: 2 })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      method: 'rerender',
      model: ROLES.imagePro.defaultId,
      source: { width: 1000, height: 750 },
      scale: 2,
      image: { width: 2000, height: 1500 },
    })
    const req = imageCalls(gemini)[0]!
    expect(req.model).toBe(ROLES.imagePro.defaultId)
    expect(req.body.generationConfig.imageConfig).toEqual({ aspectRatio: '4:3', imageSize: '2K' })
    // Never a regeneration from a prompt: the source goes in, with the instruction to change nothing.
    expect(lastUserParts(req)).toEqual([
      { inlineData: { mimeType: 'image/png', data: base64(source) } },
      { text: RERENDER_PROMPT },
    ])
  })

  test('a factor that needs more than 4K is 400 naming the factors this image can take', async () => {
    const res = await post(app, 'upscale', {
      image: { data: base64(pngHeader(1000, 800)) },
      factor: 5,
    })
    expect(res.status).toBe(400)
    const { message } = (await res.json()).error.details.issues[0]
    expect(message).toContain('Must be one of 2, 3, 4 for this image')
    expect(gemini.requests).toHaveLength(0)
  })

  test('an image already over half of 4K cannot be enlarged here: 400 pointing to Vertex AI', async () => {
    const res = await post(app, 'upscale', { image: { data: base64(pngHeader(3000, 2000)) } })
    expect(res.status).toBe(400)
    expect((await res.json()).error.details.issues[0].message).toContain('use Vertex AI')
  })

  test('a 4x request on a small image asks for 4K', async () => {
    gemini.enqueue({ image: { data: photo(40, 40) } })
    await post(app, 'upscale', { image: { data: base64(pngHeader(900, 900)) }, factor: 4 })
    expect(gemini.last()!.body.generationConfig.imageConfig).toEqual({
      aspectRatio: '1:1',
      imageSize: '4K',
    })
  })

  test('an answer without an image is an error naming the reason', async () => {
    gemini.enqueue({ finishReason: 'IMAGE_SAFETY' })
    const res = await post(app, 'upscale', { image: { data: base64(photo(20, 20)) } })
    expect(res.status).toBe(502)
    expect((await res.json()).error.details.reason).toBe('IMAGE_SAFETY')
  })
})
