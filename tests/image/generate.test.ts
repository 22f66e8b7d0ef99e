import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { GENERATE_BODY_LIMIT } from '../../server/features/image/routes'
import { MAX_INPUT_IMAGE_BYTES } from '../../server/features/image/schemas'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor, base64, imageCalls, lastUserParts, MODES, photo, post, stored } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

describe.each(MODES)('POST /api/image/generate (%s)', (mode) => {
  const app = appFor(gemini, mode)

  test('asks the image model for TEXT and IMAGE with the ratio and size, on the mode’s path', async () => {
    gemini.enqueue({ image: { data: photo() } })
    const res = await post(app, 'generate', {
      prompt: 'a red ball',
      aspectRatio: '16:9',
      imageSize: '2K',
    })
    expect(res.status).toBe(200)
    const req = imageCalls(gemini)[0]!
    expect(req.model).toBe(ROLES.image.defaultId)
    expect(req.backend).toBe(mode)
    if (mode === 'vertex') expect(req.location).toBe('global')
    expect(req.body.generationConfig).toMatchObject({
      responseModalities: ['TEXT', 'IMAGE'],
      imageConfig: { aspectRatio: '16:9', imageSize: '2K' },
    })
    expect(lastUserParts(req)).toEqual([{ text: 'a red ball' }])
  })

  test('stores the image and answers its id, URL, real type and measured size', async () => {
    const png = photo(64, 48)
    gemini.enqueue({ image: { data: png }, text: 'Here you go' })
    const body = await (await post(app, 'generate', { prompt: 'a red ball' })).json()
    expect(body.image).toMatchObject({
      mimeType: 'image/png',
      width: 64,
      height: 48,
      size: png.byteLength,
    })
    expect(body.image.url).toBe(`/media/${body.image.id}`)
    expect(body).toMatchObject({
      model: ROLES.image.defaultId,
      text: 'Here you go',
      continued: false,
    })
    const media = await app.app.request(body.image.url)
    expect(new Uint8Array(await media.arrayBuffer())).toEqual(png)
  })

  test('a JPEG answer is stored and reported as JPEG', async () => {
    const { Jimp } = await import('jimp')
    const jpeg = new Uint8Array(
      await new Jimp({ width: 20, height: 10, color: 0x336699ff }).getBuffer('image/jpeg')
    )
    gemini.enqueue({ image: { data: jpeg, mimeType: 'image/jpeg' } })
    const body = await (await post(app, 'generate', { prompt: 'blue' })).json()
    expect(body.image).toMatchObject({ mimeType: 'image/jpeg', width: 20, height: 10 })
    expect(body.image.id).toEndWith('.jpg')
  })

  test('banana_pro runs on Nano Banana Pro', async () => {
    gemini.enqueue({ image: { data: photo() } })
    await post(app, 'generate', { prompt: 'x', model: 'banana_pro', imageSize: '4K' })
    expect(gemini.last()?.model).toBe(ROLES.imagePro.defaultId)
  })

  test('input images (base64 and media ids) go before the prompt with their real types', async () => {
    const { Jimp } = await import('jimp')
    const jpeg = new Uint8Array(
      await new Jimp({ width: 8, height: 8, color: 0xff0000ff }).getBuffer('image/jpeg')
    )
    const id = await stored(app, jpeg, 'image/jpeg')
    gemini.enqueue({ image: { data: photo() } })
    const res = await post(app, 'generate', {
      prompt: 'combine them',
      // The declared type is wrong: the bytes decide.
      images: [{ data: base64(photo(10, 10)), mimeType: 'image/jpeg' }, { mediaId: id }],
    })
    expect(res.status).toBe(200)
    const parts = lastUserParts(gemini.last()!)
    expect(parts.map((p) => p.inlineData?.mimeType ?? 'text')).toEqual([
      'image/png',
      'image/jpeg',
      'text',
    ])
    expect(parts[1].inlineData.data).toBe(base64(jpeg))
  })
})

