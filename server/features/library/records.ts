/**
 * @module library/records
 * Documents in the BlobStore: one JSON object per document, `{ document, versions? }` (the second
 * part is the server's bookkeeping: where each kept article version is stored), written with a
 * conditional write. The title and save time also go into the object's metadata, so the index
 * can be rebuilt from a prefix listing without reading every document.
 */
import * as v from 'valibot'
import { shapeBody } from '../../core/body-shape'
import { AppError } from '../../core/errors'
import type { Logger } from '../../core/logger'
import type { BlobMeta, BlobStore } from '../../storage/types'
import { documentKey } from './keys'
import type { LibraryKind } from './kinds'
import { DOCUMENT_SCHEMAS, type LibraryDocument } from './schemas'

/** One workspace's documents of one kind. */
export interface LibraryScope {
  store: BlobStore
  workspace: string
  kind: LibraryKind
  log: Logger
}

export interface StoredRecord {
  document: LibraryDocument
  /** Article version number -> the ref of its stored copy (seo-projects). */
  versions?: Record<string, string>
}

export interface LoadedRecord {
  record: StoredRecord
  generation: string
  size: number
}

/** What the index keeps per document. */
export interface IndexEntry {
  title: string
  updated: string
  size: number
  generation: string
}

const JSON_TYPE = 'application/json'

export async function loadRecord(
  scope: LibraryScope,
  id: string
): Promise<LoadedRecord | undefined> {
  const key = documentKey(scope.workspace, scope.kind, id)
  const object = await scope.store.readWithMeta(key)
  if (!object) return undefined
  return { record: parseRecord(scope, key, object.bytes), ...pick(object.meta) }
}

export async function headRecord(scope: LibraryScope, id: string): Promise<BlobMeta | undefined> {
  return scope.store.head(documentKey(scope.workspace, scope.kind, id))
}

/** @throws {PreconditionFailed} when the stored generation is not `ifGenerationMatch`. */
export async function saveRecord(
  scope: LibraryScope,
  id: string,
  record: StoredRecord,
  ifGenerationMatch: string
): Promise<BlobMeta> {
  const { title, updated = new Date().toISOString() } = record.document
  return scope.store.put(
    documentKey(scope.workspace, scope.kind, id),
    new TextEncoder().encode(JSON.stringify(record)),
    {
      contentType: JSON_TYPE,
      // Encoded: Cloud Storage metadata values are safest in ASCII.
      metadata: { title: encodeURIComponent(title), updated },
      ifGenerationMatch,
    }
  )
}

/** The index entry of a stored document, from its object metadata alone. */
export function entryFromMeta(meta: BlobMeta): IndexEntry {
  let title = meta.metadata.title ?? ''
  try {
    title = decodeURIComponent(title)
  } catch {
    // Written by something else: show it as it is.
  }
  return {
    title,
    updated: meta.metadata.updated ?? meta.updated,
    size: meta.size,
    generation: meta.generation,
  }
}

const pick = (meta: BlobMeta) => ({ generation: meta.generation, size: meta.size })

function parseRecord(scope: LibraryScope, key: string, bytes: Uint8Array): StoredRecord {
  try {
    const record = JSON.parse(new TextDecoder().decode(bytes)) as StoredRecord
    if (record && typeof record.document === 'object' && record.document !== null) {
      return { ...record, document: current(scope, key, record.document) }
    }
  } catch {
    // Reported below.
  }
  scope.log.error('Stored library document is unreadable', { key })
  throw new AppError(502, 'library_unreadable', 'The stored document could not be read.')
}

/**
 * A stored document in today's shape: defaults for fields added since it was saved, and fields
 * the app no longer knows (or a newer version wrote) left out, so a client that saves back what
 * it read never sends an unknown field. One that no longer fits the schema is kept as stored.
 */
function current(scope: LibraryScope, key: string, document: LibraryDocument): LibraryDocument {
  const schema = DOCUMENT_SCHEMAS[scope.kind]
  const result = v.safeParse(schema, shapeBody(schema, document).value)
  if (result.success) return result.output
  scope.log.warn('Stored library document does not fit its schema; answered as stored', { key })
  return document
}
