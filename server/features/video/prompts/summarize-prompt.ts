/**
 * @module video/prompts/summarize-prompt
 * `summarize-prompt`: a title of at most five words for a video prompt, in the prompt's own
 * language, for the job list.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, sections } from '../../../core/prompt-blocks'
import { requiredText } from '../../../core/schema'
import type { StepContext } from '../../context'
import { prose } from '../../seo/strategy/output'

export { SummaryResponse } from '../responses'

export const MAX_SUMMARY_WORDS = 5

export const SummarizePromptRequest = v.object({ prompt: requiredText(4000) })
export type SummarizePromptRequest = v.InferOutput<typeof SummarizePromptRequest>

export const Summary = v.object({
  summary: prose(80, `A title of at most ${MAX_SUMMARY_WORDS} words (or 12 Chinese characters).`),
})

export async function summarizePrompt(ctx: StepContext, input: SummarizePromptRequest) {
  const { data } = await ctx.ai.json({
    model: 'fast',
    deadline: 'interactive',
    system: `You name videos. ${DATA_RULE}`,
    prompt: sections(
      `Give this video prompt a title of at most ${MAX_SUMMARY_WORDS} words, in the prompt's own language, without quotes:`,
      dataBlock('video_prompt', input.prompt)
    ),
    schema: Summary,
    signal: ctx.signal,
  })
  return data
}
