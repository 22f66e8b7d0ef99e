/**
 * @module seo/strategy/brief-request
 * How `content-brief` and `new-content-idea` ask for a brief: the task's own lines, then the
 * brand for its market, the knowledge notes, the user's steering and the language split; the
 * answer comes back as a finished `ContentBrief` with the knowledge it cites.
 */
import type * as v from 'valibot'
import { DATA_RULE, instructionsBlock, sections } from '../../../core/prompt-blocks'
import type { UiLanguage } from '../../../core/schema'
import type { BrandProfile, ProjectConfig } from '../../brand/profile'
import { brandBlock } from '../../brand/prompt-block'
import type { StepContext } from '../../context'
import { BriefOutput, briefLanguage, toBrief } from './brief-output'
import type { RetrievedKnowledge } from './knowledge'

export const BRIEF_SYSTEM = [
  'You are a content-SEO editor. You write the brief a writer follows: one article, one main keyword, a clear outline that beats what already ranks.',
  DATA_RULE,
].join('\n')

export interface BriefMarket {
  targetRegion: string
  targetLanguage: string
}

/** What every brief request carries. */
export interface BriefInput {
  profile: BrandProfile
  userInstructions?: string
  uiLanguage: UiLanguage
}

export interface BriefAsk {
  /** The task's own prompt sections (what to write, from which material). */
  task: (string | false | undefined)[]
  project?: ProjectConfig
  market: BriefMarket
  knowledge: RetrievedKnowledge
  /** The output schema: `BriefOutput`, or a stricter pipe of it. */
  schema?: v.GenericSchema<unknown, v.InferOutput<typeof BriefOutput>>
}

export async function askForBrief(ctx: StepContext, input: BriefInput, ask: BriefAsk) {
  const { market, knowledge } = ask
  const prompt = sections(
    ...ask.task,
    brandBlock(input.profile, { project: ask.project, market }),
    knowledge.block,
    instructionsBlock(input.userInstructions),
    briefLanguage(input.uiLanguage, market.targetLanguage)
  )
  const { data } = await ctx.ai.json({
    system: BRIEF_SYSTEM,
    prompt,
    schema: ask.schema ?? BriefOutput,
    signal: ctx.signal,
  })
  return { ...toBrief(data, market), knowledge: knowledge.refs }
}
