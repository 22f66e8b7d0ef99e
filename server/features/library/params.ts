/**
 * @module library/params
 * Path parameters and bodies of the library routes: the kind (404 when unknown), the document
 * id and version number (400 when malformed), and the JSON body of a write, checked in order:
 * JSON (415, 400), no embedded image data (400 naming the fields), the kind's schema (400 with
 * field issues; `core/validate` `parseBody`). Schemas load on the first write.
 *
 * A document written with `PUT` is a request like any other: a field the schema does not know
 * is a 400 naming it (reads answer documents in today's shape, so saving back what was read
 * never trips it). An imported export file is a stored document: fields an older or newer
 * version of the app wrote are left out, never refused, so old exports keep importing.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type * as v from 'valibot'
import type { AppEnv } from '../../core/context'
import { errors } from '../../core/errors'
import { once } from '../../core/lazy'
import { parseBody, readJson } from '../../core/validate'
import { DOCUMENT_ID, isLibraryKind, type LibraryKind } from './kinds'

const schemas = once(async () => {
  const [kinds, inline] = await Promise.all([import('./schemas'), import('./schemas/inline-media')])
  return { kinds, inline }
})
type Schemas = Awaited<ReturnType<typeof schemas>>['kinds']

export function kindOf(c: Context<AppEnv>): LibraryKind {
  const kind = c.req.param('kind') ?? ''
  if (!isLibraryKind(kind)) throw errors.notFound('This kind of saved work')
  return kind
}

export function idOf(c: Context<AppEnv>, name = 'id'): string {
  const id = c.req.param(name) ?? ''
  if (!DOCUMENT_ID.test(id)) {
    throw errors.invalidInput([
      {
        field: name,
        message:
          'Must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit',
      },
    ])
  }
  return id
}

/** `?id=` when given (validated like a path id), else undefined. */
export function queryIdOf(c: Context<AppEnv>): string | undefined {
  const id = c.req.query('id')
  if (id === undefined) return undefined
  if (!DOCUMENT_ID.test(id)) {
    throw errors.invalidInput([
      {
        field: 'id',
        message:
          'Must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit',
      },
    ])
  }
  return id
}

export function versionOf(c: Context<AppEnv>): number {
  const version = c.req.param('version') ?? ''
  if (!/^[1-9]\d{0,8}$/.test(version)) {
    throw errors.invalidInput([{ field: 'version', message: 'Must be a version number' }])
  }
  return Number(version)
}

type BodyTarget<In, Out> = { in: { json: In }; out: { json: Out } }

/**
 * Validates a write's JSON body with the schema `pick` chooses for the path's kind.
 * @example
 * .put('/:kind/:id', validBody((s, kind) => s.DOCUMENT_SCHEMAS[kind]), handler)
 */
export const validBody = <In, Out>(
  pick: (s: Schemas, kind: LibraryKind) => v.GenericSchema,
  unknownFields: 'reject' | 'ignore' = 'reject'
): MiddlewareHandler<AppEnv, string, BodyTarget<In, Out>> =>
  async function validBody(c, next) {
    const kind = kindOf(c)
    if (c.req.param('id') !== undefined) idOf(c)
    await readJson(c)
    const body: unknown = await c.req.json()
    const { kinds, inline } = await schemas()
    const embedded = inline.findInlineMedia(body)
    if (embedded.length > 0) {
      throw errors.badRequest(
        'inline_media',
        'Images must be uploaded and referenced by media id, not embedded in the document.',
        { issues: embedded }
      )
    }
    const document = parseBody(pick(kinds, kind), body, { unknownFields })
    c.req.addValidatedData('json', document as object)
    await next()
  }
