import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLE_THINKING } from '../../server/ai/gemini'
import { ROLES } from '../../server/ai/models'
import { TEST_API_KEY } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const gateway = (env: Record<string, string> = {}) => gatewayFor(gemini, env)

describe('Developer API requests', () => {
  test('go to v1beta with the key in the x-goog-api-key header, never the query', async () => {
    gemini.enqueue({ text: 'Hello there' })
    expect((await gateway().text({ prompt: 'Say hi' })).text).toBe('Hello there')
    const req = gemini.last()!
    expect(req.path).toBe(`/v1beta/models/${ROLES.text.defaultId}:generateContent`)
    expect(req.headers['x-goog-api-key']).toBe(TEST_API_KEY)
    expect(req.query.get('key')).toBeNull()
  })

  test('carry the system instruction apart from the user turn', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway().text({ prompt: 'Say hi', system: 'Be brief' })
    const req = gemini.last()!
    expect(req.body.systemInstruction.parts[0].text).toBe('Be brief')
    expect(req.body.contents).toEqual([{ role: 'user', parts: [{ text: 'Say hi' }] }])
  })

  test('each role uses its configured model, and the variable overrides it', async () => {
    gemini.enqueue({ text: 'a' }, { text: 'b' }, { text: 'c' })
    await gateway().text({ prompt: 'x', model: 'fast' })
    await gateway().text({ prompt: 'x', model: 'writing' })
    await gateway({ GEMINI_MODEL_WRITING: 'gemini-3.7-flash' }).text({
      prompt: 'x',
      model: 'writing',
    })
    expect(gemini.calls().map((r) => r.model)).toEqual([
      ROLES.fast.defaultId,
      ROLES.writing.defaultId,
      'gemini-3.7-flash',
    ])
  })

  test('the older variable name GEMINI_MODEL_PRO still sets the writing model', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway({ GEMINI_MODEL_PRO: 'gemini-3.6-flash' }).text({ prompt: 'x', model: 'writing' })
    expect(gemini.last()!.model).toBe('gemini-3.6-flash')
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
})

describe('requests shaped per model family', () => {
  test('Gemini 3 gets a thinking level, not a budget', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway().text({ prompt: 'x', thinking: 'low' })
    expect(gemini.last()!.body.generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'LOW' })
  })

  test('each text role has its default thinking level', async () => {
    gemini.enqueue({ text: 'a' }, { text: 'b' })
    await gateway().text({ prompt: 'x', model: 'fast' })
    await gateway().text({ prompt: 'x', model: 'writing' })
    const levels = gemini.calls().map((r) => r.body.generationConfig?.thinkingConfig?.thinkingLevel)
    expect(levels).toEqual([
      ROLE_THINKING.fast?.toUpperCase(),
      ROLE_THINKING.writing?.toUpperCase(),
    ])
  })

  test('a level the model does not offer becomes the nearest one it does', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway({ GEMINI_MODEL_TEXT: 'gemini-3.1-pro-preview' }).text({
      prompt: 'x',
      thinking: 'minimal',
    })
    expect(gemini.last()!.body.generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'LOW' })
  })

  test('no family is sent temperature, topP or topK (deprecated on the Gemini API)', async () => {
    gemini.enqueue({ text: 'a' }, { text: 'b' })
    await gateway().text({ prompt: 'x', thinking: 'low' })
    await gateway({ GEMINI_MODEL_TEXT: 'gemini-2.5-flash-lite' }).text({ prompt: 'x' })
    for (const call of gemini.calls('generateContent')) {
      const config = call.body.generationConfig ?? {}
      expect(
        Object.keys(config).filter((k) => /^(temperature|topP|topK|top_p|top_k)$/.test(k))
      ).toEqual([])
    }
  })

  test('an older family gets no thinking level', async () => {
    gemini.enqueue({ text: 'ok' })
    await gateway({ GEMINI_MODEL_TEXT: 'gemini-2.5-flash-lite' }).text({
      prompt: 'x',
      thinking: 'high',
    })
    expect(gemini.last()!.body.generationConfig?.thinkingConfig).toBeUndefined()
  })
})

describe('grounded text', () => {
  test('sends the Google Search tool and returns sources, queries and search suggestions', async () => {
    gemini.enqueue({
      text: 'Findings',
      sources: [{ url: 'https://www.example.com/a' }, { url: 'https://other.example/b' }],
      queries: ['best shoes 2026'],
    })
    const { grounding } = await gateway().text({ prompt: 'Research shoes', grounded: true })
    expect(gemini.last()!.body.tools).toEqual([{ googleSearch: {} }])
    expect(grounding.sources.map((s) => s.title)).toEqual(['example.com', 'other.example'])
    expect(grounding.sources[0]!.url).toStartWith(
      'https://vertexaisearch.cloud.google.com/grounding-api-redirect/'
    )
    expect(grounding.queries).toEqual(['best shoes 2026'])
    expect(grounding.searchEntryPoint).toContain('best shoes 2026')
  })

  test('an ungrounded answer has empty grounding', async () => {
    gemini.enqueue({ text: 'plain' })
    const { grounding } = await gateway().text({ prompt: 'x' })
    expect(grounding).toEqual({ sources: [], queries: [] })
  })
})

describe('images', () => {
  test('send the IMAGE modality, ratio, size and input images to the image model', async () => {
    gemini.enqueue({ image: { data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) } })
    await gateway().image({
      prompt: 'a cat',
      aspectRatio: '16:9',
      imageSize: '2K',
      images: [{ data: Buffer.from('src').toString('base64'), mimeType: 'image/jpeg' }],
    })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.image.defaultId)
    expect(req.body.generationConfig.responseModalities).toEqual(['TEXT', 'IMAGE'])
    expect(req.body.generationConfig.imageConfig).toEqual({ aspectRatio: '16:9', imageSize: '2K' })
    expect(req.body.contents[0].parts[0].inlineData.mimeType).toBe('image/jpeg')
  })

  test('return every image part with its own type, skipping thought images', async () => {
    gemini.enqueue({
      images: [
        { data: new Uint8Array([1]), mimeType: 'image/png', thought: true },
        { data: new Uint8Array([2]), mimeType: 'image/jpeg' },
        { data: new Uint8Array([3]), mimeType: 'image/png' },
      ],
    })
    const result = await gateway().image({ prompt: 'two cats' })
    expect(result.images.map((i) => [i.mimeType, [...i.bytes]])).toEqual([
      ['image/jpeg', [2]],
      ['image/png', [3]],
    ])
  })

  test('return the model turn with its thought signatures, to continue the edit', async () => {
    gemini.enqueue({ image: { data: new Uint8Array([9]) }, text: 'Here it is' })
    const { modelTurn } = await gateway().image({ prompt: 'a cat', model: 'imagePro' })
    const parts = 'parts' in modelTurn ? modelTurn.parts : []
    expect(parts.map((p) => Object.keys(p).sort())).toEqual([
      ['text'],
      ['inlineData', 'thoughtSignature'],
    ])
  })
})
