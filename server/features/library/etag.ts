/**
 * @module library/etag
 * ETags and preconditions of the library API. The ETag of a document is derived from its
 * store generation (opaque and quoted for clients); `If-Match` names the version an update or
 * delete is based on, `If-None-Match: *` marks a create, and one of them is required (428).
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../core/context'
import { AppError, errors } from '../../core/errors'

export const etagOf = (generation: string) => `"${generation}"`

/** The generation an `If-Match` ETag names, or undefined when it is not one of ours. */
export function generationOf(etag: string): string | undefined {
  return /^"(\d{1,30})"$/.exec(etag.trim())?.[1]
}

/**
 * A create (`If-None-Match: *`) or a change of one version (`If-Match: "<etag>"`); `generation`
 * is undefined for an ETag that is not one of ours (weak, or from elsewhere), which never matches.
 */
export type Precondition = { create: true } | { create: false; generation: string | undefined }

const PRECONDITION_REQUIRED =
  'Send If-Match with the ETag of the version you changed (or If-None-Match: * to create the document), so that no one else’s change is overwritten.'

/** The precondition of a PUT. @throws 428 without one, 400 for a malformed one. */
export function writePrecondition(c: Context<AppEnv>): Precondition {
  const ifNoneMatch = c.req.header('If-None-Match')?.trim()
  if (!ifNoneMatch) return ifMatchOf(c)
  if (c.req.header('If-Match')?.trim()) {
    throw invalidPrecondition('Send either If-Match or If-None-Match, not both.')
  }
  if (ifNoneMatch !== '*') throw invalidPrecondition('To create a document send If-None-Match: *.')
  return { create: true }
}

/** The `If-Match` of a change (PUT, DELETE, restore). @throws 428 without it, 400 when malformed. */
export function ifMatchOf(c: Context<AppEnv>): Extract<Precondition, { create: false }> {
  const ifMatch = c.req.header('If-Match')?.trim()
  if (!ifMatch) {
    if (c.req.header('If-None-Match') && c.req.method !== 'PUT') {
      throw invalidPrecondition('This request takes If-Match only.')
    }
    throw new AppError(428, 'precondition_required', PRECONDITION_REQUIRED)
  }
  if (ifMatch === '*' || ifMatch.includes(',')) {
    throw invalidPrecondition('If-Match must name one ETag, as the document was sent with it.')
  }
  return { create: false, generation: generationOf(ifMatch) }
}

const invalidPrecondition = (message: string) => errors.badRequest('invalid_precondition', message)

export type ConflictReason = 'exists' | 'changed' | 'missing'

const CONFLICT_MESSAGES: Record<ConflictReason, string> = {
  exists: 'A document with this id already exists.',
  changed:
    'The document was changed since you read it: load the current version (its ETag is in this answer) and apply your change to it.',
  missing: 'The document does not exist (it may have been deleted).',
}

/** 412 with the current version's ETag (header and details) when there is one. */
export function preconditionFailed(reason: ConflictReason, currentGeneration?: string): AppError {
  const currentEtag = currentGeneration ? etagOf(currentGeneration) : null
  return new AppError(412, 'precondition_failed', CONFLICT_MESSAGES[reason], {
    details: { reason, currentEtag },
    headers: currentEtag ? { ETag: currentEtag } : {},
  })
}

/** `If-None-Match` on a GET: true when the client's copy is current (answer 304). */
export function isCurrent(c: Context<AppEnv>, generation: string): boolean {
  const header = c.req.header('If-None-Match')
  if (!header) return false
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''))
  return tags.includes('*') || tags.includes(etagOf(generation))
}
