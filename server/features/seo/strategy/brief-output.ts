/**
 * @module seo/strategy/brief-output
 * What the model writes for a content brief (shared by `content-brief` and `new-content-idea`),
 * the language split for it, and the final brief with the market taken from the project.
 */
import * as v from 'valibot'
import { languageRule, uiLanguageName } from '../../../core/prompt-blocks'
import type { UiLanguage } from '../../../core/schema'
import type { ContentBrief } from '../schemas'
import { list, prose, uniqueTexts } from './output'

export const BriefOutput = v.object({
  titleSuggestion: prose(200, 'Working title of the article, for readers.'),
  topicSummary: prose(1500, 'What the article covers, for whom and which search intent it serves.'),
  mainKeyword: prose(120, 'The main keyword, as searchers type it.'),
  secondaryKeywords: list(prose(120, 'A keyword.'), 3, 5, 'Supporting keywords.'),
  suggestedOutline: list(
    prose(200, 'An H2 heading.'),
    5,
    12,
    'The H2 sections of the article, in order.'
  ),
  estimatedWordcount: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(600),
    v.maxValue(4000),
    v.description('Words the article needs to compete for the main keyword.')
  ),
  aiRecommendations: list(
    prose(600, 'A recommendation.'),
    2,
    3,
    'Advice to the editor on how to make the article win.'
  ),
})
export type BriefOutput = v.InferOutput<typeof BriefOutput>

export function briefLanguage(ui: UiLanguage, contentLanguage: string): string {
  return [
    languageRule({ ui, content: contentLanguage }),
    `So: titleSuggestion, topicSummary, mainKeyword, secondaryKeywords and suggestedOutline in ${contentLanguage}; aiRecommendations in ${uiLanguageName(ui)}.`,
  ].join('\n')
}

export function toBrief(
  data: BriefOutput,
  market: { targetRegion: string; targetLanguage: string }
): ContentBrief {
  return {
    ...data,
    targetRegion: market.targetRegion,
    targetLanguage: market.targetLanguage,
    secondaryKeywords: uniqueTexts(
      data.secondaryKeywords.filter(
        (k) => k.trim().toLocaleLowerCase() !== data.mainKeyword.trim().toLocaleLowerCase()
      )
    ),
  }
}
