import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { startFakeGemini } from '../support/fake-gemini'
import { failure, gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const vertex = (env: Record<string, string> = {}) => gatewayFor(gemini, env, true)

describe('Vertex AI with Application Default Credentials', () => {
  test('exchanges the credentials file’s subject token at its token_url and sends the access token', async () => {
    gemini.enqueue({ text: 'from vertex' })
    expect((await vertex().text({ prompt: 'x' })).text).toBe('from vertex')
    const req = gemini.last()!
    expect(req.headers.authorization).toMatch(/^Bearer ya29\.fake-/)
    expect(req.headers['x-goog-api-key']).toBeUndefined()
  })

  test('Gemini 3 is called on the global location by default', async () => {
    gemini.enqueue({ text: 'ok' })
    await vertex().text({ prompt: 'x' })
    expect(gemini.last()!.path).toBe(
      `/v1beta1/projects/test-project/locations/global/publishers/google/models/${ROLES.text.defaultId}:generateContent`
    )
  })

  test('a regional location for Gemini 3 is refused by the service as it would be', async () => {
    const error = await failure(
      vertex({ GOOGLE_CLOUD_LOCATION: 'us-central1' }).text({ prompt: 'x' })
    )
    expect([error.status, error.code]).toEqual([502, 'upstream_not_found'])
  })

  test('media models resolve to the regional media location', () => {
    const ai = vertex({ VERTEX_MEDIA_LOCATION: 'europe-west4' })
    expect(ai.model('veo').spec.family).toBe('veo-3.1')
    expect(ai.model('upscale').spec.upscaleFactors).toEqual(['x2', 'x4'])
  })

  test('without a token the service answers 401, mapped to an auth failure', async () => {
    const unauthenticated = await fetch(
      `${gemini.url}/v1beta1/projects/p/locations/global/publishers/google/models/${ROLES.text.defaultId}:generateContent`,
      { method: 'POST', body: '{}' }
    )
    expect(unauthenticated.status).toBe(401)
  })
})
