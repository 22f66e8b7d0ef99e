/**
 * @module seo/writing/context
 * The prompt pieces every writing step shares: they carry user-supplied text (brief, brand,
 * article) inside delimited blocks the model is told to treat as data.
 */
import { dataBlock } from '../../../core/prompt-blocks'
import type { BrandProfile } from '../../brand/profile'
import type { ContentBrief } from '../schemas'

/** The language reader-facing text is written in (the project's target language). */
export const contentLanguage = (brief?: ContentBrief) => brief?.targetLanguage?.trim() || 'English'

export function briefBlock(brief: ContentBrief): string {
  const lines = [
    `Title suggestion: ${brief.titleSuggestion || '(none)'}`,
    `Topic summary: ${brief.topicSummary || '(none)'}`,
    `Main keyword: ${brief.mainKeyword}`,
    `Secondary keywords: ${brief.secondaryKeywords.join(', ') || '(none)'}`,
    `Target language: ${contentLanguage(brief)}`,
    `Target region (audience): ${brief.targetRegion || 'United States'}`,
    `Target length: about ${brief.estimatedWordcount} words`,
  ]
  if (brief.suggestedOutline.length)
    lines.push(`Suggested outline:\n${brief.suggestedOutline.join('\n')}`)
  if (brief.aiRecommendations.length) {
    lines.push(`Recommendations:\n${brief.aiRecommendations.map((r) => `- ${r}`).join('\n')}`)
  }
  return dataBlock('brief', lines.join('\n'))
}

/** A one-line reminder of the brand voice for system instructions. */
export function voiceRule(profile?: BrandProfile): string {
  if (!profile) return ''
  const { brand_voice: voice, negative_keywords_global: banned } = profile.globalInfo
  const parts = []
  if (voice.tone || voice.style) {
    parts.push(
      `Keep the brand voice (tone: ${voice.tone || 'n/a'}; style: ${voice.style || 'n/a'}).`
    )
  }
  if (banned.length) parts.push(`Never use these words: ${banned.join(', ')}.`)
  return parts.join(' ')
}
