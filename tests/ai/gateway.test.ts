import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { createAiGateway } from '../../server/ai/gateway'
import type { AiGateway } from '../../server/ai/types'
import { AppError } from '../../server/core/errors'
import { createLogger } from '../../server/core/logger'
import { TEST_API_KEY, testConfig } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const logLines: string[] = []
const log = createLogger({ level: 'debug', write: (l) => logLines.push(l) })

function gateway(env: Record<string, string> = {}, vertex = false): AiGateway {
  const config = testConfig({ geminiUrl: gemini.url, vertex, env })
  return createAiGateway({
    ai: config.ai,
    log,
    retry: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 3_000 },
    sdk: vertex
      ? {
          googleAuthOptions: {
            authClient: {
              getRequestHeaders: async () => new Headers({ authorization: 'Bearer fake-token' }),
            } as never,
          },
        }
      : undefined,
  })
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to fail')
}

const Title = v.object({ title: v.pipe(v.string(), v.minLength(1)), score: v.number() })

describe('Developer API requests', () => {
  test('text sends the configured model, system instruction and key header to v1beta', async () => {
    gemini.enqueue({ text: 'Hello there' })
    const result = await gateway().text({ prompt: 'Say hi', system: 'Be brief', temperature: 0.2 })
    expect(result.text).toBe('Hello there')
    const req = gemini.last()!
    expect(req.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
    expect(req.headers['x-goog-api-key']).toBe(TEST_API_KEY)
    expect(req.query.get('key')).toBeNull()
    expect(req.body.systemInstruction.parts[0].text).toBe('Be brief')
    expect(req.body.contents).toEqual([{ role: 'user', parts: [{ text: 'Say hi' }] }])
    expect(req.body.generationConfig.temperature).toBe(0.2)
  })

  test('model roles map to the configured ids', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway({ GEMINI_MODEL_PRO: 'gemini-custom-pro' }).text({ prompt: 'x', model: 'pro' })
    expect(gemini.last()!.model).toBe('gemini-custom-pro')
  })

  test('history keeps roles and alternates turns', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway().text({
      prompt: 'third',
      history: [
        { role: 'model', text: 'welcome' },
        { role: 'user', text: 'first' },
        { role: 'user', text: 'second' },
        { role: 'model', text: 'reply' },
      ],
    })
    const roles = gemini.last()!.body.contents.map((c: { role: string }) => c.role)
    expect(roles).toEqual(['user', 'model', 'user', 'model', 'user'])
  })

  test('grounded text sends the Google Search tool and returns its sources', async () => {
    gemini.enqueue({
      text: 'Findings',
      sources: [
        { title: 'Example', url: 'https://example.com/a' },
        { title: 'Other', url: 'https://other.example/b' },
      ],
      queries: ['best shoes 2026'],
    })
    const result = await gateway().text({ prompt: 'Research shoes', grounded: true })
    expect(gemini.last()!.body.tools).toEqual([{ googleSearch: {} }])
    expect(result.sources).toEqual([
      { title: 'Example', url: 'https://example.com/a' },
      { title: 'Other', url: 'https://other.example/b' },
    ])
    expect(result.searchQueries).toEqual(['best shoes 2026'])
  })
})

describe('JSON mode', () => {
  test('sends a response schema and returns validated data', async () => {
    gemini.enqueue({ json: { title: 'A', score: 3 } })
    const { data } = await gateway().json({ prompt: 'Rate', schema: Title })
    expect(data).toEqual({ title: 'A', score: 3 })
    const config = gemini.last()!.body.generationConfig
    expect(config.responseMimeType).toBe('application/json')
    expect(config.responseJsonSchema.properties.title.type).toBe('string')
    expect(config.responseJsonSchema.required).toEqual(['title', 'score'])
    expect(config.responseJsonSchema.$schema).toBeUndefined()
  })

  test('re-asks once when the answer does not match the schema', async () => {
    gemini.enqueue({ json: { title: '', score: 'high' } }, { json: { title: 'B', score: 1 } })
    const { data } = await gateway().json({ prompt: 'Rate', schema: Title })
    expect(data.title).toBe('B')
    expect(gemini.calls('generateContent')).toHaveLength(2)
  })

  test('invalid JSON twice is a 502, never invented data', async () => {
    gemini.enqueue({ text: 'not json at all' }, { text: '{"title": ' })
    const error = await failure(gateway().json({ prompt: 'Rate', schema: Title }))
    expect(error.status).toBe(502)
    expect(error.code).toBe('ai_invalid_output')
  })

  test('grounded JSON researches with search first, then structures with the schema', async () => {
    gemini.enqueue(
      { text: 'Notes: A scores 3', sources: [{ title: 'Src', url: 'https://src.example/x' }] },
      { json: { title: 'A', score: 3 } }
    )
    const result = await gateway().json({ prompt: 'Rate A', schema: Title, grounded: true })
    const [research, structure] = gemini.calls('generateContent')
    expect(research!.body.tools).toEqual([{ googleSearch: {} }])
    expect(research!.body.generationConfig?.responseMimeType).toBeUndefined()
    expect(structure!.body.tools).toBeUndefined()
    expect(structure!.promptText).toContain('Notes: A scores 3')
    expect(result.sources).toEqual([{ title: 'Src', url: 'https://src.example/x' }])
  })
})

