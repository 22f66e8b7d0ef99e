/**
 * @module ai/json-schema
 * valibot schema -> the plain JSON Schema sent as `responseJsonSchema` / `parametersJsonSchema`.
 * Converted once per schema; `$schema` is dropped (the API does not expect it).
 */
import { toJsonSchema } from '@valibot/to-json-schema'
import type * as v from 'valibot'

const cache = new WeakMap<object, Record<string, unknown>>()

export function jsonSchemaOf(schema: v.GenericSchema): Record<string, unknown> {
  let out = cache.get(schema)
  if (!out) {
    const { $schema: _ignored, ...rest } = toJsonSchema(schema, {
      errorMode: 'ignore',
      typeMode: 'output',
    }) as Record<string, unknown>
    out = rest
    cache.set(schema, out)
  }
  return out
}
