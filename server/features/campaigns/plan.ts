/**
 * @module campaigns/plan
 * `POST /api/campaigns/plan`: the campaign's message, audience, call to action and two
 * headlines for each market, from its source and the brand. One prompt per language, each
 * written for its market (the Chinese plan is not a translation of the English one); the calls
 * run side by side.
 */
import * as v from 'valibot'
import { DATA_RULE, languageRule, sections } from '../../core/prompt-blocks'
import { UiLanguage } from '../../core/schema'
import type { StepContext } from '../context'
import type { CampaignLanguage, MarketPlan } from '../library/schemas/campaign'
import { list, prose } from '../seo/strategy/output'
import { brandOf, CampaignBase, Languages, MARKETS, sourceBlock } from './inputs'
import { PlanResponse } from './responses'

export { PlanResponse }

export const PlanRequest = v.object({
  ...CampaignBase,
  languages: Languages,
  uiLanguage: UiLanguage,
})
export type PlanRequest = v.InferOutput<typeof PlanRequest>

/** Headlines go on the visuals: short enough for a 1:1 image at a readable size. */
export const MAX_HEADLINE = { en: 60, 'zh-CN': 24 } as const
export const MAX_CTA = { en: 24, 'zh-CN': 10 } as const

const planOutput = (language: CampaignLanguage) =>
  v.object({
    message: prose(600, 'The one thing the campaign says, in a sentence or two.'),
    audience: prose(600, 'Who it is for: their situation and what they want.'),
    cta: prose(
      60,
      `The call to action, a few words for a button (at most ${MAX_CTA[language]} characters).`
    ),
    headlines: list(
      prose(160, `A headline for the visuals, at most ${MAX_HEADLINE[language]} characters.`),
      2,
      2,
      'Two different headlines (A and B) to test against each other.'
    ),
  })

export async function planCampaign(ctx: StepContext, input: PlanRequest): Promise<PlanResponse> {
  const entries = await Promise.all(
    input.languages.map(
      async (language) => [language, await planFor(ctx, input, language)] as const
    )
  )
  return { plans: Object.fromEntries(entries) }
}

async function planFor(
  ctx: StepContext,
  input: PlanRequest,
  language: CampaignLanguage
): Promise<MarketPlan> {
  const market = MARKETS[language]
  const { data } = await ctx.ai.json({
    model: 'writing',
    schema: planOutput(language),
    signal: ctx.signal,
    system: sections(
      'You are a senior social media strategist planning a campaign that promotes the material below.',
      DATA_RULE,
      languageRule({ ui: input.uiLanguage, content: market.language }),
      `Everything you write is reader-facing: write it in ${market.language}.`
    ),
    prompt: sections(
      `Plan the campaign for this market: ${market.market}`,
      'Keep the brand voice and never use its banned words. The two headlines take different angles (for example a benefit and a question).',
      sourceBlock(input.source),
      brandOf(input.profile)
    ),
  })
  return { ...data, headline: 0 }
}
