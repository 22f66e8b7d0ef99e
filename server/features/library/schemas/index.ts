/**
 * @module library/schemas
 * The document schema of each kind, the export file, list queries and the shapes the library API
 * answers with. Pure valibot (shared with the browser for client-side validation).
 */
import * as v from 'valibot'
import { text } from '../../../core/schema'
import { LIBRARY_KINDS, type LibraryKind } from '../kinds'
import { BrandProfileDocument } from './brand-profile'
import { CampaignDocument } from './campaign'
import { DocumentId, MediaId, Timestamp } from './common'
import { ImageSeriesDocument } from './image-series'
import { SeoProjectDocument } from './seo-project'

export { DOCUMENT_ID, LIBRARY_BODY_LIMIT } from '../kinds'
export { BrandProfileDocument } from './brand-profile'
export { CampaignDocument } from './campaign'
export { DocumentId, MediaId } from './common'
export { ImageSeriesDocument } from './image-series'
export { findInlineMedia } from './inline-media'
export { ARTICLE_VERSIONS_KEPT, ArticleVersionInfo, SeoProjectDocument } from './seo-project'

export const DOCUMENT_SCHEMAS = {
  'brand-profiles': BrandProfileDocument,
  'seo-projects': SeoProjectDocument,
  'image-series': ImageSeriesDocument,
  campaigns: CampaignDocument,
} as const

export type DocumentOf<K extends LibraryKind> = v.InferOutput<(typeof DOCUMENT_SCHEMAS)[K]>
export type LibraryDocument = DocumentOf<LibraryKind>
export type LibraryDocumentInput = v.InferInput<(typeof DOCUMENT_SCHEMAS)[LibraryKind]>

export { DEFAULT_PAGE_SIZE, ListQuery, MAX_PAGE_SIZE } from './list-query'

/** One line of a listing, newest first. */
export interface DocumentSummary {
  id: string
  title: string
  updated: string
  /** Bytes stored. */
  size: number
}

export interface DocumentPage {
  items: DocumentSummary[]
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string
}

/** GET, PUT, import and restore answer with the document and its ETag (also in the header). */
export interface DocumentResponse<D = LibraryDocument> {
  id: string
  kind: LibraryKind
  etag: string
  document: D
}

export const EXPORT_FORMAT = 'ais-studio.library-export'

export const MediaEntry = v.object({
  id: MediaId,
  url: text(300),
  mimeType: v.optional(text(100)),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Referenced by the document but not in this deployment's store. */
  missing: v.optional(v.boolean()),
})
export type MediaEntry = v.InferOutput<typeof MediaEntry>

/** The export file of `kind`: what `GET /:id/export` writes and `POST /import` reads. */
export const exportFileSchema = <K extends LibraryKind>(kind: K) =>
  v.object({
    format: v.literal(EXPORT_FORMAT),
    formatVersion: v.literal(1),
    kind: v.literal(kind),
    id: v.optional(DocumentId),
    exportedAt: v.optional(Timestamp),
    document: DOCUMENT_SCHEMAS[kind],
    media: v.optional(v.pipe(v.array(MediaEntry), v.maxLength(2000)), []),
  })

export interface ExportFile<D = LibraryDocument> {
  format: typeof EXPORT_FORMAT
  formatVersion: 1
  kind: LibraryKind
  id: string
  exportedAt: string
  document: D
  media: MediaEntry[]
}

export { LIBRARY_KINDS }
