/**
 * @module validate
 * Request validation with valibot. Failures become a 400 envelope listing each field and what it
 * expects; the submitted values are never echoed back (they may be large, private or hostile).
 * JSON bodies follow `body-shape.ts` first: `null` for an optional field is the field left out,
 * and a field the schema does not know is a 400 naming it. The validators say which schema they
 * check (`openapi/route-doc`), so the API document shows exactly what is validated.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { validator } from 'hono/validator'
import * as v from 'valibot'
import { shapeBody } from './body-shape'
import type { AppEnv } from './context'
import { errors, type FieldIssue } from './errors'
import { fieldIssue, fieldRuleOf } from './field-rules'
import { annotate } from './openapi/route-doc'

type AnySchema = v.GenericSchema

/** Messages that describe the rule, never the received value. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const req = 'requirement' in issue ? issue.requirement : undefined
  const unit = typeof issue.input === 'string' ? 'characters' : 'items'
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return 'Required'
    if (issue.type === 'picklist' || issue.type === 'enum')
      return `Must be one of ${issue.expected}`
    return `Expected ${issue.expected}`
  }
  switch (issue.type) {
    case 'min_length':
    case 'non_empty':
      return req === undefined || req === 1
        ? 'Must not be empty'
        : `Must have at least ${req} ${unit}`
    case 'max_length':
      return `Must have at most ${req} ${unit}`
    case 'min_value':
      return `Must be at least ${String(req)}`
    case 'max_value':
      return `Must be at most ${String(req)}`
    case 'integer':
      return 'Must be a whole number'
    case 'url':
      return 'Must be a valid URL'
    case 'regex':
      return 'Has an invalid format'
    default:
      return `Invalid value${issue.expected ? ` (expected ${issue.expected})` : ''}`
  }
}

// Default messages for every schema that does not give its own.
v.setGlobalMessage(describeIssue)

/**
 * Flattens valibot issues into `{ field, message, rule? }` (field paths are dotted; `rule` is the
 * broken rule coded for the UI, see field-rules.ts).
 */
export function toFieldIssues(issues: readonly v.BaseIssue<unknown>[]): FieldIssue[] {
  return issues.slice(0, 20).map((issue) => {
    const rule = fieldRuleOf(issue, describeIssue(issue))
    return { field: v.getDotPath(issue) ?? '(body)', message: issue.message, ...(rule && { rule }) }
  })
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i

/** What a JSON-validated route takes (the schema's input: defaulted fields optional) and gives. */
export type JsonTarget<S extends AnySchema> = {
  in: { json: v.InferInput<S> }
  out: { json: v.InferOutput<S> }
}

/**
 * Parses a JSON body with `schema` after `body-shape`'s rules; 400 `invalid_input` naming every
 * unknown field and every field that does not match. `unknownFields: 'ignore'` drops unknown
 * fields instead (documents written by another version of the app: stored work, export files).
 */
export function parseBody<S extends AnySchema>(
  schema: S,
  body: unknown,
  options: { unknownFields?: 'reject' | 'ignore' } = {}
): v.InferOutput<S> {
  const shaped = shapeBody(schema, body)
  const result = v.safeParse(schema, shaped.value)
  const unknown = options.unknownFields === 'ignore' ? [] : shaped.unknown
  if (result.success && unknown.length === 0) return result.output
  const issues = [
    ...unknown.map((field) => fieldIssue(field, 'unknown_field')),
    ...(result.success ? [] : toFieldIssues(result.issues)),
  ]
  throw errors.invalidInput(issues.slice(0, 20))
}

/**
 * Validates the JSON body: 415 unless it is sent as JSON, 400 `malformed_json` when it does not
 * parse, 400 `invalid_input` with field issues when it does not match `schema` (`parseBody`).
 * Once the body is read, Bun's idle timeout is lifted for the request.
 */
export const jsonBody = <S extends AnySchema>(
  schema: S
): MiddlewareHandler<AppEnv, string, JsonTarget<S>> => {
  // Never answers itself (failures throw), so it is a plain middleware for the typed target.
  const inner = validator('json', (value: unknown) =>
    parseBody(schema, value)
  ) as unknown as MiddlewareHandler<AppEnv, string, JsonTarget<S>>
  return annotate<MiddlewareHandler<AppEnv, string, JsonTarget<S>>>(
    async (c, next) => {
      await readJson(c)
      // The body is in; what follows is our own work (model calls, each with its own deadline,
      // and Cloud Run's request timeout above all), which Bun's idle timeout must not cut.
      c.env?.timeout?.(c.req.raw, 0)
      return inner(c, next)
    },
    { body: schema }
  )
}

/** `jsonBody` for a schema that lives in a module loaded on the first request. */
export const lazyJsonBody = <S extends AnySchema>(
  load: () => Promise<S>
): MiddlewareHandler<AppEnv, string, JsonTarget<S>> => {
  let middleware: MiddlewareHandler<AppEnv, string, JsonTarget<S>> | undefined
  return annotate<MiddlewareHandler<AppEnv, string, JsonTarget<S>>>(
    async (c, next) => {
      middleware ??= jsonBody(await load())
      return middleware(c, next)
    },
    { body: load }
  )
}

/** Validates the query string against `schema` (values are strings). */
export const queryParams = <S extends AnySchema>(schema: S) =>
  annotate(
    validator('query', (value: unknown) => {
      const result = v.safeParse(schema, value)
      if (!result.success) throw errors.invalidInput(toFieldIssues(result.issues))
      return result.output as v.InferOutput<S>
    }),
    { query: schema }
  )

/** 415 unless the body is sent as JSON, 400 `malformed_json` when it does not parse. */
export async function readJson(c: Context): Promise<void> {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? ''
  if (!JSON_TYPE.test(mediaType)) throw errors.unsupportedMediaType('application/json')
  try {
    // Cached by Hono, so the validator reads the same parsed value.
    await c.req.json()
  } catch {
    throw errors.malformedJson()
  }
}
