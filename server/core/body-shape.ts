/**
 * @module body-shape
 * Two rules every JSON body follows, read from the schema that validates it, before it does:
 * `null` for an optional field means the field is absent (its default applies), unless the field
 * itself accepts `null`; and a field the schema does not know is named (`unknown`), where the
 * schema's objects are plain or strict (a loose object takes anything). Unknown fields are left
 * out of the value, so a caller that tolerates them (reading stored documents) can parse it.
 */
import * as v from 'valibot'

interface Node {
  type: string
  wrapped?: Node
  entries?: Record<string, Node>
  item?: Node
  items?: Node[]
  options?: Node[]
  key?: string | Node
  value?: Node
  getter?: (input: unknown) => Node
}

export interface Shaped {
  value: unknown
  /** Dotted paths of fields the schema does not know. */
  unknown: string[]
}

const WRAPPERS = new Set([
  'optional',
  'exact_optional',
  'undefinedable',
  'nullable',
  'nullish',
  'non_optional',
  'non_nullable',
  'non_nullish',
])
const OPTIONAL = new Set(['optional', 'exact_optional', 'undefinedable', 'nullish'])
const CHECKED_OBJECTS = new Set(['object', 'strict_object'])
const OBJECTS = new Set([...CHECKED_OBJECTS, 'loose_object', 'object_with_rest'])

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Whether `schema` (through its wrappers) takes `null` as a value of its own. */
function acceptsNull(schema: Node): boolean {
  if (schema.type === 'null' || schema.type === 'nullable' || schema.type === 'nullish') return true
  return schema.wrapped ? acceptsNull(schema.wrapped) : false
}

const join = (path: string, key: string | number) =>
  path === '' ? String(key) : `${path}.${String(key)}`

function shape(schema: Node, value: unknown, path: string, unknown: string[]): unknown {
  if (WRAPPERS.has(schema.type)) {
    return value === undefined || value === null || !schema.wrapped
      ? value
      : shape(schema.wrapped, value, path, unknown)
  }
  if (OBJECTS.has(schema.type) && isRecord(value) && schema.entries) {
    const entries = schema.entries
    const out: Record<string, unknown> = {}
    for (const [key, field] of Object.entries(value)) {
      const entry = entries[key]
      if (!entry) {
        if (CHECKED_OBJECTS.has(schema.type)) unknown.push(join(path, key))
        else out[key] = field
        continue
      }
      if (field === null && OPTIONAL.has(entry.type) && !acceptsNull(entry)) continue
      out[key] = shape(entry, field, join(path, key), unknown)
    }
    return out
  }
  if (schema.type === 'array' && Array.isArray(value) && schema.item) {
    const item = schema.item
    return value.map((each, i) => shape(item, each, join(path, i), unknown))
  }
  if (schema.type === 'record' && isRecord(value) && schema.value) {
    const each = schema.value
    return Object.fromEntries(
      Object.entries(value).map(([k, field]) => [k, shape(each, field, join(path, k), unknown)])
    )
  }
  if (schema.type === 'variant' && isRecord(value) && typeof schema.key === 'string') {
    const key = schema.key
    const option = schema.options?.find((o) => {
      const discriminator = o.entries?.[key]
      return discriminator && v.is(discriminator as unknown as v.GenericSchema, value[key])
    })
    return option ? shape(option, value, path, unknown) : value
  }
  if (schema.type === 'union') {
    // The first option the shaped value fits decides; none fits: the union's own error says why.
    for (const option of schema.options ?? []) {
      const found: string[] = []
      const shaped = shape(option, value, path, found)
      if (v.is(option as unknown as v.GenericSchema, shaped)) {
        unknown.push(...found)
        return shaped
      }
    }
    return value
  }
  if (schema.type === 'lazy' && schema.getter)
    return shape(schema.getter(value), value, path, unknown)
  return value
}

/** `value` with absent-meaning nulls removed and unknown fields left out (and named). */
export function shapeBody(schema: v.GenericSchema, value: unknown): Shaped {
  const unknown: string[] = []
  const shaped = shape(schema as unknown as Node, value, '', unknown)
  return { value: shaped, unknown }
}
