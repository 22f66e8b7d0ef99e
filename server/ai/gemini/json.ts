/**
 * @module ai/gemini/json
 * JSON mode: the valibot schema is sent as the response schema and validates the answer; an
 * invalid answer is re-asked once, then refused with a 502; a cut one is `ai_truncated`.
 * Grounded JSON is one call (Google Search plus the schema) on families that allow it, and
 * research-then-structure (two calls) on those that do not, or on a model that refused the one
 * call (remembered, `ai/request-correction`).
 */
import * as v from 'valibot'
import { errors } from '../../core/errors'
import { dataBlock } from '../../core/prompt-blocks'
import { budgetMs } from '../deadline'
import { jsonSchemaOf } from '../json-schema'
import { rulesOf } from '../models'
import {
  assertNotBlocked,
  empty,
  finishReasonOf,
  isTruncated,
  NO_GROUNDING,
  readChunkText,
  readGrounding,
  truncated,
} from '../response'
import type { BaseRequest, Grounding, JsonRequest, JsonResult } from '../types'
import { type CallOptions, callOptions, type GeminiContext, generate, underBudget } from './client'
import { generationConfig, toContents } from './request'
import { text } from './text'

export async function json<S extends v.GenericSchema>(
  ctx: GeminiContext,
  modelId: string,
  request: JsonRequest<S>
): Promise<JsonResult<v.InferOutput<S>>> {
  const oneCall =
    request.grounded && rulesOf(modelId).searchWithJson && ctx.correction.searchWithJson(modelId)
  // One budget for the whole operation, research call included.
  const ms = budgetMs(ctx.ai.deadlines, request)
  const started = Date.now()
  let grounding: Grounding = NO_GROUNDING
  let prompt = request.prompt
  if (request.grounded && !oneCall) {
    const research = await text(ctx, modelId, {
      ...request,
      prompt: researchPrompt(request.prompt),
      grounded: true,
      timeoutMs: ms,
    })
    grounding = research.grounding
    prompt = withFindings(request.prompt, research.text)
  }
  return underBudget(
    callOptions(ctx, request, Math.max(1, ms - (Date.now() - started))),
    (options) => structured(ctx, modelId, { ...request, prompt }, options, oneCall, grounding)
  )
}

/** The JSON call itself: asked at most twice, the answer validated with the request's schema. */
async function structured<S extends v.GenericSchema>(
  ctx: GeminiContext,
  modelId: string,
  request: JsonRequest<S>,
  options: CallOptions,
  oneCall: boolean | undefined,
  researched: Grounding
): Promise<JsonResult<v.InferOutput<S>>> {
  let grounding = researched
  const config = {
    ...generationConfig(modelId, request),
    ...(oneCall ? { tools: [{ googleSearch: {} }] } : {}),
    responseMimeType: 'application/json',
    responseJsonSchema: jsonSchemaOf(request.schema),
  }
  const contents = toContents(request)
  for (let attempt = 1; attempt <= 2; attempt++) {
    let response: Awaited<ReturnType<typeof generate>>
    try {
      response = await generate(ctx, modelId, contents, config, options)
    } catch (error) {
      // The model refused Search with the schema in one call: research, then structure, once.
      if (oneCall && !ctx.correction.searchWithJson(modelId)) {
        return json(ctx, modelId, {
          ...request,
          timeoutMs: Math.max(1, (options.budget.deadline ?? Date.now()) - Date.now()),
        })
      }
      throw error
    }
    assertNotBlocked(response)
    if (isTruncated(response)) throw truncated()
    if (oneCall) grounding = readGrounding(response)
    const raw = readChunkText(response)
    if (!raw.trim()) throw empty(finishReasonOf(response))
    const parsed = parseJson(raw)
    const result = parsed.ok ? v.safeParse(request.schema, parsed.value) : undefined
    if (result?.success) return { data: result.output as v.InferOutput<S>, grounding }
    ctx.log.warn('gemini answered JSON that does not match the schema', {
      attempt,
      model: modelId,
      problem: result
        ? result.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '.'}: ${i.message}`)
        : 'not JSON',
    })
  }
  throw errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
}

function researchPrompt(prompt: BaseRequest['prompt']): BaseRequest['prompt'] {
  const lead =
    'Research the task below with Google Search. Report the facts you find (names, figures, dates, URLs) as concise notes; do not write the final answer yet.\n\n'
  return typeof prompt === 'string' ? lead + prompt : [{ text: lead }, ...prompt]
}

function withFindings(prompt: BaseRequest['prompt'], findings: string): BaseRequest['prompt'] {
  const notes = `\n\nResearch notes from Google Search (use them as evidence):\n${dataBlock('research', findings)}`
  return typeof prompt === 'string' ? prompt + notes : [...prompt, { text: notes }]
}

export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) }
  } catch {
    // Some models wrap JSON in a fence despite JSON mode.
    const fenced = raw.match(/```(?:json)?\s*([\s\S]*?)```/)?.[1]
    if (!fenced) return { ok: false }
    try {
      return { ok: true, value: JSON.parse(fenced) }
    } catch {
      return { ok: false }
    }
  }
}
