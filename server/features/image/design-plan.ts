/**
 * @module image/design-plan
 * `POST /api/image/design-plan`: visual trend research with Google Search for a topic, then
 * three design plans, each with the final image prompt and a prompt for a reference image.
 * One grounded JSON call where the model family allows it; the sources, the queries and
 * Google's search suggestions come back with the plans, as the grounding terms require.
 */
import * as v from 'valibot'
import { groundingFields } from '../../ai/grounding'
import { DATA_RULE, dataBlock, sections } from '../../core/prompt-blocks'
import { requiredText } from '../../core/schema'
import { brandBlock } from '../brand/prompt-block'
import type { StepContext } from '../context'
import { SAME_LANGUAGE_RULE } from './prompt-language'
import { DesignPlan, type DesignPlanResponse } from './responses'
import { BrandRequest } from './schemas'

export { DesignPlan, DesignPlanResponse } from './responses'

export const PLAN_COUNT = 3

export const DesignPlanRequest = v.object({
  topic: requiredText(2_000),
  brand: v.optional(BrandRequest),
})
export type DesignPlanRequest = v.InferOutput<typeof DesignPlanRequest>

export const DesignPlans = v.object({
  plans: v.pipe(v.array(DesignPlan), v.length(PLAN_COUNT)),
})

export async function planDesigns(
  ctx: StepContext,
  input: DesignPlanRequest
): Promise<DesignPlanResponse> {
  const { data, grounding } = await ctx.ai.json({
    model: 'text',
    grounded: true,
    schema: DesignPlans,
    system: sections(
      'You are a visual designer. Research current visual trends for the topic with Google Search (styles, palettes, compositions that work now), then propose three distinct design plans.',
      DATA_RULE,
      SAME_LANGUAGE_RULE
    ),
    prompt: sections(
      dataBlock('topic', input.topic),
      input.brand && brandBlock(input.brand.profile, { kit: ['colors', 'fonts'] }),
      input.brand && 'Every plan must suit the brand.'
    ),
    signal: ctx.signal,
  })
  return { plans: data.plans, ...groundingFields(grounding) }
}
