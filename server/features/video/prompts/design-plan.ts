/**
 * @module video/prompts/design-plan
 * `design-plan`: three video concepts for a topic, researched with Google Search (one grounded
 * JSON call): how such videos are shot today (light, camera movement, motion, rendering). Each
 * plan has the video prompt and a prompt for its first frame (a still keyframe, no motion). The
 * sources, the queries and Google's search suggestions come back with the plans.
 */
import * as v from 'valibot'
import { groundingFields } from '../../../ai/grounding'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../../core/prompt-blocks'
import { requiredText, UiLanguage } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import { brandBlock } from '../../brand/prompt-block'
import type { StepContext } from '../../context'
import { list, prose } from '../../seo/strategy/output'

export { DesignPlanResponse } from '../responses'

export const DesignPlanRequest = v.object({
  topic: requiredText(2000),
  profile: v.optional(BrandProfile),
  uiLanguage: UiLanguage,
})
export type DesignPlanRequest = v.InferOutput<typeof DesignPlanRequest>

export const DesignPlans = v.object({
  plans: list(
    v.object({
      title: prose(80, 'The concept’s name.'),
      description: prose(600, 'What the video shows and why it works, for the user.'),
      prompt: prose(
        3000,
        'The video prompt: subject and action, setting and light, camera, style, sound.'
      ),
      firstFramePrompt: prose(
        1500,
        'An image prompt for the first frame only: a still keyframe, no motion words.'
      ),
    }),
    3,
    3,
    'Exactly three concepts: A cinematic, B avant-garde or stylised, C commercial and dynamic.'
  ),
})

const SYSTEM = [
  'You are a creative director for short videos. Before proposing concepts, search for how videos on the topic are currently shot: lighting, camera movement, motion, editing rhythm, render styles.',
  DATA_RULE,
].join('\n')

export async function designPlans(ctx: StepContext, input: DesignPlanRequest) {
  const { data, grounding } = await ctx.ai.json({
    system: SYSTEM,
    prompt: sections(
      'Propose three video concepts for this topic, based on what you found:',
      dataBlock('topic', input.topic),
      brandBlock(input.profile, { kit: ['colors', 'fonts', 'market'] }),
      'Write the prompts in the language of the topic (technical camera terms may stay in English).',
      languageRule({ ui: input.uiLanguage })
    ),
    schema: DesignPlans,
    grounded: true,
    signal: ctx.signal,
  })
  return { plans: data.plans, ...groundingFields(grounding) }
}
