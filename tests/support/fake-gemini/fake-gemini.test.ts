import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { GoogleGenAI } from '@google/genai'
import { startFakeGemini } from '.'

// The fake itself, driven by the real SDK with its own defaults (no gateway in between).
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const FLASH = 'gemini-3.8-flash'
const dev = (apiVersion?: string) =>
  new GoogleGenAI({
    apiKey: 'k',
    httpOptions: { baseUrl: gemini.url, ...(apiVersion ? { apiVersion } : {}) },
  })

/** The status and message the SDK surfaces for a refused call. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await call
  } catch (error) {
    const e = error as { status?: number; message: string }
    const body = JSON.parse(e.message) as { error: { code: number; message: string } }
    return { status: body.error.code, message: body.error.message }
  }
  throw new Error('expected the fake to refuse the call')
}

describe('the fake speaks every path shape the SDK uses', () => {
  test('Developer API on the SDK default version (v1)', async () => {
    gemini.enqueue({ text: 'v1 ok' })
    const res = await dev().models.generateContent({ model: FLASH, contents: 'hi' })
    expect(res.text).toBe('v1 ok')
    expect(gemini.last()).toMatchObject({
      apiVersion: 'v1',
      backend: 'developer',
      model: FLASH,
      action: 'generateContent',
    })
  })

  test('Developer API on v1beta', async () => {
    gemini.enqueue({ text: 'beta ok' })
    await dev('v1beta').models.generateContent({ model: FLASH, contents: 'hi' })
    expect(gemini.last()?.path).toBe(`/v1beta/models/${FLASH}:generateContent`)
  })

  test('Vertex express mode (key, no project)', async () => {
    gemini.enqueue({ text: 'express ok' })
    const ai = new GoogleGenAI({
      vertexai: true,
      apiKey: 'k',
      httpOptions: { baseUrl: gemini.url },
    })
    const res = await ai.models.generateContent({ model: FLASH, contents: 'hi' })
    expect(res.text).toBe('express ok')
    expect(gemini.last()).toMatchObject({
      path: `/v1beta1/publishers/google/models/${FLASH}:generateContent`,
      backend: 'vertex',
    })
  })

  test('SSE streaming frames end when the body closes', async () => {
    gemini.enqueue({ chunks: ['a', 'b', 'c'] })
    const parts: string[] = []
    for await (const chunk of await dev().models.generateContentStream({
      model: FLASH,
      contents: 'x',
    })) {
      parts.push(chunk.text ?? '')
    }
    expect(parts).toEqual(['a', 'b', 'c'])
    expect(gemini.last()?.query.get('alt')).toBe('sse')
  })

  test('an unscripted request is a loud 500, never a silent default', async () => {
    await expect(dev().models.generateContent({ model: FLASH, contents: 'x' })).rejects.toThrow(
      /no reply scripted/
    )
  })

  test('enqueueWhen answers by request content, in any order', async () => {
    gemini.enqueueWhen((r) => r.promptText.includes('second'), { text: 'two' })
    gemini.enqueueWhen((r) => r.promptText.includes('first'), { text: 'one' })
    const [a, b] = await Promise.all([
      dev().models.generateContent({ model: FLASH, contents: 'first' }),
      dev().models.generateContent({ model: FLASH, contents: 'second' }),
    ])
    expect([a.text, b.text]).toEqual(['one', 'two'])
  })
})

describe('the fake refuses what the real service refuses', () => {
  test('a retired model is 404 NOT_FOUND with the real message', async () => {
    gemini.enqueue({ text: 'never' })
    const refused = await refusal(
      dev('v1beta').models.generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
    )
    expect(refused).toEqual({
      status: 404,
      message:
        'models/gemini-2.5-flash is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.',
    })
  })

  test('an unknown model is 404 too', async () => {
    expect(
      (await refusal(dev().models.generateContent({ model: 'gemini-0-nope', contents: 'x' })))
        .status
    ).toBe(404)
  })

  test('Gemini Omni on generateContent is 404: it is served by the Interactions API only', async () => {
    const refused = await refusal(
      dev().models.generateContent({ model: 'gemini-omni-1.1-flash', contents: 'x' })
    )
    expect(refused.status).toBe(404)
  })

  test('Google Search with JSON mode on Gemini 2.5 is 400', async () => {
    const refused = await refusal(
      dev().models.generateContent({
        model: 'gemini-2.5-flash-lite',
        contents: 'x',
        config: { tools: [{ googleSearch: {} }], responseMimeType: 'application/json' },
      })
    )
    expect(refused).toEqual({
      status: 400,
      message: "Tool use with a response mime type: 'application/json' is unsupported",
    })
  })

  test('Google Search with function declarations on Gemini 2.5 is 400', async () => {
    const refused = await refusal(
      dev().models.generateContent({
        model: 'gemini-2.5-flash-lite',
        contents: 'x',
        config: { tools: [{ googleSearch: {} }, { functionDeclarations: [{ name: 'f' }] }] },
      })
    )
    expect(refused).toEqual({
      status: 400,
      message: 'Tool use with function calling is unsupported',
    })
  })

  test('Google Search with JSON mode on Gemini 3 is accepted', async () => {
    gemini.enqueue({ json: { ok: true } })
    const res = await dev().models.generateContent({
      model: FLASH,
      contents: 'x',
      config: { tools: [{ googleSearch: {} }], responseMimeType: 'application/json' },
    })
    expect(JSON.parse(res.text ?? '')).toEqual({ ok: true })
  })

  test('a thinking level on Gemini 2.5 is 400', async () => {
    const refused = await refusal(
      dev().models.generateContent({
        model: 'gemini-2.5-flash-lite',
        contents: 'x',
        config: { thinkingConfig: { thinkingLevel: 'LOW' as never } },
      })
    )
    expect(refused.status).toBe(400)
  })

  test('an image ratio or size outside the model’s set is 400', async () => {
    const ask = (imageConfig: Record<string, string>) =>
      refusal(
        dev().models.generateContent({
          model: 'gemini-3-pro-image',
          contents: 'a cat',
          config: { responseModalities: ['TEXT', 'IMAGE'], imageConfig },
        })
      )
    expect((await ask({ aspectRatio: '7:3' })).status).toBe(400)
    expect((await ask({ imageSize: '512' })).status).toBe(400)
  })

  test('a replayed Gemini 3 function call without its signature is 400 with the real message', async () => {
    const refused = await refusal(
      dev().models.generateContent({
        model: FLASH,
        contents: [
          { role: 'user', parts: [{ text: 'route this' }] },
          { role: 'model', parts: [{ functionCall: { name: 'route', args: {} } }] },
          { role: 'user', parts: [{ functionResponse: { name: 'route', response: {} } }] },
        ],
      })
    )
    expect(refused.status).toBe(400)
    expect(refused.message).toStartWith(
      'Function call is missing a thought_signature in functionCall parts.'
    )
  })

  test('a signature the service never issued is refused as corrupted', async () => {
    const refused = await refusal(
      dev().models.generateContent({
        model: FLASH,
        contents: [
          { role: 'user', parts: [{ text: 'route this' }] },
          {
            role: 'model',
            parts: [{ functionCall: { name: 'route', args: {} }, thoughtSignature: 'bm9wZQ==' }],
          },
          { role: 'user', parts: [{ functionResponse: { name: 'route', response: {} } }] },
        ],
      })
    )
    expect(refused).toEqual({ status: 400, message: 'Corrupted thought signature.' })
  })

  test('an image model takes a replayed turn without a signature, but not one it never issued', async () => {
    const turn = (thoughtSignature?: string) =>
      dev().models.generateContent({
        model: 'gemini-3.1-flash-image',
        contents: [
          { role: 'user', parts: [{ text: 'a ball' }] },
          {
            role: 'model',
            parts: [
              {
                inlineData: { mimeType: 'image/png', data: 'AA==' },
                ...(thoughtSignature ? { thoughtSignature } : {}),
              },
            ],
          },
          { role: 'user', parts: [{ text: 'warmer' }] },
        ],
        config: { responseModalities: ['TEXT', 'IMAGE'] },
      })
    gemini.enqueue({ image: { data: 'AA==' } })
    await turn()
    expect(await refusal(turn('bm9wZQ=='))).toEqual({
      status: 400,
      message: 'Corrupted thought signature.',
    })
  })

  test('a call without an API key is 403', async () => {
    const res = await fetch(`${gemini.url}/v1beta/models/${FLASH}:generateContent`, {
      method: 'POST',
      body: '{}',
    })
    expect(res.status).toBe(403)
  })
})

describe('the fake answers like the real service', () => {
  test('Gemini 3 signs its function calls', async () => {
    gemini.enqueue({ functionCall: { name: 'route', args: {} } })
    const res = await dev().models.generateContent({ model: FLASH, contents: 'x' })
    expect(res.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature).toBeTruthy()
  })

  test('grounding comes as redirect links titled by domain, with the queries and search suggestions', async () => {
    gemini.enqueue({
      text: 'found',
      sources: [{ url: 'https://www.shop.example/p' }],
      queries: ['shoes'],
    })
    const res = await dev().models.generateContent({
      model: FLASH,
      contents: 'x',
      config: { tools: [{ googleSearch: {} }] },
    })
    const meta = res.candidates?.[0]?.groundingMetadata
    expect(meta?.groundingChunks?.[0]?.web?.title).toBe('shop.example')
    expect(meta?.groundingChunks?.[0]?.web?.uri).toStartWith(
      'https://vertexaisearch.cloud.google.com/grounding-api-redirect/'
    )
    expect(meta?.webSearchQueries).toEqual(['shoes'])
    expect(meta?.searchEntryPoint?.renderedContent).toContain('shoes')
  })
})
