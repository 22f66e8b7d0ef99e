/**
 * @module seo/strategy/function-call
 * Typed arguments of the function the model called. The gateway has already validated them
 * with the same schema; parsing again gives the types back without a cast.
 */
import * as v from 'valibot'
import type { FunctionCallResult } from '../../../ai/types'
import { errors } from '../../../core/errors'

export function argsOf<S extends v.GenericSchema>(
  result: FunctionCallResult,
  name: string,
  schema: S
): v.InferOutput<S> | undefined {
  if (result.call?.name !== name) return undefined
  const parsed = v.safeParse(schema, result.call.args)
  if (!parsed.success) throw unexpectedAnswer()
  return parsed.output
}

export const unexpectedAnswer = () =>
  errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
