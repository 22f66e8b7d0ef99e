import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import { DATA_RULE } from '../../../server/core/prompt-blocks'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { expectInvalid, systemText } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const route = (args: Record<string, unknown>) => ({
  functionCall: { name: 'route_user_request', args },
})

describe('POST /api/seo/analyze-intent', () => {
  test('asks the model to call route_user_request and returns its choice', async () => {
    gemini.enqueue(
      route({ intent: 'IMAGE_GENERATION', url: 'nike.com', query: 'poster for nike.com' })
    )
    const res = await postJson(app, '/api/seo/analyze-intent', {
      prompt: 'Make a launch poster for nike.com',
    })
    expect(res.status).toBe(200)
    // The model chose image generation although a domain is present: its choice stands.
    expect(await res.json()).toEqual({
      intent: 'IMAGE_GENERATION',
      url: 'https://nike.com',
      query: 'poster for nike.com',
    })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.fast.defaultId)
    const declaration = req.body.tools[0].functionDeclarations[0]
    expect(declaration.name).toBe('route_user_request')
    expect(declaration.parametersJsonSchema.properties.intent.enum).toEqual([
      'SEO',
      'IMAGE_GENERATION',
      'VIDEO_GENERATION',
      'OTHER',
    ])
    expect(declaration.parametersJsonSchema.required).toEqual(['intent', 'query'])
    expect(req.body.toolConfig.functionCallingConfig.mode).toBe('ANY')
    expect(req.promptText).toContain(
      '<user_message>\nMake a launch poster for nike.com\n</user_message>'
    )
    expect(systemText(req)).toContain(DATA_RULE)
  })

  const urls: [string, string | null][] = [
    ['nike.com', 'https://nike.com'],
    ['www.Nike.com/shoes?size=42#top', 'https://www.nike.com/shoes?size=42'],
    ['http://shop.example.co.uk/', 'http://shop.example.co.uk'],
    ['“northwind-coffee.de”。', 'https://northwind-coffee.de'],
    ['https://münchen.example/kaffee', 'https://xn--mnchen-3ya.example/kaffee'],
    ['not a website', null],
    ['ftp://files.example.com', null],
    ['javascript:alert(1)', null],
    ['https://user:pw@site.example', null],
    ['192.168.0.1', null],
    ['localhost:3000', null],
  ]
  for (const [modelUrl, expected] of urls) {
    test(`the model's url ${JSON.stringify(modelUrl)} becomes ${expected}`, async () => {
      gemini.enqueue(route({ intent: 'SEO', url: modelUrl, query: 'audit' }))
      const res = await postJson(app, '/api/seo/analyze-intent', { prompt: `audit ${modelUrl}` })
      expect(res.status).toBe(200)
      expect(((await res.json()) as { url: string | null }).url).toBe(expected)
    })
  }

  test('no url from the model is null; a blank query falls back to the prompt', async () => {
    gemini.enqueue(route({ intent: 'VIDEO_GENERATION', query: '  ' }))
    const res = await postJson(app, '/api/seo/analyze-intent', { prompt: '生成一个咖啡视频' })
    expect(await res.json()).toEqual({
      intent: 'VIDEO_GENERATION',
      url: null,
      query: '生成一个咖啡视频',
    })
  })

  test('an intent outside the enum is re-asked, then refused with 502', async () => {
    gemini.enqueue(route({ intent: 'SHOPPING', query: 'x' }), route({ intent: 'SHOP', query: 'x' }))
    const res = await postJson(app, '/api/seo/analyze-intent', { prompt: 'buy shoes' })
    expect(res.status).toBe(502)
    expect(gemini.calls()).toHaveLength(2)
  })

  test('an empty or missing prompt is a 400 and nothing is sent (no nike.com default)', async () => {
    await expectInvalid(await postJson(app, '/api/seo/analyze-intent', { prompt: '   ' }), [
      'prompt',
    ])
    await expectInvalid(await postJson(app, '/api/seo/analyze-intent', {}), ['prompt'])
    await expectInvalid(
      await postJson(app, '/api/seo/analyze-intent', { prompt: 'x'.repeat(4001) }),
      ['prompt']
    )
    expect(gemini.calls()).toHaveLength(0)
  })
})
