/**
 * @module seo/writing-routes
 * Writing and quality steps of the SEO workflow (paths and request fields as in the original):
 * research, outline, article, polish, images, pre-flight, auto-fix, metadata. Research, article,
 * polish and auto-fix answer as Server-Sent Events when the client accepts `text/event-stream`.
 * The logic of each step lives in `writing/`, loaded on the step's first request.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import { streamText, wantsEventStream } from '../../core/sse'
import { lazyJsonBody } from '../../core/validate'
import type { AppDeps } from '../../deps'
import type { StepContext } from './writing/context'

const research = once(() => import('./writing/research'))
const outline = once(() => import('./writing/outline'))
const article = once(() => import('./writing/article'))
const polish = once(() => import('./writing/polish'))
const illustrate = once(() => import('./writing/illustrate'))
const preflight = once(() => import('./writing/preflight/run'))
const autoFix = once(() => import('./writing/auto-fix'))
const metadata = once(() => import('./writing/metadata'))

export const writingRoutes = (deps: AppDeps) => {
  const step = (c: Context<AppEnv>): StepContext => ({
    ai: deps.ai,
    store: deps.store,
    log: c.get('log') ?? deps.log,
    signal: c.req.raw.signal,
  })

  return new Hono<AppEnv>()
    .post(
      '/web-research',
      lazyJsonBody(async () => (await research()).WebResearchRequest),
      async (c) => {
        const body = c.req.valid('json')
        const m = await research()
        if (wantsEventStream(c)) {
          return streamText(c, {
            events: deps.ai.stream(m.researchRequest(body, c.req.raw.signal)),
            finish: m.researchDone,
          })
        }
        return c.json(await m.webResearch(step(c), body))
      }
    )
    .post(
      '/generate-outline',
      lazyJsonBody(async () => (await outline()).GenerateOutlineRequest),
      async (c) => c.json(await (await outline()).generateOutline(step(c), c.req.valid('json')))
    )
    .post(
      '/write-article',
      lazyJsonBody(async () => (await article()).WriteArticleRequest),
      async (c) => {
        const body = c.req.valid('json')
        const m = await article()
        if (wantsEventStream(c)) {
          // Deltas are the raw text; `done` carries the cleaned article (fence and image notes removed).
          return streamText(c, {
            events: deps.ai.stream(m.articleRequest(body, c.req.raw.signal)),
            finish: (text) => ({ article: m.cleanArticle(text) }),
          })
        }
        return c.json(await m.writeArticle(step(c), body))
      }
    )
    .post(
      '/polish-article',
      lazyJsonBody(async () => (await polish()).PolishArticleRequest),
      async (c) => {
        const body = c.req.valid('json')
        const m = await polish()
        if (wantsEventStream(c)) return streamText(c, m.streamPolish(step(c), body))
        return c.json(await m.polishArticle(step(c), body))
      }
    )
    .post(
      '/generate-images',
      lazyJsonBody(async () => (await illustrate()).GenerateImagesRequest),
      async (c) => c.json(await (await illustrate()).generateImages(step(c), c.req.valid('json')))
    )
    .post(
      '/preflight-check',
      lazyJsonBody(async () => (await preflight()).PreflightRequest),
      async (c) => c.json(await (await preflight()).preflightCheck(step(c), c.req.valid('json')))
    )
    .post(
      '/auto-fix',
      lazyJsonBody(async () => (await autoFix()).AutoFixRequest),
      async (c) => {
        const body = c.req.valid('json')
        const m = await autoFix()
        if (wantsEventStream(c)) return streamText(c, m.streamAutoFix(step(c), body))
        return c.json(await m.autoFix(step(c), body))
      }
    )
    .post(
      '/generate-metadata',
      lazyJsonBody(async () => (await metadata()).GenerateMetadataRequest),
      async (c) => c.json(await (await metadata()).generateMetadata(step(c), c.req.valid('json')))
    )
}
