/**
 * @module seo/writing/metadata
 * `generate-metadata`: SEO title (≤ 60 characters), meta description (≤ 160), URL slug and 3–5
 * tags, written from the whole article (images stripped).
 * Limits are enforced, not just asked for: an answer over a limit is re-asked once with the
 * exact problem, then trimmed at a word boundary, so nothing returned is ever over the limit.
 */
import * as v from 'valibot'
import { errors } from '../../../core/errors'
import { DATA_RULE, dataBlock, languageRule } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import type { StepContext } from '../../context'
import { Article, ContentBrief } from '../schemas'
import { briefBlock, contentLanguage } from './context'
import { stripImages } from './images-in-markdown'
import { charLength, normalizeTags, toSlug, trimToLimit } from './text-limits'

export { MetadataResponse } from '../responses'

export const MAX_TITLE = 60
export const MAX_DESCRIPTION = 160
export const MIN_TAGS = 3
export const MAX_TAGS = 5

export const GenerateMetadataRequest = v.object({
  article: Article,
  brief: ContentBrief,
  uiLanguage: UiLanguage,
})
export type GenerateMetadataRequest = v.InferOutput<typeof GenerateMetadataRequest>

// Lenient on lengths on purpose: an over-long answer is corrected here, not refused as invalid.
export const MetadataOutput = v.object({
  seoTitle: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(400),
    v.description(`SEO title, at most ${MAX_TITLE} characters, containing the main keyword.`)
  ),
  seoDescription: v.pipe(
    v.string(),
    v.minLength(1),
    v.maxLength(1000),
    v.description(`Meta description, at most ${MAX_DESCRIPTION} characters.`)
  ),
  slug: v.pipe(
    v.string(),
    v.maxLength(300),
    v.description('URL slug: lowercase ASCII words joined by hyphens (English or transliterated).')
  ),
  tags: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(100))),
    v.maxLength(20),
    v.description(`${MIN_TAGS}–${MAX_TAGS} short topic tags.`)
  ),
})
type MetadataOutput = v.InferOutput<typeof MetadataOutput>

export interface Metadata {
  seoTitle: string
  seoDescription: string
  slug: string
  tags: string[]
}

/** What is wrong with an answer, in words the model can act on (empty when nothing is). */
export function metadataProblems(data: MetadataOutput, brief: ContentBrief): string[] {
  const problems: string[] = []
  const title = charLength(data.seoTitle.trim())
  const description = charLength(data.seoDescription.trim())
  if (title > MAX_TITLE)
    problems.push(`seoTitle has ${title} characters; the maximum is ${MAX_TITLE}.`)
  if (description > MAX_DESCRIPTION) {
    problems.push(
      `seoDescription has ${description} characters; the maximum is ${MAX_DESCRIPTION}.`
    )
  }
  if (!slugFrom(data, brief)) problems.push('slug must be lowercase ASCII words joined by hyphens.')
  if (normalizeTags(data.tags, MAX_TAGS).length < MIN_TAGS) {
    problems.push(`tags must hold ${MIN_TAGS} to ${MAX_TAGS} distinct tags.`)
  }
  return problems
}

/** The model's slug normalised; else one derived from the title, then the main keyword. */
const slugFrom = (data: MetadataOutput, brief: ContentBrief) => {
  const language = contentLanguage(brief)
  return (
    toSlug(data.slug, language) ||
    toSlug(data.seoTitle, language) ||
    toSlug(brief.mainKeyword, language)
  )
}

/** Applies the limits to an answer; only fails when no usable slug or tags exist at all. */
export function enforceLimits(data: MetadataOutput, brief: ContentBrief): Metadata {
  const slug = slugFrom(data, brief)
  const own = normalizeTags(data.tags, MAX_TAGS)
  // Too few tags from the model: the brief's own keywords are real tags for this article.
  const tags =
    own.length >= MIN_TAGS
      ? own
      : normalizeTags([...own, brief.mainKeyword, ...brief.secondaryKeywords], MIN_TAGS)
  if (!slug || tags.length < MIN_TAGS) {
    throw errors.upstream(
      'ai_invalid_output',
      'The AI service did not return a usable slug and tags.'
    )
  }
  return {
    seoTitle: trimToLimit(data.seoTitle, MAX_TITLE),
    seoDescription: trimToLimit(data.seoDescription, MAX_DESCRIPTION),
    slug,
    tags,
  }
}

export async function generateMetadata(
  ctx: StepContext,
  body: GenerateMetadataRequest
): Promise<Metadata> {
  const { brief } = body
  const language = contentLanguage(brief)
  const base = {
    schema: MetadataOutput,
    signal: ctx.signal,
    system: [
      'You are an SEO specialist writing search metadata for a published article.',
      DATA_RULE,
      languageRule({ ui: body.uiLanguage, content: language }),
    ].join('\n'),
  }
  const task = [
    `Write the search metadata for the article below, in ${language} (the slug in ASCII).`,
    [
      `- seoTitle: at most ${MAX_TITLE} characters, contains the main keyword "${brief.mainKeyword}", compelling and accurate.`,
      `- seoDescription: at most ${MAX_DESCRIPTION} characters, contains the main keyword, summarises the article's value and invites the click.`,
      '- slug: short, lowercase ASCII words joined by hyphens (translate or transliterate words that are not in Latin script), based on the main keyword.',
      `- tags: ${MIN_TAGS}–${MAX_TAGS} short topic tags in ${language}.`,
    ].join('\n'),
    briefBlock(brief),
    dataBlock('article', stripImages(body.article)),
  ].join('\n\n')

  const first = (await ctx.ai.json({ ...base, prompt: task })).data
  const problems = metadataProblems(first, brief)
  if (!problems.length) return enforceLimits(first, brief)
  ctx.log.info('metadata over its limits; asking again', { problems })
  const retry = `${task}\n\nYour previous answer broke these rules; correct them:\n${problems.map((p) => `- ${p}`).join('\n')}`
  const second = (await ctx.ai.json({ ...base, prompt: retry })).data
  return enforceLimits(second, brief)
}
