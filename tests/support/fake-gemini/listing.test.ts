import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { GoogleGenAI } from '@google/genai'
import { descriptionsDir, haveDescriptions, upToDate } from '../../../scripts/extract-google-api'
import { startFakeGemini } from '.'
import { loadRequestFieldCheck } from './request-fields'

// The fake's model lists and request checks, driven by the real SDK or raw HTTP (no gateway).
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const dev = () =>
  new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url, apiVersion: 'v1beta' } })
const express = () =>
  new GoogleGenAI({ vertexai: true, apiKey: 'k', httpOptions: { baseUrl: gemini.url } })
const get = (path: string) =>
  fetch(`${gemini.url}${path}`, { headers: { 'x-goog-api-key': 'k' } }).then((r) => r.json())
const post = (path: string, body: unknown) =>
  fetch(`${gemini.url}${path}`, {
    method: 'POST',
    headers: { 'x-goog-api-key': 'k', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const allIds = async (ai: GoogleGenAI, pageSize?: number) => {
  const ids: string[] = []
  for await (const model of await ai.models.list({ config: pageSize ? { pageSize } : {} })) {
    ids.push(model.name ?? '')
  }
  return ids
}

describe('the model lists, in Google’s shapes', () => {
  test('Developer API: models/ID entries with Google’s fields; Omni, Veo and Imagen not in it', async () => {
    const body = await get('/v1beta/models?pageSize=2')
    expect(body.models).toHaveLength(2)
    expect(body.nextPageToken).toBeTruthy()
    expect(body.models[0]).toMatchObject({
      name: 'models/gemini-3.8-flash',
      baseModelId: 'gemini-3.8-flash',
      supportedGenerationMethods: expect.arrayContaining(['generateContent']),
      thinking: true,
    })
    expect(loadRequestFieldCheck().listAnswer('developer', body)).toEqual([])
    const ids = await allIds(dev(), 3)
    expect(ids).toContain('models/gemini-3.5-flash-lite')
    expect(ids.some((id) => /omni|veo|imagen|segmentation/.test(id))).toBe(false)
    expect(gemini.listRequests.length).toBeGreaterThan(3)
  })

  test('Vertex AI: publishers/google/models/ID entries with a launch stage, media models included', async () => {
    const body = await get('/v1beta1/publishers/google/models')
    expect(
      body.publisherModels.find((m: any) => m.name.endsWith('/imagen-4.0-upscale-preview'))
    ).toMatchObject({ versionId: '001', launchStage: 'PUBLIC_PREVIEW' })
    expect(loadRequestFieldCheck().listAnswer('vertex', body)).toEqual([])
    const ids = await allIds(express())
    expect(ids).toContain('publishers/google/models/veo-3.1-generate-001')
    expect(ids).toContain('publishers/google/models/gemini-omni-1.1-flash')
  })

  test('a model retired while running leaves both lists and answers 404', async () => {
    gemini.models.retire('gemini-3.8-flash')
    expect(await allIds(dev())).not.toContain('models/gemini-3.8-flash')
    expect(await allIds(express())).not.toContain('publishers/google/models/gemini-3.8-flash')
    const res = await post('/v1beta/models/gemini-3.8-flash:generateContent', {
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    })
    expect(res.status).toBe(404)
    expect((await res.json()).error.message).toContain('models/gemini-3.8-flash is not found')
  })

  test('faults: a failing list, and a page token the service did not issue', async () => {
    gemini.models.failLists({ status: 403, message: 'Permission denied.' })
    const refused = await fetch(`${gemini.url}/v1beta/models`, {
      headers: { 'x-goog-api-key': 'k' },
    })
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.status).toBe('PERMISSION_DENIED')
    gemini.models.failLists(undefined)
    expect((await get('/v1beta/models?pageToken=bogus')).error.code).toBe(400)
  })
})

describe('fields Google’s descriptions do not know', () => {
  const contents = [{ role: 'user', parts: [{ text: 'hi' }] }]

  test('are refused with Google’s message, at their path', async () => {
    const res = await post('/v1beta/models/gemini-3.8-flash:generateContent', {
      contents: [{ role: 'user', parts: [{ text: 'hi', colour: 'red' }] }],
      generationConfig: { temprature: 0.5 },
      bogus: true,
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.status).toBe('INVALID_ARGUMENT')
    expect(error.message.split('\n')).toEqual([
      'Invalid JSON payload received. Unknown name "colour" at \'contents[0].parts[0]\': Cannot find field.',
      'Invalid JSON payload received. Unknown name "temprature" at \'generation_config\': Cannot find field.',
      'Invalid JSON payload received. Unknown name "bogus": Cannot find field.',
    ])
    expect(gemini.calls('generateContent')).toHaveLength(1)
  })

  test('on Vertex AI too, from its own description', async () => {
    const res = await post('/v1beta1/publishers/google/models/gemini-3.8-flash:generateContent', {
      contents,
      generationConfig: { thinkingConfig: { thinkingLevel: 'LOW', effort: 1 } },
    })
    expect((await res.json()).error.message).toBe(
      'Invalid JSON payload received. Unknown name "effort" at \'generation_config.thinking_config\': Cannot find field.'
    )
  })

  test('lowerCamel and snake_case are both accepted; free-form JSON Schemas are not walked', async () => {
    gemini.enqueue({ text: 'a' }, { text: 'b' })
    const snake = await post('/v1beta/models/gemini-3.8-flash:generateContent', {
      contents,
      generation_config: { max_output_tokens: 10, response_json_schema: { anything: 1 } },
    })
    expect(snake.status).toBe(200)
    const camel = await post('/v1beta/models/gemini-3.8-flash:generateContent', {
      contents,
      generationConfig: { maxOutputTokens: 10, responseJsonSchema: { anything: 1 } },
    })
    expect(camel.status).toBe(200)
  })

  test.skipIf(!haveDescriptions(descriptionsDir()))(
    'the fake’s extract of the descriptions is exactly what they hold now',
    () => {
      expect(upToDate(descriptionsDir())).toBe(true)
    }
  )
})

describe('thinking levels, refused in each backend’s words', () => {
  const body = (level: string) => ({
    contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    generationConfig: { thinkingConfig: { thinkingLevel: level } },
  })

  test('Developer API lists the allowed values', async () => {
    const res = await post('/v1beta/models/gemini-3.8-flash:generateContent', body('MINIMAL'))
    expect((await res.json()).error.message).toBe(
      "'minimal' is not a supported thinking level for this model. Allowed values are: medium, low, high."
    )
    const image = await post('/v1beta/models/gemini-3.1-flash-image:generateContent', body('LOW'))
    expect((await image.json()).error.message).toBe(
      "'low' is not a supported thinking level for this model. Allowed values are: minimal, high."
    )
  })

  test('Vertex AI names the enum value', async () => {
    const res = await post(
      '/v1beta1/publishers/google/models/gemini-3.8-flash:generateContent',
      body('MINIMAL')
    )
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('THINKING_LEVEL_MINIMAL is unsupported')
  })

  test('Flash-Lite takes all four', async () => {
    for (const level of ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH']) {
      gemini.enqueue({ text: 'ok' })
      const res = await post('/v1beta/models/gemini-3.5-flash-lite:generateContent', body(level))
      expect(res.status).toBe(200)
    }
  })
})