describe('generate refuses what it cannot do, before any model call', () => {
  const app = appFor(gemini, 'developer')
  const refused = async (body: unknown, status: number) => {
    const res = await post(app, 'generate', body)
    expect(res.status).toBe(status)
    expect(gemini.requests).toHaveLength(0)
    return (await res.json()).error
  }

  test('a ratio outside the model’s set is 400 naming the set', async () => {
    const error = await refused({ prompt: 'x', aspectRatio: '7:3' }, 400)
    expect(error.details.issues[0].field).toBe('aspectRatio')
    expect(error.details.issues[0].message).toContain('16:9')
  })

  test('a ratio one model takes and the other does not', async () => {
    const error = await refused({ prompt: 'x', aspectRatio: '1:8', model: 'banana_pro' }, 400)
    expect(error.details.issues[0].message).toContain(ROLES.imagePro.defaultId)
  })

  test('a size the model does not offer is 400', async () => {
    const error = await refused({ prompt: 'x', imageSize: '512', model: 'banana_pro' }, 400)
    expect(error.details.issues[0]).toEqual({
      field: 'imageSize',
      message: `Must be one of 1K, 2K, 4K for ${ROLES.imagePro.defaultId}`,
    })
  })

  test('an unknown model level is 400', async () => {
    await refused({ prompt: 'x', model: 'banana_ultra' }, 400)
  })

  test('a GIF is 415 naming the field and the accepted types', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
    const error = await refused(
      { prompt: 'x', images: [{ data: gif.toString('base64'), mimeType: 'image/gif' }] },
      415
    )
    expect(error).toMatchObject({ code: 'unsupported_image_type', details: { field: 'images.0' } })
    expect(error.details.accepted).toEqual(['image/png', 'image/jpeg', 'image/webp'])
  })

  test('text that is not base64 is 415', async () => {
    await refused(
      { prompt: 'x', images: [{ data: 'not base64 at all!', mimeType: 'image/png' }] },
      415
    )
  })

  test('an image over 10 MB is 413 naming the field', async () => {
    const big = Buffer.alloc(MAX_INPUT_IMAGE_BYTES + 1, 1)
    big.set(photo(4, 4))
    const error = await refused({ prompt: 'x', images: [{ data: big.toString('base64') }] }, 413)
    expect(error).toMatchObject({
      code: 'image_too_large',
      details: { field: 'images.0', maxBytes: MAX_INPUT_IMAGE_BYTES },
    })
  })

  test('more than three images is 400', async () => {
    const image = { data: base64(photo(4, 4)) }
    await refused({ prompt: 'x', images: [image, image, image, image] }, 400)
  })

  test('a body over the route’s bound is 413', async () => {
    const res = await app.app.request('/api/image/generate', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(GENERATE_BODY_LIMIT + 1),
      },
      body: JSON.stringify({ prompt: 'x', padding: 'a'.repeat(GENERATE_BODY_LIMIT) }),
    })
    expect(res.status).toBe(413)
  })

  test('an unknown media id is 404', async () => {
    await refused({ prompt: 'x', images: [{ mediaId: `${'a'.repeat(64)}.png` }] }, 404)
  })

  test('a body above the API default (1 MB) is accepted here: three images fit', async () => {
    gemini.enqueue({ image: { data: photo() } })
    const padded = Buffer.alloc(2 * 1024 * 1024, 1)
    padded.set(photo(4, 4))
    const res = await post(app, 'generate', {
      prompt: 'x',
      images: [{ data: padded.toString('base64') }],
    })
    expect(res.status).toBe(200)
  })
})

describe('generate: empty, blocked and failed answers are errors naming the reason', () => {
  const app = appFor(gemini, 'developer')
  const error = async () => {
    const res = await post(app, 'generate', { prompt: 'x' })
    return { status: res.status, ...(await res.json()).error }
  }

  test('a blocked prompt', async () => {
    gemini.enqueue({ promptBlocked: 'SAFETY' })
    expect(await error()).toMatchObject({
      status: 502,
      code: 'ai_blocked',
      details: { reason: 'SAFETY' },
    })
  })

  test('an image the service withheld', async () => {
    gemini.enqueue({ finishReason: 'IMAGE_SAFETY' })
    expect(await error()).toMatchObject({
      status: 502,
      code: 'ai_blocked',
      details: { reason: 'IMAGE_SAFETY' },
    })
  })

  test('text and no image', async () => {
    gemini.enqueue({ text: 'I would rather describe it.' })
    expect(await error()).toMatchObject({
      status: 502,
      code: 'ai_no_image',
      details: { reason: 'STOP' },
    })
  })

  test('no candidates at all', async () => {
    gemini.enqueue({ noCandidates: true })
    expect(await error()).toMatchObject({ status: 502, code: 'ai_no_image' })
  })

  test('a service that keeps failing is 502 after the retries', async () => {
    gemini.enqueue({ status: 500 }, { status: 500 }, { status: 500 })
    expect(await error()).toMatchObject({ status: 502, code: 'upstream_error' })
    expect(imageCalls(gemini)).toHaveLength(3)
  })

  test('a quota error is 429 with Retry-After', async () => {
    gemini.setHandler(() => ({ status: 429, retryAfter: 7 }))
    const res = await post(app, 'generate', { prompt: 'x' })
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('7')
  })
})
