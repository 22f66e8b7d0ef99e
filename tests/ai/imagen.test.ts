import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { GoogleGenAI } from '@google/genai'
import { VERTEX_ONLY_HINT } from '../../server/ai/gemini/vertex-only'
import { ROLES } from '../../server/ai/models'
import { decodeImage } from '../../server/media/pixels'
import { startFakeGemini } from '../support/fake-gemini'
import { DEFAULT_BINARY_THRESHOLD, MAX_INPUT_BYTES } from '../support/fake-gemini/predict'
import { discPng } from '../support/synthetic-images'
import { writeVertexCredentials } from '../support/vertex-credentials'
import { failure, gatewayFor } from './support'

// Imagen upscale and segmentation through the gateway: Vertex AI `:predict` on the regional
// location with real ADC; refused before any request on the Developer API.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const vertex = () => gatewayFor(gemini, { VERTEX_MEDIA_LOCATION: 'europe-west4' }, true)
const developer = () => gatewayFor(gemini)
const source = discPng({
  width: 24,
  height: 16,
  subject: [220, 30, 40],
  background: [255, 255, 255],
})
const image = { data: Buffer.from(source).toString('base64'), mimeType: 'image/png' }

describe('upscale', () => {
  test('sends one image, the factor and mode "upscale" to the regional :predict', async () => {
    gemini.enqueue({ imagen: true })
    await vertex().upscale({ image, factor: 'x4' })
    const req = gemini.last()!
    expect(req.path).toBe(
      `/v1beta1/projects/test-project/locations/europe-west4/publishers/google/models/${ROLES.upscale.defaultId}:predict`
    )
    expect(req.headers.authorization).toMatch(/^Bearer ya29\.fake-/)
    expect(req.body.instances).toEqual([
      { image: { bytesBase64Encoded: image.data, mimeType: 'image/png' } },
    ])
    expect(req.body.parameters).toMatchObject({
      upscaleConfig: { upscaleFactor: 'x4' },
      mode: 'upscale',
      sampleCount: 1,
    })
  })

  test('returns the enlarged image with its real type and size', async () => {
    gemini.enqueue({ imagen: true })
    const result = await vertex().upscale({ image, factor: 'x2' })
    expect(result.mimeType).toBe('image/png')
    const decoded = await decodeImage(result.bytes, result.mimeType)
    expect([decoded.width, decoded.height]).toEqual([48, 32])
  })

  test('on the Developer API it is a 501 naming the configuration that can, and nothing is sent', async () => {
    const error = await failure(developer().upscale({ image, factor: 'x2' }))
    expect([error.status, error.code]).toEqual([501, 'not_available'])
    expect(error.message).toContain(VERTEX_ONLY_HINT)
    expect(gemini.requests).toHaveLength(0)
  })

  test('a filtered answer is ai_blocked with the reason', async () => {
    gemini.enqueue({ raw: { predictions: [{ raiFilteredReason: 'IMAGE_SAFETY' }] } })
    const error = await failure(vertex().upscale({ image, factor: 'x2' }))
    expect([error.status, error.code, error.details]).toEqual([
      502,
      'ai_blocked',
      { reason: 'IMAGE_SAFETY' },
    ])
  })

  test('an answer without predictions is ai_no_image, never an empty success', async () => {
    gemini.enqueue({ raw: {} })
    const error = await failure(vertex().upscale({ image, factor: 'x2' }))
    expect(error.code).toBe('ai_no_image')
  })

  test('a 429 is retried, then the image comes', async () => {
    gemini.enqueue({ status: 429, retryAfter: 0 }, { imagen: true })
    await vertex().upscale({ image, factor: 'x2' })
    expect(gemini.calls('predict')).toHaveLength(2)
  })
})

