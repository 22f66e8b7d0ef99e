/**
 * @module video/prompts/enhance-prompt
 * `enhance-prompt`: three fuller video prompts from a short idea, each covering subject and
 * action, setting and light, camera, style, and sound, and each taking the idea in another
 * direction (realistic, stylised, dynamic). Written in the idea's language; the explanations
 * for the user in the UI language. A brand profile, when given, steers the look.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, languageRule, sections } from '../../../core/prompt-blocks'
import { requiredText, UiLanguage } from '../../../core/schema'
import { BrandProfile } from '../../brand/profile'
import { brandBlock } from '../../brand/prompt-block'
import type { StepContext } from '../../context'
import { list, prose } from '../../seo/strategy/output'

export { EnhanceResponse } from '../responses'

/** What every option must cover, in the order a video prompt is read. */
export const PROMPT_ASPECTS = [
  'subject and action',
  'setting and light',
  'camera',
  'style',
  'sound',
] as const

export const EnhancePromptRequest = v.object({
  prompt: requiredText(4000),
  profile: v.optional(BrandProfile),
  uiLanguage: UiLanguage,
})
export type EnhancePromptRequest = v.InferOutput<typeof EnhancePromptRequest>

export const EnhancedPrompts = v.object({
  options: list(
    v.object({
      title: prose(80, 'A short name for this direction.'),
      description: prose(400, 'One or two sentences for the user on what this version does.'),
      tags: list(prose(40, 'A keyword.'), 3, 4, 'Three or four keywords of the look.'),
      fullPrompt: prose(3000, `The complete video prompt, covering ${PROMPT_ASPECTS.join(', ')}.`),
    }),
    3,
    3,
    'Exactly three options: A realistic and cinematic, B creative and stylised, C dynamic and full of action.'
  ),
})
export type EnhancedPrompts = v.InferOutput<typeof EnhancedPrompts>

const SYSTEM = [
  'You are a video prompt specialist for generative video models (Veo, Gemini Omni).',
  `Every prompt you write covers, in this order: ${PROMPT_ASPECTS.join('; ')}. Camera language (shot size, lens, movement) is never left out; sound means ambience, effects, music or dialogue.`,
  DATA_RULE,
].join('\n')

export async function enhancePrompt(
  ctx: StepContext,
  input: EnhancePromptRequest
): Promise<EnhancedPrompts> {
  const { data } = await ctx.ai.json({
    model: 'fast',
    deadline: 'interactive',
    system: SYSTEM,
    prompt: sections(
      'Turn this video idea into three complete video prompts:',
      dataBlock('idea', input.prompt),
      brandBlock(input.profile, { kit: ['colors', 'market'] }),
      'Write each fullPrompt in the language of the idea (technical camera terms may stay in English).',
      languageRule({ ui: input.uiLanguage })
    ),
    schema: EnhancedPrompts,
    signal: ctx.signal,
  })
  return data
}
