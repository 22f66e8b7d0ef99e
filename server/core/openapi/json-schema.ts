/**
 * @module openapi/json-schema
 * valibot schema -> JSON Schema 2020-12 (the dialect of OpenAPI 3.1), for a request (what the
 * server accepts: defaults optional, stops at transforms) or a response (what it sends).
 * Request objects are closed (`additionalProperties: false`), since an unknown field is refused
 * (`core/validate`); response objects stay open, so clients built on them keep working when a
 * field is added. `closed` also closes response objects: the tests validate answers with it, so
 * a field the document does not name fails them.
 */
import { type ConversionConfig, toJsonSchema } from '@valibot/to-json-schema'
import type { GenericSchema } from 'valibot'

export type Json = Record<string, unknown>
export type Direction = 'request' | 'response'

export interface ConvertOptions {
  /** Close response objects too (tests). */
  closed?: boolean
}

const CLOSABLE = new Set(['object', 'strict_object'])
/** Actions JSON Schema cannot say: cross-field checks and normalisations (the value is still a string). */
const UNSAID = ['check', 'trim', 'to_lower_case', 'to_upper_case', 'transform', 'args', 'returns']

export function convert(
  schema: GenericSchema,
  direction: Direction,
  options: ConvertOptions = {}
): Json {
  const close = direction === 'request' || options.closed === true
  const config: ConversionConfig = {
    target: 'draft-2020-12',
    typeMode: direction === 'request' ? 'input' : 'output',
    errorMode: 'throw',
    ignoreActions: UNSAID,
    // JSON Schema patterns have no flags: a case-insensitive rule is left to the server.
    overrideAction: ({ valibotAction, jsonSchema }) => {
      const rule = 'requirement' in valibotAction ? valibotAction.requirement : undefined
      if (!(rule instanceof RegExp) || !rule.flags) return undefined
      const { pattern: _flagged, ...rest } = jsonSchema
      return rest
    },
    overrideSchema: ({ valibotSchema, jsonSchema }) => {
      if (close && CLOSABLE.has(valibotSchema.type) && !('additionalProperties' in jsonSchema)) {
        return { ...jsonSchema, additionalProperties: false }
      }
      return undefined
    },
  }
  const { $schema: _dialect, ...json } = toJsonSchema(schema, config) as Json
  if ('$defs' in json) throw new Error('Recursive schemas are not supported in the API document')
  return json
}
