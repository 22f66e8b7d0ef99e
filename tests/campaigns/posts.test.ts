/**
 * `POST /api/campaigns/posts` at the wire: the posts checked against the networks' limits, a post
 * over X's limit asked for again with its overage and, when still over, delivered invalid with
 * the reason and never shortened; one prompt per market.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { startFakeGemini, systemText } from '../support/fake-gemini'
import { appFor, draft, isPostsCall, PLAN, PLAN_ZH, post, SOURCE } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const app = appFor(gemini)

const request = (extra: Record<string, unknown> = {}) => ({
  source: SOURCE,
  languages: ['en'],
  networks: ['x', 'linkedin'],
  plans: { en: PLAN },
  link: 'https://www.example.com/pour-over',
  uiLanguage: 'en',
  ...extra,
})

const tooLong = 'Brewing tips. '.repeat(25)
const fits = 'Ratio, grind and water decide the cup.'

describe('POST /api/campaigns/posts', () => {
  test('a post over X’s limit is asked for again with its overage, and delivered invalid when still over', async () => {
    gemini.enqueue(
      { json: { posts: [draft('x', tooLong), draft('linkedin', fits)] } },
      { json: { posts: [draft('x', `${tooLong}More.`)] } }
    )
    const res = await post(app, 'posts', request())
    expect(res.status).toBe(200)
    const { posts } = await res.json()
    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(2)
    // The retry names the network and its overage, and asks for X only.
    expect(calls[1]!.promptText).toMatch(
      /- x: the longest variant has \d+ characters; the limit is 280, so cut at least \d+/
    )
    expect(
      calls[1]!.body.generationConfig.responseJsonSchema.properties.posts.items.properties.network
        .enum
    ).toEqual(['x'])
    const x = posts.find((p: { network: string }) => p.network === 'x')
    expect(x.check.valid).toBe(false)
    expect(x.check.retried).toBe(true)
    expect(x.check.issues[0]).toMatchObject({ code: 'too_long', params: { limit: 280 } })
    expect(x.check.characters).toBeGreaterThan(280)
    // Never shortened: the text is the model's.
    expect(x.body).toBe(`${tooLong}More.`.trim())
    const linkedin = posts.find((p: { network: string }) => p.network === 'linkedin')
    expect(linkedin.check).toMatchObject({ valid: true, retried: false, limit: 3000 })
  })

  test('a retry that fits is delivered valid', async () => {
    gemini.enqueue(
      { json: { posts: [draft('x', tooLong), draft('linkedin', fits)] } },
      { json: { posts: [draft('x', fits)] } }
    )
    const { posts } = await (await post(app, 'posts', request())).json()
    const x = posts.find((p: { network: string }) => p.network === 'x')
    expect(x.check).toMatchObject({ valid: true, retried: true })
    expect(x.body).toBe(fits)
  })

  test('posts within their limits need one call; hashtags lose a leading #', async () => {
    gemini.enqueue({
      json: { posts: [draft('x', fits, { hashtags: ['#coffee'] }), draft('linkedin', fits)] },
    })
    const { posts } = await (await post(app, 'posts', request())).json()
    expect(gemini.calls('generateContent')).toHaveLength(1)
    expect(posts.map((p: { id: string }) => p.id)).toEqual(['x-en', 'linkedin-en'])
    expect(posts[0].hashtags).toEqual(['coffee'])
    expect(posts.every((p: { check: { valid: boolean } }) => p.check.valid)).toBe(true)
  })

  test('each market gets its own prompt, in its own language', async () => {
    gemini.enqueueWhen((r) => isPostsCall(r) && /Simplified Chinese/.test(systemText(r)), {
      json: {
        posts: [
          draft('xiaohongshu', '正文', {
            titles: ['在家冲好咖啡', '手冲发苦？'],
            hashtags: ['咖啡'],
          }),
        ],
      },
    })
    gemini.enqueueWhen((r) => isPostsCall(r), {
      json: { posts: [draft('xiaohongshu', fits, { titles: ['Coffee at home', 'Flat coffee?'] })] },
    })
    const res = await post(
      app,
      'posts',
      request({
        languages: ['en', 'zh-CN'],
        networks: ['xiaohongshu'],
        plans: { en: PLAN, 'zh-CN': PLAN_ZH },
      })
    )
    const { posts } = await res.json()
    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(2)
    const zh = calls.find((r) => /Simplified Chinese/.test(systemText(r)))!
    expect(zh.promptText).toContain('小红书')
    expect(zh.promptText).toContain('在家也能冲出咖啡馆水准')
    expect(zh.promptText).not.toContain('Café coffee at home is a matter of habits')
    expect(posts.map((p: { id: string }) => p.id).sort()).toEqual([
      'xiaohongshu-en',
      'xiaohongshu-zh-CN',
    ])
    // Xiaohongshu takes no link: the prompt says so.
    expect(zh.promptText).toContain('no link and no website address at all')
  })

  test('`only` regenerates one cell of the board', async () => {
    gemini.enqueue({ json: { posts: [draft('linkedin', fits)] } })
    const res = await post(
      app,
      'posts',
      request({ only: [{ network: 'linkedin', language: 'en' }] })
    )
    const { posts } = await res.json()
    expect(posts.map((p: { id: string }) => p.id)).toEqual(['linkedin-en'])
  })

  test('a network the model left out is a 502, never an invented post', async () => {
    gemini.enqueue({ json: { posts: [draft('linkedin', fits)] } })
    const res = await post(app, 'posts', request())
    expect(res.status).toBe(502)
    expect((await res.json()).error.code).toBe('ai_invalid_output')
  })
})
