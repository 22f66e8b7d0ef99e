/**
 * @module seo/writing-routes
 * Writing and quality steps of the SEO workflow, one line each: research, outline, article,
 * polish, images, pre-flight, auto-fix, metadata. Research, article, polish and auto-fix answer
 * as Server-Sent Events when the client accepts `text/event-stream`. Each step's logic lives in
 * `writing/`, loaded on the step's first request.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'

const research = once(() => import('./writing/research'))
const outline = once(() => import('./writing/outline'))
const article = once(() => import('./writing/article'))
const polish = once(() => import('./writing/polish'))
const illustrate = once(() => import('./writing/illustrate'))
const preflight = once(() => import('./writing/preflight/run'))
const autoFix = once(() => import('./writing/auto-fix'))
const metadata = once(() => import('./writing/metadata'))

export const writingRoutes = (deps: FeatureDeps) => {
  const { step, streamingStep } = stepRoutes(deps)
  return new Hono<AppEnv>()
    .post(
      '/web-research',
      ...streamingStep(research, 'WebResearchRequest', 'webResearch', 'streamResearch')
    )
    .post('/generate-outline', ...step(outline, 'GenerateOutlineRequest', 'generateOutline'))
    .post(
      '/write-article',
      ...streamingStep(article, 'WriteArticleRequest', 'writeArticle', 'streamArticle')
    )
    .post(
      '/polish-article',
      ...streamingStep(polish, 'PolishArticleRequest', 'polishArticle', 'streamPolish')
    )
    .post('/generate-images', ...step(illustrate, 'GenerateImagesRequest', 'generateImages'))
    .post('/preflight-check', ...step(preflight, 'PreflightRequest', 'preflightCheck'))
    .post('/auto-fix', ...streamingStep(autoFix, 'AutoFixRequest', 'autoFix', 'streamAutoFix'))
    .post('/generate-metadata', ...step(metadata, 'GenerateMetadataRequest', 'generateMetadata'))
}
