/**
 * @module seo/writing-routes
 * Writing and quality steps of the SEO workflow (paths and request fields as in the original):
 * research, outline, article, polish, images, pre-flight, auto-fix, metadata. Research, article,
 * polish and auto-fix answer as Server-Sent Events when the client accepts `text/event-stream`.
 * The logic of each step lives in `writing/`.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { streamText, wantsEventStream } from '../../core/sse'
import { jsonBody } from '../../core/validate'
import type { AppDeps } from '../../deps'
import { articleRequest, cleanArticle, WriteArticleRequest, writeArticle } from './writing/article'
import { AutoFixRequest, autoFix, streamAutoFix } from './writing/auto-fix'
import type { StepContext } from './writing/context'
import { GenerateImagesRequest, generateImages } from './writing/illustrate'
import { GenerateMetadataRequest, generateMetadata } from './writing/metadata'
import { GenerateOutlineRequest, generateOutline } from './writing/outline'
import { PolishArticleRequest, polishArticle, streamPolish } from './writing/polish'
import { PreflightRequest, preflightCheck } from './writing/preflight/run'
import { researchDone, researchRequest, WebResearchRequest, webResearch } from './writing/research'

export const writingRoutes = (deps: AppDeps) => {
  const step = (c: Context<AppEnv>): StepContext => ({
    ai: deps.ai,
    store: deps.store,
    log: c.get('log') ?? deps.log,
    signal: c.req.raw.signal,
  })

  return new Hono<AppEnv>()
    .post('/web-research', jsonBody(WebResearchRequest), async (c) => {
      const body = c.req.valid('json')
      if (wantsEventStream(c)) {
        return streamText(c, {
          events: deps.ai.stream(researchRequest(body, c.req.raw.signal)),
          finish: researchDone,
        })
      }
      return c.json(await webResearch(step(c), body))
    })
    .post('/generate-outline', jsonBody(GenerateOutlineRequest), async (c) =>
      c.json(await generateOutline(step(c), c.req.valid('json')))
    )
    .post('/write-article', jsonBody(WriteArticleRequest), async (c) => {
      const body = c.req.valid('json')
      if (wantsEventStream(c)) {
        // Deltas are the raw text; `done` carries the cleaned article (fence and image notes removed).
        return streamText(c, {
          events: deps.ai.stream(articleRequest(body, c.req.raw.signal)),
          finish: (text) => ({ article: cleanArticle(text) }),
        })
      }
      return c.json(await writeArticle(step(c), body))
    })
    .post('/polish-article', jsonBody(PolishArticleRequest), async (c) => {
      const body = c.req.valid('json')
      if (wantsEventStream(c)) return streamText(c, streamPolish(step(c), body))
      return c.json(await polishArticle(step(c), body))
    })
    .post('/generate-images', jsonBody(GenerateImagesRequest), async (c) =>
      c.json(await generateImages(step(c), c.req.valid('json')))
    )
    .post('/preflight-check', jsonBody(PreflightRequest), async (c) =>
      c.json(await preflightCheck(step(c), c.req.valid('json')))
    )
    .post('/auto-fix', jsonBody(AutoFixRequest), async (c) => {
      const body = c.req.valid('json')
      if (wantsEventStream(c)) return streamText(c, streamAutoFix(step(c), body))
      return c.json(await autoFix(step(c), body))
    })
    .post('/generate-metadata', jsonBody(GenerateMetadataRequest), async (c) =>
      c.json(await generateMetadata(step(c), c.req.valid('json')))
    )
}
