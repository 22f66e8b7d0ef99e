import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { GoogleGenAI } from '@google/genai'
import { startFakeGemini } from './fake-gemini'

// The fake itself, driven by the real SDK with its own defaults (no gateway in between).
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

describe('the fake speaks every path shape the SDK uses', () => {
  test('Developer API on the SDK default version (v1)', async () => {
    gemini.enqueue({ text: 'v1 ok' })
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url } })
    const res = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })
    expect(res.text).toBe('v1 ok')
    expect(gemini.last()).toMatchObject({
      apiVersion: 'v1',
      backend: 'developer',
      model: 'gemini-2.5-flash',
      action: 'generateContent',
    })
  })

  test('Developer API on v1beta', async () => {
    gemini.enqueue({ text: 'beta ok' })
    const ai = new GoogleGenAI({
      apiKey: 'k',
      httpOptions: { baseUrl: gemini.url, apiVersion: 'v1beta' },
    })
    await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })
    expect(gemini.last()?.path).toBe('/v1beta/models/gemini-2.5-flash:generateContent')
  })

  test('Vertex express mode (key, no project)', async () => {
    gemini.enqueue({ text: 'express ok' })
    const ai = new GoogleGenAI({
      vertexai: true,
      apiKey: 'k',
      httpOptions: { baseUrl: gemini.url },
    })
    const res = await ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' })
    expect(res.text).toBe('express ok')
    expect(gemini.last()).toMatchObject({
      path: '/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent',
      backend: 'vertex',
    })
  })

  test('SSE streaming frames end when the body closes', async () => {
    gemini.enqueue({ chunks: ['a', 'b', 'c'] })
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url } })
    const parts: string[] = []
    for await (const chunk of await ai.models.generateContentStream({
      model: 'm',
      contents: 'x',
    })) {
      parts.push(chunk.text ?? '')
    }
    expect(parts).toEqual(['a', 'b', 'c'])
    expect(gemini.last()?.query.get('alt')).toBe('sse')
  })

  test('an unscripted request is a loud 500, never a silent default', async () => {
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url } })
    await expect(ai.models.generateContent({ model: 'm', contents: 'x' })).rejects.toThrow(
      /no reply scripted/
    )
  })

  test('enqueueWhen answers by request content, in any order', async () => {
    gemini.enqueueWhen((r) => r.promptText.includes('second'), { text: 'two' })
    gemini.enqueueWhen((r) => r.promptText.includes('first'), { text: 'one' })
    const ai = new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url } })
    const [a, b] = await Promise.all([
      ai.models.generateContent({ model: 'm', contents: 'first' }),
      ai.models.generateContent({ model: 'm', contents: 'second' }),
    ])
    expect([a.text, b.text]).toEqual(['one', 'two'])
  })
})
