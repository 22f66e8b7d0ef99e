/**
 * @module library/transfer
 * Export and import of one document as a JSON file: the document and the list of media it
 * references (ids and links, with their type and size, or `missing` when this deployment does
 * not hold them; the media bytes stay in the media store). An imported SEO project starts a new
 * article history: its text becomes version 1 (source `import`).
 */
import pLimit from 'p-limit'
import { AppError, errors } from '../../core/errors'
import { mediaKey, mediaUrl } from '../../storage/media'
import type { BlobStore } from '../../storage/types'
import { type LibraryContext, loadDocument, type SaveResult, saveDocument } from './documents'
import type { LibraryKind } from './kinds'
import { EXPORT_FORMAT, type ExportFile, type LibraryDocument, type MediaEntry } from './schemas'
import { mediaIdsIn } from './schemas/media-refs'
import type { SeoProjectDocument } from './schemas/seo-project'

const MEDIA_LOOKUPS = 8

export async function exportDocument(
  ctx: LibraryContext,
  kind: LibraryKind,
  id: string
): Promise<{ file: ExportFile; generation: string }> {
  const loaded = await loadDocument(ctx, kind, id)
  const { document } = loaded.record
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    kind,
    id,
    exportedAt: ctx.clock().toISOString(),
    document,
    media: await describeMedia(ctx.store, mediaIdsIn(document)),
  }
  return { file, generation: loaded.generation }
}

export interface ImportResult extends SaveResult {
  /** Media the document references that this deployment does not hold. */
  missingMedia: string[]
}

/** Creates the document of an export file; 409 when the id is taken. */
export async function importDocument(
  ctx: LibraryContext,
  kind: LibraryKind,
  file: { id?: string; document: LibraryDocument },
  idOverride: string | undefined
): Promise<ImportResult> {
  const id = idOverride ?? file.id
  if (!id) {
    throw errors.invalidInput([
      { field: 'id', message: 'Required: give the document an id (?id=) or keep the file’s' },
    ])
  }
  const document = kind === 'seo-projects' ? freshHistory(file.document) : file.document
  let saved: SaveResult
  try {
    saved = await saveDocument(ctx, kind, id, document, { create: true })
  } catch (error) {
    if (error instanceof AppError && error.status === 412) {
      throw new AppError(409, 'already_exists', 'A document with this id already exists.', {
        details: { id },
      })
    }
    throw error
  }
  const media = await describeMedia(ctx.store, mediaIdsIn(document))
  return { ...saved, missingMedia: media.filter((m) => m.missing).map((m) => m.id) }
}

function freshHistory(document: LibraryDocument): LibraryDocument {
  const project = document as SeoProjectDocument
  const article = project.article && {
    markdown: project.article.markdown,
    metadata: project.article.metadata,
    source: 'import' as const,
  }
  return { ...project, article, articleVersions: [] }
}

async function describeMedia(store: BlobStore, ids: string[]): Promise<MediaEntry[]> {
  const limit = pLimit(MEDIA_LOOKUPS)
  return Promise.all(
    ids.map((id) =>
      limit(async (): Promise<MediaEntry> => {
        const meta = await store.head(mediaKey(id))
        const url = mediaUrl(id)
        return meta
          ? { id, url, mimeType: meta.contentType, size: meta.size }
          : { id, url, missing: true }
      })
    )
  )
}
