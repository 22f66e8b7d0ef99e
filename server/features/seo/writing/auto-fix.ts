/**
 * @module seo/writing/auto-fix
 * `auto-fix`: applies the pre-flight issues to the article with the writing model. Every image
 * is kept (placeholders, restored, lost ones re-inserted), and the result is checked on the text
 * without images, so an illustrated article is really revised, never returned unchanged.
 */
import * as v from 'valibot'
import { dataBlock, sections } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import type { StepContext } from '../../context'
import { Article, ContentBrief, PreflightIssue } from '../schemas'
import { briefBlock } from './context'
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

export const MAX_ISSUES = 40

export const AutoFixRequest = v.object({
  article: Article,
  issues: v.pipe(v.array(PreflightIssue), v.minLength(1), v.maxLength(MAX_ISSUES)),
  brief: v.optional(ContentBrief),
  profile: v.optional(BrandProfile),
  uiLanguage: UiLanguage,
})
export type AutoFixRequest = v.InferOutput<typeof AutoFixRequest>

const issueList = (issues: AutoFixRequest['issues']) =>
  issues
    .map((issue, i) => {
      const fix = issue.suggestion ? `\n   Suggested fix: ${issue.suggestion}` : ''
      return `${i + 1}. [${issue.type}] ${issue.description}${fix}`
    })
    .join('\n')

export function autoFixPlan(body: AutoFixRequest): RevisionPlan {
  const language = revisionLanguage(body.brief)
  return {
    step: 'auto-fix',
    model: 'writing',
    system: revisionSystem(
      'You are a senior SEO editor. You revise articles to resolve the issues a quality review found, changing only what the fixes need.',
      body,
      language
    ),
    prompt: (article, retry) =>
      sections(
        'Revise the article below so that it resolves every issue in the list.',
        [
          '- Keep everything the issues do not concern: facts, structure, links, tables.',
          `- ${PLACEHOLDER_RULE}`,
          `- Write in ${language}.`,
          '- Return the complete revised article in Markdown and nothing else (no list of changes).',
        ].join('\n'),
        askForWhole(retry, 'revised article'),
        dataBlock('issues', issueList(body.issues)),
        body.brief && briefBlock(body.brief),
        dataBlock('article', article)
      ),
  }
}

export const autoFix = (ctx: StepContext, body: AutoFixRequest) =>
  reviseArticle(ctx, body.article, autoFixPlan(body))

export const streamAutoFix = (ctx: StepContext, body: AutoFixRequest) =>
  streamRevision(ctx, body.article, autoFixPlan(body))
