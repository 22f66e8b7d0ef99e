/**
 * Shared set-up for the campaign tests: the real app against one fake Gemini, a plan, and
 * helpers to post to `/api/campaigns/*` and to script post answers.
 */
import { buildTestApp, postJson } from '../support/app'
import type { FakeGemini, RecordedRequest } from '../support/fake-gemini'

export const appFor = (gemini: FakeGemini) => buildTestApp({ gemini })
export type TestApp = ReturnType<typeof appFor>

export const post = (app: TestApp, path: string, body: unknown) =>
  postJson(app.app, `/api/campaigns/${path}`, body)

export const SOURCE = {
  kind: 'article',
  title: 'Pour over coffee at home',
  markdown: '# Pour over coffee at home\n\nRatio, grind and water decide the cup.',
  url: 'https://www.example.com/pour-over',
} as const

export const PLAN = {
  message: 'Café coffee at home is a matter of habits.',
  audience: 'Home coffee lovers.',
  cta: 'Read the guide',
  headlines: ['Brew café coffee at home', 'Why does your pour-over taste flat?'],
}

export const PLAN_ZH = {
  message: '在家也能冲出咖啡馆水准。',
  audience: '咖啡爱好者。',
  cta: '阅读指南',
  headlines: ['在家冲出咖啡馆水准', '你的手冲为什么发苦？'],
}

/** A drafted post as the model answers it. */
export const draft = (network: string, body: string, extra: Record<string, unknown> = {}) => ({
  network,
  hooks: ['Hook A.', 'Hook B.'],
  body,
  hashtags: ['coffee'],
  ...extra,
})

export const isPostsCall = (r: RecordedRequest) =>
  Object.keys(r.body?.generationConfig?.responseJsonSchema?.properties ?? {}).join() === 'posts'
