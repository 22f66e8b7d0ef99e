/**
 * @module ai/gemini/functions
 * Function calling: the declarations are sent as JSON Schema and the model's arguments validated
 * with the same valibot schemas. A malformed call or invalid arguments are re-asked once; a cut
 * answer is `ai_truncated`. The model's turn comes back with its thought signatures, so a later
 * history can replay it (Gemini 3 refuses a replayed call without them).
 */
import * as v from 'valibot'
import { errors } from '../../core/errors'
import { jsonSchemaOf } from '../json-schema'
import {
  assertNotBlocked,
  empty,
  finishReasonOf,
  isTruncated,
  modelTurnOf,
  readChunkText,
  truncated,
} from '../response'
import type { FunctionCallResult, FunctionRequest } from '../types'
import { type CallOptions, callOptions, type GeminiContext, generate, underBudget } from './client'
import { generationConfig, toContents } from './request'

export const callFunction = (
  ctx: GeminiContext,
  modelId: string,
  request: FunctionRequest
): Promise<FunctionCallResult> =>
  underBudget(callOptions(ctx, request), (options) => callWith(ctx, modelId, request, options))

async function callWith(
  ctx: GeminiContext,
  modelId: string,
  request: FunctionRequest,
  options: CallOptions
): Promise<FunctionCallResult> {
  const config = {
    ...generationConfig(modelId, request),
    tools: [
      {
        functionDeclarations: request.functions.map((f) => ({
          name: f.name,
          description: f.description,
          parametersJsonSchema: jsonSchemaOf(f.parameters),
        })),
      },
    ],
    toolConfig: {
      functionCallingConfig: { mode: request.mode === 'any' ? 'ANY' : 'AUTO' } as never,
    },
  }
  const contents = toContents(request)
  for (let attempt = 1; attempt <= 2; attempt++) {
    const response = await generate(ctx, modelId, contents, config, options)
    assertNotBlocked(response)
    if (finishReasonOf(response) === 'MALFORMED_FUNCTION_CALL') {
      ctx.log.warn('gemini made a malformed function call', { attempt, model: modelId })
      continue
    }
    if (isTruncated(response)) throw truncated()
    const call = response.functionCalls?.find((c) =>
      request.functions.some((f) => f.name === c.name)
    )
    if (call) {
      const spec = request.functions.find((f) => f.name === call.name)
      const result = spec && v.safeParse(spec.parameters, call.args ?? {})
      if (result?.success) {
        return {
          call: { name: call.name as string, args: result.output as Record<string, unknown> },
          text: '',
          modelTurn: modelTurnOf(response),
        }
      }
      ctx.log.warn('gemini called a function with invalid arguments', { attempt, name: call.name })
      continue
    }
    if (!response.candidates?.[0]?.content?.parts?.length) throw empty(finishReasonOf(response))
    if (request.mode === 'any') {
      ctx.log.warn('gemini answered without the required function call', { attempt })
      continue
    }
    return { text: readChunkText(response), modelTurn: modelTurnOf(response) }
  }
  throw errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
}
