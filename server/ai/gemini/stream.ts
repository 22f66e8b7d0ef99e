/**
 * @module ai/gemini/stream
 * Text as it is generated, under an idle budget (restarted by every chunk) so long answers finish
 * and a silent upstream is cut. An answer the model stopped at its length limit is continued
 * (bounded) in the same stream, or ends with `ai_truncated`: never delivered as complete.
 */
import type { Content } from '@google/genai'
import { budgetMs, idleBudget } from '../deadline'
import {
  empty,
  finishReasonOf,
  mergeGrounding,
  readChunkText,
  readGrounding,
  truncated,
} from '../response'
import type { Grounding, StreamEvent, TextRequest } from '../types'
import { callFailure, type GeminiContext, openStream } from './client'
import { continued, MAX_CONTINUATIONS, textConfig, toContents } from './request'

export async function* streamText(
  ctx: GeminiContext,
  modelId: string,
  request: TextRequest
): AsyncGenerator<StreamEvent> {
  const budget = idleBudget(
    budgetMs(ctx.ai.deadlines, { ...request, deadline: 'long' }),
    request.signal
  )
  const options = { budget, signal: request.signal }
  const config = textConfig(modelId, request)
  const contents = toContents(request)
  let answer = ''
  let grounding: Grounding = { sources: [], queries: [] }
  try {
    for (let turn = 0; ; turn++) {
      const request: Content[] = turn === 0 ? contents : continued(contents, answer)
      const chunks = await openStream(ctx, modelId, request, config, options)
      let finish: string | undefined
      try {
        for await (const chunk of chunks) {
          budget.touch()
          const delta = readChunkText(chunk)
          if (delta) {
            answer += delta
            yield { type: 'delta', text: delta }
          }
          grounding = mergeGrounding(grounding, readGrounding(chunk))
          finish = finishReasonOf(chunk) ?? finish
        }
      } catch (error) {
        throw callFailure(error, options)
      }
      if (finish !== 'MAX_TOKENS') break
      if (turn >= MAX_CONTINUATIONS) throw truncated()
      ctx.log.info('gemini stream stopped at its length limit; continuing', { model: modelId })
    }
  } finally {
    budget.dispose()
  }
  if (!answer.trim()) throw empty()
  if (grounding.sources.length || grounding.searchEntryPoint)
    yield { type: 'sources', ...grounding }
}
