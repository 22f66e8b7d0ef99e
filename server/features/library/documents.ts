/**
 * @module library/documents
 * Listing, reading, saving and deleting saved documents: every write is a conditional write of
 * the version the client named (`etag.ts`), then recorded in the kind's index (`catalog.ts`);
 * SEO projects also keep their article versions (`article-versions.ts`).
 */
import { errors } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { BlobStore } from '../../storage/types'
import { PreconditionFailed } from '../../storage/types'
import { plainSave, planProjectSave, removeCopies } from './article-versions'
import { readIndex, recordInIndex } from './catalog'
import { etagOf, type Precondition, preconditionFailed } from './etag'
import { documentKey } from './keys'
import type { LibraryKind } from './kinds'
import { pageOf } from './listing'
import {
  entryFromMeta,
  headRecord,
  type LibraryScope,
  type LoadedRecord,
  loadRecord,
  saveRecord,
} from './records'
import type { DocumentPage, DocumentResponse, LibraryDocument } from './schemas'
import type { SeoProjectDocument } from './schemas/seo-project'

/** What every library call needs: the store, the request's workspace, its logger and clock. */
export interface LibraryContext {
  store: BlobStore
  workspace: string
  log: Logger
  clock: () => Date
}

export const scopeOf = (ctx: LibraryContext, kind: LibraryKind): LibraryScope => ({
  store: ctx.store,
  workspace: ctx.workspace,
  kind,
  log: ctx.log,
})

export async function listDocuments(
  ctx: LibraryContext,
  kind: LibraryKind,
  query: { limit: number; cursor?: string }
): Promise<DocumentPage> {
  return pageOf(await readIndex(scopeOf(ctx, kind)), query)
}

/** The stored document; 404 when there is none. */
export async function loadDocument(
  ctx: LibraryContext,
  kind: LibraryKind,
  id: string
): Promise<LoadedRecord> {
  const loaded = await loadRecord(scopeOf(ctx, kind), id)
  if (!loaded) throw errors.notFound('The document')
  return loaded
}

export const responseOf = (
  kind: LibraryKind,
  id: string,
  loaded: Pick<LoadedRecord, 'record' | 'generation'>
): DocumentResponse => ({
  id,
  kind,
  etag: etagOf(loaded.generation),
  document: loaded.record.document,
})

export interface SaveResult {
  created: boolean
  response: DocumentResponse
}

/**
 * Creates (`If-None-Match: *`) or replaces (`If-Match`) a document; the server sets `updated`.
 * @throws 412 with the current ETag when the named version is not the stored one.
 */
export async function saveDocument(
  ctx: LibraryContext,
  kind: LibraryKind,
  id: string,
  input: LibraryDocument,
  precondition: Precondition,
  options: { restoredFrom?: number } = {}
): Promise<SaveResult> {
  const scope = scopeOf(ctx, kind)
  const expected = precondition.create ? '0' : precondition.generation
  if (expected === undefined) throw await conflict(scope, id, precondition)
  const now = ctx.clock().toISOString()
  const document = { ...input, updated: now }

  let plan = plainSave({ document })
  if (kind === 'seo-projects') {
    // The article history continues from the stored version, which must be the one named.
    const current = precondition.create ? undefined : await loadRecord(scope, id)
    if (!precondition.create && current?.generation !== expected) {
      throw conflictWith(precondition, current?.generation)
    }
    plan = await planProjectSave(scope, id, current?.record, document as SeoProjectDocument, {
      now,
      restoredFrom: options.restoredFrom,
    })
  }

  let meta: Awaited<ReturnType<typeof saveRecord>>
  try {
    meta = await saveRecord(scope, id, plan.record, expected)
  } catch (error) {
    // Only a refused write surely wrote nothing; after any other failure the document may
    // have been stored and may name the new version copy, which must then stay.
    if (!(error instanceof PreconditionFailed)) throw error
    await plan.abandon()
    throw await conflict(scope, id, precondition)
  }
  await plan.commit()
  await recordInIndex(scope, { id, entry: entryFromMeta(meta) })
  return {
    created: precondition.create,
    response: responseOf(kind, id, { record: plan.record, generation: meta.generation }),
  }
}

/** Deletes the version named by `If-Match`; 404 when there is no document, 412 when stale. */
export async function deleteDocument(
  ctx: LibraryContext,
  kind: LibraryKind,
  id: string,
  generation: string | undefined
): Promise<void> {
  const scope = scopeOf(ctx, kind)
  // A project's version copies are known from the record deleted, never guessed from a listing
  // (which could hold the copies of a project created again under the same id meanwhile).
  const current = kind === 'seo-projects' ? await loadRecord(scope, id) : undefined
  if (generation === undefined || (current && current.generation !== generation)) {
    throw await staleOrMissing(scope, id)
  }
  let deleted: boolean
  try {
    deleted = await ctx.store.delete(documentKey(scope.workspace, kind, id), {
      ifGenerationMatch: generation,
    })
  } catch (error) {
    if (error instanceof PreconditionFailed) throw await staleOrMissing(scope, id)
    throw error
  }
  if (!deleted) throw errors.notFound('The document')
  await recordInIndex(scope, { id, removed: generation })
  if (current) await removeCopies(scope, id, Object.values(current.record.versions ?? {}))
}

/** The 412 for a failed precondition, with the ETag of what is stored now. */
async function conflict(scope: LibraryScope, id: string, precondition: Precondition) {
  return conflictWith(precondition, (await headRecord(scope, id))?.generation)
}

function conflictWith(precondition: Precondition, current: string | undefined) {
  if (precondition.create) return preconditionFailed('exists', current)
  return current ? preconditionFailed('changed', current) : preconditionFailed('missing')
}

/** A delete is 404 for a document that is not there at all, else 412. */
async function staleOrMissing(scope: LibraryScope, id: string) {
  const current = await headRecord(scope, id)
  return current
    ? preconditionFailed('changed', current.generation)
    : errors.notFound('The document')
}
