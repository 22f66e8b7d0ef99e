/**
 * @module library/history
 * The article versions of an SEO project: the list (newest first), one version's text, and a
 * restore, which saves that text as the project's article again (as a new version, so the
 * restore itself can be undone) under the same `If-Match` rule as every update.
 */
import { errors } from '../../core/errors'
import { readVersion, type StoredVersion } from './article-versions'
import {
  type LibraryContext,
  loadDocument,
  type SaveResult,
  saveDocument,
  scopeOf,
} from './documents'
import { etagOf, type Precondition, preconditionFailed } from './etag'
import type { ArticleVersionInfo, SeoProjectDocument } from './schemas/seo-project'

const KIND = 'seo-projects'

export interface VersionList {
  items: ArticleVersionInfo[]
  /** The project's ETag: what a restore sends as If-Match. */
  etag: string
}

export async function listVersions(ctx: LibraryContext, id: string): Promise<VersionList> {
  const loaded = await loadDocument(ctx, KIND, id)
  const document = loaded.record.document as SeoProjectDocument
  return { items: document.articleVersions ?? [], etag: etagOf(loaded.generation) }
}

export async function getVersion(
  ctx: LibraryContext,
  id: string,
  version: number
): Promise<StoredVersion> {
  const loaded = await loadDocument(ctx, KIND, id)
  const copy = await readVersion(scopeOf(ctx, KIND), id, loaded.record, version)
  if (!copy) throw errors.notFound('The article version')
  return copy
}

export async function restoreVersion(
  ctx: LibraryContext,
  id: string,
  version: number,
  precondition: Extract<Precondition, { create: false }>
): Promise<SaveResult> {
  const loaded = await loadDocument(ctx, KIND, id)
  if (loaded.generation !== precondition.generation) {
    throw preconditionFailed('changed', loaded.generation)
  }
  const copy = await readVersion(scopeOf(ctx, KIND), id, loaded.record, version)
  if (!copy) throw errors.notFound('The article version')
  const document = loaded.record.document as SeoProjectDocument
  const article = { ...copy.article, source: 'restore' as const }
  return saveDocument(ctx, KIND, id, { ...document, article }, precondition, {
    restoredFrom: version,
  })
}
