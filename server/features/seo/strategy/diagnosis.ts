/**
 * @module seo/strategy/diagnosis
 * `diagnosis`: a content-SEO diagnosis of a site, researched with Google Search (grounded JSON),
 * informed by the knowledge base, and returned with its sources and knowledge references.
 */
import * as v from 'valibot'
import { groundingFields } from '../../../ai/grounding'
import {
  DATA_RULE,
  dataBlock,
  instructionsBlock,
  languageRule,
  sections,
} from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { BrandProfile, projectFor } from '../../brand/profile'
import type { StepContext } from '../../context'
import { UserInstructions } from '../schemas'
import { retrieveKnowledge } from './knowledge'
import { list, prose, score, uniqueTexts } from './output'
import { SiteUrl } from './site-url'

export { DiagnosisResponse } from '../responses'

export const DiagnosisRequest = v.object({
  url: SiteUrl,
  /** Optional: gives the industry, market and language the diagnosis is judged against. */
  profile: v.optional(BrandProfile),
  uiLanguage: UiLanguage,
  userInstructions: UserInstructions,
})
export type DiagnosisRequest = v.InferOutput<typeof DiagnosisRequest>

const Dimension = (what: string) =>
  v.object({
    analysis: prose(3000, `What the research shows about ${what}, with concrete evidence.`),
    recommendation: prose(3000, `The most valuable actions to improve ${what}.`),
  })

export const DiagnosisOutput = v.object({
  contentSeoHealthScore: score(
    'Overall content SEO health: 85+ strong, 60-84 workable with clear gaps, below 60 weak. Judge from the evidence found.'
  ),
  coreInsight: prose(2000, 'The single most important finding, and what the score rests on.'),
  keywordTopicFit: v.object({
    analysis: prose(3000, 'How well the published topics match what the market searches for.'),
    recommendation: prose(3000, 'Which topics and keywords to cover next and why.'),
    topicalKeywords: list(
      prose(120, 'A keyword as searchers type it.'),
      3,
      15,
      'Keywords the site should own, in the language of its target market.'
    ),
  }),
  topicalAuthority: Dimension('topical depth and authority (E-E-A-T signals, topic clusters)'),
  userIntentCoverage: Dimension('coverage of informational, commercial and transactional intent'),
  contentDiscoverability: Dimension(
    'discoverability (internal linking, titles and snippets, indexable content)'
  ),
})

const SYSTEM = [
  'You are a senior content-SEO consultant. You diagnose how well the content of a website serves organic search: topics, depth, intent coverage and discoverability (not server or code issues).',
  'Base every statement on what you find; when the evidence is thin, say so instead of guessing.',
  DATA_RULE,
].join('\n')

export async function diagnose(ctx: StepContext, input: DiagnosisRequest) {
  const project = input.profile ? projectFor(input.profile, input.url) : undefined
  const brand = input.profile?.globalInfo
  const knowledge = await retrieveKnowledge({
    industry: brand?.brand_industry,
    topic: [
      'content SEO audit E-E-A-T topical authority search intent internal linking',
      ...(project?.target_keywords ?? []),
    ].join(' '),
  })
  const prompt = sections(
    'Diagnose the content SEO of this website:',
    dataBlock('site', input.url),
    brand &&
      dataBlock('profile', {
        brand_name: brand.brand_name,
        brand_industry: brand.brand_industry,
        target_region: project?.target_region,
        target_language: project?.target_language,
        target_keywords: project?.target_keywords,
      }),
    'Research the site with Google Search (including site: queries on its domain): what it publishes, which topics and keywords it ranks or could rank for, what searchers in its market look for, and how well its pages answer them.',
    'Assess four dimensions: keyword and topic fit, topical authority, user intent coverage and content discoverability. Then give the overall score and the core insight.',
    knowledge.block,
    instructionsBlock(input.userInstructions),
    languageRule({ ui: input.uiLanguage, content: project?.target_language }),
    !project && "Write topicalKeywords in the main language of the site's market."
  )
  const { data, grounding } = await ctx.ai.json({
    system: SYSTEM,
    prompt,
    schema: DiagnosisOutput,
    grounded: true,
    signal: ctx.signal,
  })
  return {
    siteUrl: input.url,
    ...data,
    keywordTopicFit: {
      ...data.keywordTopicFit,
      topicalKeywords: uniqueTexts(data.keywordTopicFit.topicalKeywords),
    },
    ...groundingFields(grounding),
    knowledge: knowledge.refs,
  }
}
