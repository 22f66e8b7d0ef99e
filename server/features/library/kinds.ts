/**
 * @module library/kinds
 * The kinds of saved work and the document id rule, importing nothing heavy, so routes can check a path
 * before any schema is loaded and the browser can share them.
 */

export const LIBRARY_KINDS = [
  'brand-profiles',
  'seo-projects',
  'image-series',
  'campaigns',
] as const
export type LibraryKind = (typeof LIBRARY_KINDS)[number]

export const isLibraryKind = (value: string): value is LibraryKind =>
  (LIBRARY_KINDS as readonly string[]).includes(value)

export { DOCUMENT_ID } from '../../core/ids'

/** Requests carrying a document (PUT, import) are at most this large (the API default is 1 MB). */
export const LIBRARY_BODY_LIMIT = 2 * 1024 * 1024
