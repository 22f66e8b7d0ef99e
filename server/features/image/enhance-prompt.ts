/**
 * @module image/enhance-prompt
 * `POST /api/image/enhance-prompt`: three distinct, fuller prompts for the user's idea, each
 * `{ title, description, tags, fullPrompt }`, in JSON mode with a schema, in the language of
 * the idea; a brand kit steers them when sent.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, sections } from '../../core/prompt-blocks'
import { requiredText } from '../../core/schema'
import { brandBlock } from '../brand/prompt-block'
import type { StepContext } from '../context'
import { SAME_LANGUAGE_RULE } from './prompt-language'
import { EnhanceResponse, PromptOption } from './responses'
import { BrandRequest } from './schemas'

export { EnhanceResponse, PromptOption }

export const OPTION_COUNT = 3

export const EnhancePromptRequest = v.object({
  prompt: requiredText(4_000),
  brand: v.optional(BrandRequest),
})
export type EnhancePromptRequest = v.InferOutput<typeof EnhancePromptRequest>

export const EnhancedPrompts = v.object({
  options: v.pipe(v.array(PromptOption), v.length(OPTION_COUNT)),
})

export async function enhancePrompt(
  ctx: StepContext,
  input: EnhancePromptRequest
): Promise<{ options: PromptOption[] }> {
  const { data } = await ctx.ai.json({
    model: 'fast',
    schema: EnhancedPrompts,
    system: sections(
      'You are an art director. Turn a rough image idea into three clearly different, detailed prompts for an image model.',
      DATA_RULE,
      SAME_LANGUAGE_RULE
    ),
    prompt: sections(
      dataBlock('idea', input.prompt),
      input.brand && brandBlock(input.brand.profile, { kit: ['colors', 'fonts'] }),
      input.brand && 'Keep the options on brand: its palette, type and tone.'
    ),
    signal: ctx.signal,
  })
  return { options: data.options }
}