describe('segment', () => {
  test('sends the image and the mode; soft masks turn the binary threshold off', async () => {
    gemini.enqueue({ imagen: true })
    await vertex().segment({ image, mode: 'foreground', soft: true })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.segment.defaultId)
    expect(req.location).toBe('europe-west4')
    expect(req.body.instances[0].image.bytesBase64Encoded).toBe(image.data)
    expect(req.body.parameters).toMatchObject({ mode: 'foreground', binaryColorThreshold: -1 })
  })

  test('a soft mask: white on the subject, black in the corners, grey on the edge', async () => {
    gemini.enqueue({ imagen: true })
    const { masks } = await vertex().segment({ image, mode: 'foreground', soft: true })
    expect(masks[0]?.labels).toEqual([{ label: 'foreground', score: 0.97 }])
    const mask = await decodeImage(masks[0]!.bytes, masks[0]!.mimeType)
    const at = (x: number, y: number) => mask.data[(y * mask.width + x) * 4] ?? -1
    expect([at(0, 0), at(12, 8)]).toEqual([0, 255])
    const values = new Set(
      Array.from({ length: mask.width * mask.height }, (_, p) => mask.data[p * 4])
    )
    expect([...values].some((v) => v !== undefined && v > 0 && v < 255)).toBe(true)
  })

  test('without soft, the service’s binary threshold leaves only black and white', async () => {
    gemini.enqueue({ imagen: true })
    const { masks } = await vertex().segment({ image, mode: 'foreground' })
    const mask = await decodeImage(masks[0]!.bytes, masks[0]!.mimeType)
    const values = new Set(
      Array.from({ length: mask.width * mask.height }, (_, p) => mask.data[p * 4])
    )
    expect([...values].sort()).toEqual([0, 255])
    expect(DEFAULT_BINARY_THRESHOLD).toBeGreaterThan(0)
  })

  test('on the Developer API it is a 501 and nothing is sent', async () => {
    const error = await failure(developer().segment({ image, mode: 'foreground' }))
    expect(error.status).toBe(501)
    expect(gemini.requests).toHaveLength(0)
  })
})

describe('the fake refuses what Vertex AI refuses on :predict', () => {
  const sdk = () =>
    new GoogleGenAI({
      vertexai: true,
      project: 'test-project',
      location: 'us-central1',
      googleAuthOptions: writeVertexCredentials(gemini).googleAuthOptions,
      httpOptions: { baseUrl: gemini.url },
    })
  const imageBytes = { imageBytes: image.data, mimeType: 'image/png' }
  const refusal = async (call: Promise<unknown>) => {
    const error = (await call.then(
      () => undefined,
      (e) => e
    )) as { message: string } | undefined
    if (!error) throw new Error('expected a refusal')
    return JSON.parse(error.message).error as { code: number; message: string }
  }

  test('an upscale factor other than x2 or x4', async () => {
    gemini.enqueue({ imagen: true })
    const error = await refusal(
      sdk().models.upscaleImage({
        model: ROLES.upscale.defaultId,
        image: imageBytes,
        upscaleFactor: 'x3',
      })
    )
    expect(error.code).toBe(400)
    expect(error.message).toContain('x2, x4')
  })

  test('an input image over 10 MB', async () => {
    gemini.enqueue({ imagen: true })
    const big = Buffer.alloc(MAX_INPUT_BYTES + 1).toString('base64')
    const error = await refusal(
      sdk().models.upscaleImage({
        model: ROLES.upscale.defaultId,
        image: { imageBytes: big, mimeType: 'image/png' },
        upscaleFactor: 'x2',
      })
    )
    expect([error.code, error.message]).toEqual([400, expect.stringContaining('too large')])
  })

  test('a segmentation mode the segmenter does not know, or a prompt mode without a prompt', async () => {
    gemini.enqueue({ imagen: true }, { imagen: true })
    const unknown = await refusal(
      sdk().models.segmentImage({
        model: ROLES.segment.defaultId,
        source: { image: imageBytes },
        config: { mode: 'everything' as never },
      })
    )
    expect(unknown.code).toBe(400)
    const noPrompt = await refusal(
      sdk().models.segmentImage({
        model: ROLES.segment.defaultId,
        source: { image: imageBytes },
        config: { mode: 'prompt' as never },
      })
    )
    expect(noPrompt.message).toContain('prompt is required')
  })

  test('Imagen on the global location is 404, as on Vertex AI', async () => {
    const global = new GoogleGenAI({
      vertexai: true,
      project: 'test-project',
      location: 'global',
      googleAuthOptions: writeVertexCredentials(gemini).googleAuthOptions,
      httpOptions: { baseUrl: gemini.url },
    })
    const error = await refusal(
      global.models.upscaleImage({
        model: ROLES.upscale.defaultId,
        image: imageBytes,
        upscaleFactor: 'x2',
      })
    )
    expect(error.code).toBe(404)
  })
})
