/**
 * @module image/summarize-prompt
 * `POST /api/image/summarize-prompt`: a title of at most seven words for an image's prompt, in
 * the prompt's language (words counted by the platform's word segmenter, so Chinese counts
 * words, not characters). A longer answer is re-asked once, then refused.
 */
import * as v from 'valibot'
import { DATA_RULE, dataBlock, sections } from '../../core/prompt-blocks'
import { requiredText } from '../../core/schema'
import type { StepContext } from '../context'
import { SAME_LANGUAGE_RULE } from './prompt-language'

export { SummaryResponse } from './responses'

export const MAX_TITLE_WORDS = 7

export const SummarizePromptRequest = v.object({ prompt: requiredText(8_000) })
export type SummarizePromptRequest = v.InferOutput<typeof SummarizePromptRequest>

const words = new Intl.Segmenter(undefined, { granularity: 'word' })

/** Words in `text` (punctuation and spaces are not words). */
export const wordCount = (text: string) =>
  [...words.segment(text)].filter((segment) => segment.isWordLike).length

export const PromptTitle = v.object({
  title: v.pipe(
    requiredText(120),
    v.check((t) => wordCount(t) <= MAX_TITLE_WORDS, `Must have at most ${MAX_TITLE_WORDS} words`),
    v.description(`A title of at most ${MAX_TITLE_WORDS} words, no quotes.`)
  ),
})

export async function summarizePrompt(
  ctx: StepContext,
  input: SummarizePromptRequest
): Promise<{ title: string }> {
  const { data } = await ctx.ai.json({
    model: 'fast',
    schema: PromptTitle,
    system: sections(
      `Give the image described in the data block a short title of at most ${MAX_TITLE_WORDS} words, like a gallery caption.`,
      DATA_RULE,
      SAME_LANGUAGE_RULE
    ),
    prompt: dataBlock('image_prompt', input.prompt),
    deadline: 'interactive',
    signal: ctx.signal,
  })
  return { title: data.title }
}
