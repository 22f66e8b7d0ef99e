/**
 * @module seo/writing/preflight/review
 * The editorial half of pre-flight: the model rates brand voice, search-intent coverage and
 * E-E-A-T (1–5 each) and lists issues, in JSON mode, judged against knowledge-base documents
 * retrieved for the brand's industry and the topic, which it cites by id. What is measurable
 * (keywords, headings, length, alt text, readability) is left to the checks.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, languageRule } from '../../../../core/prompt-blocks'
import type { UiLanguage } from '../../../../core/schema'
import type { BrandProfile } from '../../../brand/profile'
import { brandBlock } from '../../../brand/prompt-block'
import type { StepContext } from '../../../context'
import type { KnowledgeHit } from '../../knowledge'
import type { ContentBrief } from '../../schemas'
import { briefBlock, contentLanguage } from '../context'
import { findImages } from '../images-in-markdown'

const Rating = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))
const Dimension = v.object({
  rating: v.pipe(Rating, v.description('1 (poor) to 5 (excellent).')),
  comment: v.pipe(v.string(), v.maxLength(600), v.description('One or two sentences on why.')),
})

export const MAX_REVIEW_ISSUES = 12

export const ReviewOutput = v.object({
  brandVoice: Dimension,
  searchIntent: Dimension,
  eeat: Dimension,
  issues: v.pipe(
    v.array(
      v.object({
        type: v.picklist(['Keyword', 'SEO', 'BrandVoice', 'Readability']),
        description: v.pipe(v.string(), v.minLength(1), v.maxLength(600)),
        suggestion: v.pipe(v.string(), v.maxLength(600)),
        knowledgeIds: v.pipe(
          v.array(v.string()),
          v.maxLength(5),
          v.description('Labels (K1, K2…) of the reference documents this issue relies on, if any.')
        ),
      })
    ),
    v.maxLength(MAX_REVIEW_ISSUES)
  ),
})
export type Review = v.InferOutput<typeof ReviewOutput>

export interface ReviewInput {
  article: string
  brief: ContentBrief
  profile: BrandProfile
  uiLanguage: UiLanguage
}

/** The knowledge documents the review is judged against. */
export async function knowledgeFor(input: ReviewInput): Promise<KnowledgeHit[]> {
  const { searchKnowledge } = await import('../../knowledge')
  return searchKnowledge({
    industry: input.profile.globalInfo.brand_industry || undefined,
    topic: `E-E-A-T, on-page SEO, readability and brand voice review of an article about ${input.brief.mainKeyword}`,
    limit: 4,
  })
}

export async function reviewArticle(
  ctx: StepContext,
  input: ReviewInput,
  hits: KnowledgeHit[]
): Promise<Review> {
  const { knowledgePromptBlock } = await import('../../knowledge')
  const { brief, profile } = input
  // The review reads the text; images are shown by their alt text only.
  const article = findImages(input.article).reduceRight(
    (text, image) =>
      `${text.slice(0, image.start)}[image: ${image.alt || 'no alt text'}]${text.slice(image.end)}`,
    input.article
  )
  const { data } = await ctx.ai.json({
    schema: ReviewOutput,
    signal: ctx.signal,
    system: [
      'You are the editor-in-chief reviewing an SEO article before publication.',
      DATA_RULE,
      languageRule({ ui: input.uiLanguage, content: contentLanguage(brief) }),
      'Write the comments, issue descriptions and suggestions for the user, in the UI language above.',
    ].join('\n'),
    prompt: [
      'Review the article against the brief, the brand and the reference documents.',
      [
        '- brandVoice: does it sound like the brand (tone, style, values) and avoid its banned words?',
        '- searchIntent: does it fully answer what someone searching the main keyword wants?',
        '- eeat: experience, expertise, authoritativeness, trust (first-hand detail, accurate claims, cited sources, no unsupported statistics).',
        '- issues: concrete problems worth fixing, most important first, each with a suggestion. Keyword counts, heading structure, length, image alt text and readability scores are measured separately: do not report those.',
        '- When an issue relies on a reference document, put its label (K1, K2…) in knowledgeIds.',
      ].join('\n'),
      briefBlock(brief),
      brandBlock(profile),
      hits.length ? knowledgePromptBlock(hits) : '(no reference documents)',
      dataBlock('article', article),
    ].join('\n\n'),
  })
  return {
    ...data,
    issues: data.issues.map((issue) => ({
      ...issue,
      knowledgeIds: citedIds(issue.knowledgeIds, hits),
    })),
  }
}

/**
 * The document ids behind the model's citations. The knowledge block labels documents [K1], [K2]…
 * in hit order; a label or an id of a document that was not given is dropped.
 */
export function citedIds(citations: readonly string[], hits: readonly KnowledgeHit[]): string[] {
  const ids = citations.map((c) => {
    const label = c.trim().match(/^\[?K(\d+)\]?$/i)
    return label ? hits[Number(label[1]) - 1]?.id : hits.find((h) => h.id === c.trim())?.id
  })
  return [...new Set(ids.filter((id): id is string => Boolean(id)))]
}
