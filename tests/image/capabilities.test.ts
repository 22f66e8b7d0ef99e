import { afterAll, describe, expect, test } from 'bun:test'
import { ROLES, specOf } from '../../server/ai/models'
import { buildTestApp } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const capabilities = async (app: { request: (p: string) => Response | Promise<Response> }) =>
  (await (await app.request('/api/capabilities')).json()).image

describe('GET /api/capabilities: the image operations of this backend', () => {
  test('Developer API: upscale re-renders with Nano Banana Pro, background removal keys a colour', async () => {
    expect(await capabilities(appFor(gemini, 'developer').app)).toEqual({
      models: {
        banana: { id: ROLES.image.defaultId, ...specOf(ROLES.image.defaultId).image },
        banana_pro: { id: ROLES.imagePro.defaultId, ...specOf(ROLES.imagePro.defaultId).image },
      },
      upscale: {
        method: 'rerender',
        model: ROLES.imagePro.defaultId,
        sizes: ['2K', '4K'],
        maxLongSide: 4096,
      },
      removeBackground: { method: 'chroma-key', model: ROLES.image.defaultId },
      inspiration: { model: ROLES.imageLite.defaultId },
    })
  })

  test('Vertex AI: Imagen upscale (x2, x4) and Imagen segmentation', async () => {
    const image = await capabilities(appFor(gemini, 'vertex').app)
    expect(image.upscale).toEqual({
      method: 'imagen',
      model: ROLES.upscale.defaultId,
      factors: [2, 4],
    })
    expect(image.removeBackground).toEqual({
      method: 'segmentation',
      model: ROLES.segment.defaultId,
    })
  })

  test('without AI there are no image operations', async () => {
    expect(await capabilities(buildTestApp().app)).toBeNull()
  })

  test('an overridden model shows with its own ratios', async () => {
    const image = await capabilities(
      appFor(gemini, 'developer', { GEMINI_MODEL_IMAGE: 'gemini-3.1-flash-lite-image' }).app
    )
    expect(image.models.banana).toEqual({
      id: 'gemini-3.1-flash-lite-image',
      ...specOf('gemini-3.1-flash-lite-image').image,
    })
  })
})
