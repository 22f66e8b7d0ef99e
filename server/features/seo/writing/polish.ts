/**
 * @module seo/writing/polish
 * `polish-article`: grammar, flow and clarity, same meaning and structure. Images survive: they
 * are placeholders during the call and restored after (see revision.ts).
 */
import * as v from 'valibot'
import { dataBlock, sections } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import type { StepContext } from '../../context'
import { Article, ContentBrief } from '../schemas'

import { PLACEHOLDER_RULE } from './images-in-markdown'
import {
  askForWhole,
  type RevisionPlan,
  reviseArticle,
  revisionLanguage,
  revisionSystem,
  streamRevision,
} from './revision'

export { ArticleResponse } from '../responses'

export const PolishArticleRequest = v.object({
  article: Article,
  brief: v.optional(ContentBrief),
  profile: v.optional(BrandProfile),
  uiLanguage: UiLanguage,
})
export type PolishArticleRequest = v.InferOutput<typeof PolishArticleRequest>

export function polishPlan(body: PolishArticleRequest): RevisionPlan {
  const language = revisionLanguage(body.brief)
  return {
    step: 'polish',
    model: 'writing',
    system: revisionSystem(
      'You are a senior copy editor. You improve articles without changing what they say.',
      body,
      language
    ),
    prompt: (article, retry) =>
      sections(
        'Polish the article below: fix grammar, spelling and punctuation, smooth the flow between sentences and sections, and tighten wordy phrasing.',
        [
          '- Keep the meaning, the facts, every heading (same text and level), lists, tables and links.',
          '- Keep the keywords as they are; do not add or remove sections.',
          `- ${PLACEHOLDER_RULE}`,
          '- Return the complete polished article in Markdown and nothing else.',
        ].join('\n'),
        askForWhole(retry, 'article'),
        dataBlock('article', article)
      ),
  }
}

export const polishArticle = (ctx: StepContext, body: PolishArticleRequest) =>
  reviseArticle(ctx, body.article, polishPlan(body))

export const streamPolish = (ctx: StepContext, body: PolishArticleRequest) =>
  streamRevision(ctx, body.article, polishPlan(body))