describe('function calling', () => {
  const Route = v.object({ intent: v.picklist(['SEO', 'IMAGE', 'OTHER']), query: v.string() })
  const fns = [{ name: 'route_request', description: 'Route it', parameters: Route }]

  test('returns the model call with validated arguments', async () => {
    gemini.enqueue({
      functionCall: { name: 'route_request', args: { intent: 'SEO', query: 'nike.com' } },
    })
    const result = await gateway().callFunction({
      prompt: 'audit nike.com',
      functions: fns,
      mode: 'any',
    })
    expect(result.call).toEqual({
      name: 'route_request',
      args: { intent: 'SEO', query: 'nike.com' },
    })
    const body = gemini.last()!.body
    expect(body.tools[0].functionDeclarations[0].name).toBe('route_request')
    expect(
      body.tools[0].functionDeclarations[0].parametersJsonSchema.properties.intent.enum
    ).toEqual(['SEO', 'IMAGE', 'OTHER'])
    expect(body.toolConfig.functionCallingConfig.mode).toBe('ANY')
  })

  test('a text answer in auto mode is returned as text', async () => {
    gemini.enqueue({ text: 'Just an answer' })
    const result = await gateway().callFunction({ prompt: 'hi', functions: fns })
    expect(result).toEqual({ text: 'Just an answer' })
  })

  test('a blocked or empty answer is reported as such, not as a bad format', async () => {
    gemini.enqueue({ finishReason: 'SAFETY' })
    const blocked = await failure(
      gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    )
    expect(blocked.code).toBe('ai_blocked')
    gemini.enqueue({ noCandidates: true })
    const empty = await failure(
      gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    )
    expect(empty.code).toBe('ai_empty')
    expect(gemini.calls()).toHaveLength(2)
  })

  test('invalid arguments are re-asked once, then refused', async () => {
    gemini.enqueue(
      { functionCall: { name: 'route_request', args: { intent: 'NOPE', query: 'x' } } },
      { functionCall: { name: 'route_request', args: { intent: 'NOPE', query: 'x' } } }
    )
    const error = await failure(
      gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    )
    expect(error.code).toBe('ai_invalid_output')
    expect(gemini.calls()).toHaveLength(2)
  })
})

describe('streaming', () => {
  test('yields deltas in order, then the sources', async () => {
    gemini.enqueue({
      chunks: ['Hel', 'lo ', 'world'],
      sources: [{ title: 'S', url: 'https://s.example/' }],
    })
    const events = []
    for await (const e of gateway().stream({ prompt: 'x', grounded: true })) events.push(e)
    expect(events).toEqual([
      { type: 'delta', text: 'Hel' },
      { type: 'delta', text: 'lo ' },
      { type: 'delta', text: 'world' },
      { type: 'sources', sources: [{ title: 'S', url: 'https://s.example/' }] },
    ])
    const req = gemini.last()!
    expect(req.action).toBe('streamGenerateContent')
    expect(req.query.get('alt')).toBe('sse')
  })

  test('an error frame mid-stream becomes a mapped error', async () => {
    gemini.enqueue({ chunks: ['partial'], errorAfter: { code: 503, message: 'overloaded' } })
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const e of gateway().stream({ prompt: 'x' }))
          if (e.type === 'delta') seen.push(e.text)
      })()
    )
    expect(error.status).toBe(502)
  })
})

describe('images', () => {
  test('sends IMAGE modality, aspect ratio and input images; returns bytes and type', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3])
    gemini.enqueue({ image: { data: png, mimeType: 'image/png' } })
    const result = await gateway().image({
      prompt: 'a cat',
      aspectRatio: '16:9',
      images: [{ data: Buffer.from('src').toString('base64'), mimeType: 'image/jpeg' }],
    })
    expect(result.images[0]!.mimeType).toBe('image/png')
    expect([...result.images[0]!.bytes]).toEqual([...png])
    const req = gemini.last()!
    expect(req.model).toBe('gemini-2.5-flash-image')
    expect(req.body.generationConfig.responseModalities).toEqual(['TEXT', 'IMAGE'])
    expect(req.body.generationConfig.imageConfig).toEqual({ aspectRatio: '16:9' })
    expect(req.body.contents[0].parts[0].inlineData.mimeType).toBe('image/jpeg')
  })

  test('an answer without an image is a 502', async () => {
    gemini.enqueue({ text: 'I cannot draw that' })
    const error = await failure(gateway().image({ prompt: 'x' }))
    expect(error.code).toBe('ai_no_image')
  })
})

