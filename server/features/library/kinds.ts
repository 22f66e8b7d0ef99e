/**
 * @module library/kinds
 * The kinds of saved work and the document id rule, with no imports, so routes can check a path
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

/** Client-chosen document ids (so a client can create with `PUT`): a safe storage key segment. */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Requests carrying a document (PUT, import) are at most this large (the API default is 1 MB). */
export const LIBRARY_BODY_LIMIT = 2 * 1024 * 1024
