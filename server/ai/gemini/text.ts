/**
 * @module ai/gemini/text
 * One text answer. An answer cut at the length limit is continued by a bounded number of
 * continuation calls, then refused as `ai_truncated`. `long` requests (whole articles) are
 * streamed internally, so the idle budget, not a total one, bounds them: tokens already paid
 * for are never thrown away by a deadline.
 */
import {
  empty,
  isTruncated,
  mergeGrounding,
  readChunkText,
  readGrounding,
  truncated,
} from '../response'
import type { Grounding, TextRequest, TextResult } from '../types'
import { type CallOptions, callOptions, type GeminiContext, generate, underBudget } from './client'
import { continued, MAX_CONTINUATIONS, textConfig, toContents } from './request'
import { streamText } from './stream'

export async function text(
  ctx: GeminiContext,
  modelId: string,
  request: TextRequest
): Promise<TextResult> {
  if (request.deadline === 'long') return collect(streamText(ctx, modelId, request))
  return underBudget(callOptions(ctx, request), (options) =>
    textWith(ctx, modelId, request, options)
  )
}

async function textWith(
  ctx: GeminiContext,
  modelId: string,
  request: TextRequest,
  options: CallOptions
): Promise<TextResult> {
  const config = textConfig(modelId, request)
  const contents = toContents(request)
  let answer = ''
  let grounding: Grounding = { sources: [], queries: [] }
  for (let turn = 0; ; turn++) {
    const response = await generate(
      ctx,
      modelId,
      turn === 0 ? contents : continued(contents, answer),
      config,
      options
    )
    answer += readChunkText(response)
    grounding = mergeGrounding(grounding, readGrounding(response))
    if (!isTruncated(response)) break
    if (turn >= MAX_CONTINUATIONS || !answer.trim()) throw truncated()
    ctx.log.info('gemini answer stopped at its length limit; continuing', { model: modelId })
  }
  if (!answer.trim()) throw empty()
  return { text: answer, grounding }
}

async function collect(events: ReturnType<typeof streamText>): Promise<TextResult> {
  let answer = ''
  let grounding: Grounding = { sources: [], queries: [] }
  for await (const event of events) {
    if (event.type === 'delta') answer += event.text
    else
      grounding = {
        sources: event.sources,
        queries: event.queries,
        ...(event.searchEntryPoint ? { searchEntryPoint: event.searchEntryPoint } : {}),
      }
  }
  return { text: answer, grounding }
}