describe('upstream faults', () => {
  test('429 is retried, honouring Retry-After, then succeeds', async () => {
    gemini.enqueue({ status: 429, retryAfter: 1 }, { text: 'ok' })
    const started = Date.now()
    const result = await gateway().text({ prompt: 'x' })
    expect(result.text).toBe('ok')
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('429 that persists maps to 429 with Retry-After from RetryInfo', async () => {
    gemini.enqueue(
      { status: 429, retryDelay: '0.01s' },
      { status: 429, retryDelay: '0.01s' },
      { status: 429, retryDelay: '7s' }
    )
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(429)
    expect(error.headers['Retry-After']).toBe('7')
    expect(gemini.calls()).toHaveLength(3)
  })

  test('with no retries left, Retry-After is passed on without waiting', async () => {
    gemini.enqueue({ status: 429, retryAfter: 2 })
    const started = Date.now()
    const error = await failure(gateway({ GEMINI_MAX_RETRIES: '0' }).text({ prompt: 'x' }))
    expect(error.headers['Retry-After']).toBe('2')
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(gemini.calls()).toHaveLength(1)
  })

  test('a long Retry-After is not waited for', async () => {
    gemini.enqueue({ status: 429, retryAfter: 120 })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(429)
    expect(error.headers['Retry-After']).toBe('120')
    expect(gemini.calls()).toHaveLength(1)
  })

  for (const status of [500, 502, 503]) {
    test(`${status} is retried (bounded) and then a 502`, async () => {
      gemini.enqueue({ status }, { status }, { status })
      const error = await failure(gateway().text({ prompt: 'x' }))
      expect(error.status).toBe(502)
      expect(error.code).toBe('upstream_error')
      expect(gemini.calls()).toHaveLength(3)
    })
  }

  test('a transient 503 followed by success succeeds', async () => {
    gemini.enqueue({ status: 503 }, { text: 'recovered' })
    expect((await gateway().text({ prompt: 'x' })).text).toBe('recovered')
  })

  test('400 is not retried and maps to 502 without upstream text', async () => {
    gemini.enqueue({ status: 400, message: 'secret internal detail' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(502)
    expect(error.code).toBe('upstream_rejected')
    expect(error.message).not.toContain('secret internal detail')
    expect(gemini.calls()).toHaveLength(1)
  })

  test('403 maps to an auth failure', async () => {
    gemini.enqueue({ status: 403 })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('upstream_auth')
  })

  test('a slow answer past the deadline is a 504', async () => {
    gemini.enqueue({ text: 'late', delayMs: 1_500 })
    const error = await failure(gateway().text({ prompt: 'x', timeoutMs: 200 }))
    expect(error.status).toBe(504)
    expect(error.code).toBe('upstream_timeout')
  })

  test('a malformed body is a 502', async () => {
    gemini.enqueue({ malformed: '{"candidates": [' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(502)
    expect(error.code).toBe('upstream_invalid')
  })

  test('no candidates is a 502 empty answer', async () => {
    gemini.enqueue({ noCandidates: true })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('ai_empty')
  })

  test('a safety-blocked answer is reported as blocked', async () => {
    gemini.enqueue({ finishReason: 'SAFETY' })
    const error = await failure(gateway().text({ prompt: 'x' }))
    expect(error.status).toBe(502)
    expect(error.code).toBe('ai_blocked')
  })

  test('a blocked prompt is reported as blocked', async () => {
    gemini.enqueue({ promptBlocked: 'PROHIBITED_CONTENT' })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('ai_blocked')
  })

  test('an unreachable service is a 502', async () => {
    const config = testConfig({ geminiUrl: 'http://127.0.0.1:9' })
    const ai = createAiGateway({ ai: config.ai, log, retry: { retries: 0 } })
    expect((await failure(ai.text({ prompt: 'x' }))).code).toBe('upstream_unreachable')
  })
})

describe('Vertex AI mode', () => {
  test('uses the project/location path with a bearer token and no API key', async () => {
    gemini.enqueue({ text: 'from vertex' })
    const result = await gateway({}, true).text({ prompt: 'x' })
    expect(result.text).toBe('from vertex')
    const req = gemini.last()!
    expect(req.path).toBe(
      '/v1beta1/projects/test-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent'
    )
    expect(req.headers.authorization).toBe('Bearer fake-token')
    expect(req.headers['x-goog-api-key']).toBeUndefined()
  })
})

describe('without configuration', () => {
  test('every call is a 503 naming the variable to set, and nothing is sent', async () => {
    const config = testConfig()
    const ai = createAiGateway({ ai: config.ai, log })
    expect(ai.backend).toBe('none')
    const error = await failure(ai.text({ prompt: 'x' }))
    expect(error.status).toBe(503)
    expect(error.message).toContain('GEMINI_API_KEY')
    expect(gemini.calls()).toHaveLength(0)
  })
})
