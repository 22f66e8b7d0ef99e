/**
 * @module seo/writing-routes
 * Writing and quality steps of the SEO workflow, one entry each: research, outline, article,
 * polish, images, pre-flight, auto-fix, metadata. Research, article, polish and auto-fix answer
 * as Server-Sent Events when the client accepts `text/event-stream`. Each step's logic lives in
 * `writing/`, loaded on the step's first request; the entry's last argument documents it.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'
import { ARTICLE, BRIEF, ISSUE, PROFILE } from './examples'

const research = once(() => import('./writing/research'))
const outline = once(() => import('./writing/outline'))
const article = once(() => import('./writing/article'))
const polish = once(() => import('./writing/polish'))
const illustrate = once(() => import('./writing/illustrate'))
const preflight = once(() => import('./writing/preflight/run'))
const autoFix = once(() => import('./writing/auto-fix'))
const metadata = once(() => import('./writing/metadata'))

const tag = 'SEO'
const STREAMS = 'With `Accept: text/event-stream` the answer comes as Server-Sent Events.'

export const writingRoutes = (deps: FeatureDeps) => {
  const { step, streamingStep } = stepRoutes(deps)
  return new Hono<AppEnv>()
    .post(
      '/web-research',
      ...streamingStep(research, 'WebResearchRequest', 'webResearch', 'streamResearch', {
        operationId: 'seoWebResearch',
        summary: 'Research notes for a brief, with sources',
        description: STREAMS,
        tag,
        response: 'ResearchResponse',
        examples: [{ summary: 'A brief', body: { brief: BRIEF, uiLanguage: 'en' }, status: 200 }],
      })
    )
    .post(
      '/generate-outline',
      ...step(outline, 'GenerateOutlineRequest', 'generateOutline', {
        operationId: 'seoGenerateOutline',
        summary: 'The outline of the article',
        tag,
        response: 'OutlineResponse',
        examples: [
          {
            summary: 'A brief and notes',
            body: {
              brief: BRIEF,
              profile: PROFILE,
              researchSummary: 'Home espresso sales grew in 2025.',
              uiLanguage: 'en',
            },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/write-article',
      ...streamingStep(article, 'WriteArticleRequest', 'writeArticle', 'streamArticle', {
        operationId: 'seoWriteArticle',
        summary: 'Write the article',
        description: STREAMS,
        tag,
        response: 'ArticleResponse',
        examples: [
          {
            summary: 'From the outline',
            body: {
              outline: BRIEF.suggestedOutline,
              brief: BRIEF,
              profile: PROFILE,
              uiLanguage: 'en',
            },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/polish-article',
      ...streamingStep(polish, 'PolishArticleRequest', 'polishArticle', 'streamPolish', {
        operationId: 'seoPolishArticle',
        summary: 'Polish the article (images are kept)',
        description: STREAMS,
        tag,
        response: 'ArticleResponse',
        examples: [
          {
            summary: 'An article',
            body: { article: ARTICLE, brief: BRIEF, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/generate-images',
      ...step(illustrate, 'GenerateImagesRequest', 'generateImages', {
        operationId: 'seoGenerateImages',
        summary: 'Illustrate the article',
        description:
          'Plans where images help, generates them (stored, by media id) and places them in the article; images that fail are listed in `failures`.',
        tag,
        response: 'ImagesResponse',
        examples: [
          {
            summary: 'Two images',
            body: { article: ARTICLE, maxImages: 2, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/preflight-check',
      ...step(preflight, 'PreflightRequest', 'preflightCheck', {
        operationId: 'seoPreflightCheck',
        summary: 'Check the article before publishing',
        description:
          'Measured checks (keyword, length, headings, readability) and an editorial review, with a score and the issues to fix.',
        tag,
        response: 'PreflightResponse',
        examples: [
          {
            summary: 'An article',
            body: { article: ARTICLE, brief: BRIEF, profile: PROFILE, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/auto-fix',
      ...streamingStep(autoFix, 'AutoFixRequest', 'autoFix', 'streamAutoFix', {
        operationId: 'seoAutoFix',
        summary: 'Fix the issues the check found',
        description: STREAMS,
        tag,
        response: 'ArticleResponse',
        examples: [
          {
            summary: 'One issue',
            body: { article: ARTICLE, issues: [ISSUE], uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/generate-metadata',
      ...step(metadata, 'GenerateMetadataRequest', 'generateMetadata', {
        operationId: 'seoGenerateMetadata',
        summary: 'SEO title, description, slug and tags',
        tag,
        response: 'MetadataResponse',
        examples: [
          {
            summary: 'An article',
            body: { article: ARTICLE, brief: BRIEF, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
}
