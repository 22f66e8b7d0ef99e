/**
 * @module library/schemas/responses
 * What the library API answers, per kind, as schemas (the API document shows them; the tests
 * check every answer against them).
 */
import * as v from 'valibot'
import type { LibraryKind } from '../kinds'
import { ArticleVersionInfo, DOCUMENT_SCHEMAS, exportFileSchema } from './index'
import { ArticleDraft } from './seo-project'

export const DocumentPage = v.object({
  items: v.array(
    v.object({
      id: v.string(),
      title: v.string(),
      updated: v.string(),
      size: v.pipe(v.number(), v.description('Bytes stored.')),
    })
  ),
  nextCursor: v.optional(
    v.pipe(v.string(), v.description('Pass as `cursor` for the next page; absent on the last.'))
  ),
})

export const documentResponse = (kind: LibraryKind) =>
  v.object({
    id: v.string(),
    kind: v.literal(kind),
    etag: v.pipe(v.string(), v.description('The version, also in the ETag header.')),
    document: DOCUMENT_SCHEMAS[kind],
  })

export const importResponse = (kind: LibraryKind) =>
  v.object({
    ...documentResponse(kind).entries,
    missingMedia: v.pipe(
      v.array(v.string()),
      v.description('Media the document names that this deployment does not hold.')
    ),
  })

export const exportFile = (kind: LibraryKind) => exportFileSchema(kind)

export const VersionList = v.object({
  items: v.array(ArticleVersionInfo),
  etag: v.pipe(v.string(), v.description('The version of the project.')),
})

export const ArticleVersion = v.object({
  ...ArticleVersionInfo.entries,
  article: v.pick(ArticleDraft, ['markdown', 'metadata']),
})
