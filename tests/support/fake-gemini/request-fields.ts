/**
 * The check Google's front end makes before any model sees a request: every field of the JSON
 * body must be a field of the method's request message, else the answer is 400
 * `Invalid JSON payload received. Unknown name "x" at 'path': Cannot find field.` Fields may be
 * written lowerCamel or snake_case (proto JSON). The messages are Google's own descriptions
 * (`shared/reference/google-api/`: the Developer API's OpenAPI description, Vertex AI's v1beta1
 * discovery document), extracted by `scripts/extract-google-api.ts` into
 * `google-api-messages.json` and read once per process when a fake starts. The Interactions API
 * has no public description in that form and is not checked here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiMessages, Message } from '../../../scripts/extract-google-api'
import { type GoogleError, invalid } from './errors'

type Backend = 'developer' | 'vertex'

export interface RequestFieldCheck {
  /** The refusal of a request body with a field its message does not have, or undefined. */
  request(backend: Backend, action: string, body: unknown): GoogleError | undefined
  /** The fields of a model-list answer its description does not have (for the fake's own tests). */
  listAnswer(backend: Backend, answer: unknown): string[]
}

let loaded: RequestFieldCheck | undefined

/** Google's messages, read once per process. */
export function loadRequestFieldCheck(): RequestFieldCheck {
  if (loaded) return loaded
  const file = join(import.meta.dir, 'google-api-messages.json')
  const apis = JSON.parse(readFileSync(file, 'utf8')) as Record<Backend, ApiMessages>
  const unknownFields = (api: ApiMessages, root: string, value: unknown) => {
    const found: string[] = []
    walk(api, { $ref: root }, value, '', found)
    return found
  }
  loaded = {
    request(backend, action, body) {
      const api = apis[backend]
      const root = api.requests[action]
      if (!root || body === undefined) return undefined
      const found = unknownFields(api, root, body)
      return found.length ? invalid(found.join('\n')) : undefined
    },
    listAnswer: (backend, answer) =>
      unknownFields(apis[backend], apis[backend].lists.models as string, answer),
  }
  return loaded
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Adds Google's message for each field `value` has that `raw` does not. */
function walk(api: ApiMessages, raw: Message, value: unknown, path: string, found: string[]) {
  const schema = raw.$ref ? (api.messages[raw.$ref] ?? {}) : raw
  if (Array.isArray(value)) {
    const items = schema.items
    if (items) value.forEach((item, i) => void walk(api, items, item, `${path}[${i}]`, found))
    return
  }
  if (value === null || typeof value !== 'object') return
  // Free-form values (google.protobuf.Struct and Value, JSON Schemas): any field goes.
  if (schema.type === 'any' || schema.oneOf || schema.additionalProperties === true) return
  if (!schema.properties && typeof schema.additionalProperties === 'object') {
    const values = schema.additionalProperties
    for (const [key, item] of Object.entries(value))
      walk(api, values, item, `${path}.${key}`, found)
    return
  }
  for (const [key, item] of Object.entries(value)) {
    const name = camel(key)
    const field = schema.properties?.[name]
    const at = path ? `${path}.${snake(name)}` : snake(name)
    if (field) walk(api, field, item, at, found)
    else
      found.push(
        `Invalid JSON payload received. Unknown name "${key}"${path ? ` at '${path}'` : ''}: Cannot find field.`
      )
  }
}
