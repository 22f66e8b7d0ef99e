/**
 * @module library/routes
 * Saved work under `/api/library` (documents of the request's workspace, `c.get('workspace')`):
 *
 * - `GET /:kind?limit&cursor` -> `{ items: [{ id, title, updated, size }], nextCursor? }`, newest
 *   first, from the kind's index (one read however many documents).
 * - `GET /:kind/:id` -> `{ id, kind, etag, document }` with `ETag`; 304 on `If-None-Match`.
 * - `PUT /:kind/:id` with the document as the body (at most 2 MB, media by id only):
 *   `If-None-Match: *` creates (201, `Location`), `If-Match: <etag>` replaces that version (200);
 *   neither is 428; a stale or taken version is 412 `precondition_failed` with the current
 *   `ETag` (header and `details.currentEtag`, `details.reason` exists|changed|missing).
 *   The answer is `{ id, kind, etag, document }`; the server sets `document.updated`.
 * - `DELETE /:kind/:id` with `If-Match` -> 204; 428 without it, 412 when stale, 404 when absent.
 * - `GET /:kind/:id/export` -> a JSON attachment `{ format: 'ais-studio.library-export',
 *   formatVersion: 1, kind, id, exportedAt, document, media: [{ id, url, mimeType?, size?,
 *   missing? }] }`.
 * - `POST /:kind/import?id=` with an export file -> 201 `{ id, kind, etag, document,
 *   missingMedia }` (the file's id unless `?id=` names another); 409 when the id is taken.
 * - `GET /seo-projects/:id/versions` -> `{ items: [{ version, savedAt, source, characters,
 *   seoTitle?, restoredFrom? }], etag }`, newest first (the last 20 article versions).
 * - `GET /seo-projects/:id/versions/:version` -> that version's metadata and `article:
 *   { markdown, metadata }`.
 * - `POST /seo-projects/:id/versions/:version/restore` with `If-Match` -> 200
 *   `{ id, kind, etag, document }`: the text is the article again, saved as a new version with
 *   `source: 'restore'` and `restoredFrom`.
 *
 * Kinds: brand-profiles, seo-projects, image-series, campaigns (any other is 404). Ids: client-chosen,
 * `^[a-z0-9][a-z0-9-]{0,63}$`. A body with embedded image data is 400 `inline_media` naming
 * the fields. The logic loads on the first library request.
 */
import { type Context, Hono } from 'hono'
import { limitBody } from '../../core/body-limit'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import { queryParams } from '../../core/validate'
import type { FeatureDeps } from '../context'
import { libraryDocs } from './docs'
import type { LibraryContext } from './documents'
import { etagOf, ifMatchOf, isCurrent, writePrecondition } from './etag'
import { LIBRARY_BODY_LIMIT } from './kinds'
import { idOf, kindOf, queryIdOf, validBody, versionOf } from './params'
import type { ExportFile, LibraryDocument, LibraryDocumentInput } from './schemas'
import { ListQuery } from './schemas/list-query'

const logic = once(async () => {
  const [documents, history, transfer] = await Promise.all([
    import('./documents'),
    import('./history'),
    import('./transfer'),
  ])
  return { ...documents, ...history, ...transfer }
})

const NO_STORE = { 'Cache-Control': 'no-store' }

type ImportInput = { id?: string; document: LibraryDocumentInput } & Record<string, unknown>
type ImportOutput = { id?: string; document: LibraryDocument }

export const libraryRoutes = (deps: FeatureDeps) => {
  const ctx = (c: Context<AppEnv>): LibraryContext => ({
    store: deps.store,
    workspace: c.get('workspace'),
    log: c.get('log'),
    clock: deps.clock,
  })
  const withEtag = (etag: string) => ({ ...NO_STORE, ETag: etag })

  return new Hono<AppEnv>()
    .use('*', limitBody(LIBRARY_BODY_LIMIT))
    .get('/seo-projects/:id/versions', libraryDocs.versions, async (c) => {
      const list = await (await logic()).listVersions(ctx(c), idOf(c))
      return c.json(list, 200, withEtag(list.etag))
    })
    .get('/seo-projects/:id/versions/:version', libraryDocs.version, async (c) => {
      const version = await (await logic()).getVersion(ctx(c), idOf(c), versionOf(c))
      return c.json(version, 200, NO_STORE)
    })
    .post('/seo-projects/:id/versions/:version/restore', libraryDocs.restore, async (c) => {
      const id = idOf(c)
      const version = versionOf(c)
      const precondition = ifMatchOf(c)
      const { response } = await (await logic()).restoreVersion(ctx(c), id, version, precondition)
      return c.json(response, 200, withEtag(response.etag))
    })
    .get('/:kind', libraryDocs.list, queryParams(ListQuery), async (c) => {
      const page = await (await logic()).listDocuments(ctx(c), kindOf(c), c.req.valid('query'))
      return c.json(page, 200, NO_STORE)
    })
    .post(
      '/:kind/import',
      libraryDocs.importFile,
      validBody<ImportInput, ImportOutput>((s, kind) => s.exportFileSchema(kind), 'ignore'),
      async (c) => {
        const kind = kindOf(c)
        const id = queryIdOf(c)
        const result = await (await logic()).importDocument(ctx(c), kind, c.req.valid('json'), id)
        const { response, missingMedia } = result
        return c.json({ ...response, missingMedia }, 201, {
          ...withEtag(response.etag),
          Location: `/api/library/${kind}/${response.id}`,
        })
      }
    )
    .get('/:kind/:id/export', libraryDocs.exportFile, async (c) => {
      const kind = kindOf(c)
      const id = idOf(c)
      const { file, generation } = await (await logic()).exportDocument(ctx(c), kind, id)
      return c.json(file satisfies ExportFile, 200, {
        ...withEtag(etagOf(generation)),
        'Content-Disposition': `attachment; filename="${kind}-${id}.json"`,
      })
    })
    .get('/:kind/:id', libraryDocs.get, async (c) => {
      const kind = kindOf(c)
      const id = idOf(c)
      const { loadDocument, responseOf } = await logic()
      const loaded = await loadDocument(ctx(c), kind, id)
      const headers = { 'Cache-Control': 'private, no-cache', ETag: etagOf(loaded.generation) }
      if (isCurrent(c, loaded.generation)) return c.body(null, 304, headers)
      return c.json(responseOf(kind, id, loaded), 200, headers)
    })
    .put(
      '/:kind/:id',
      libraryDocs.put,
      // Path and precondition first: a request that cannot succeed is refused before its body.
      async (c, next) => {
        kindOf(c)
        idOf(c)
        writePrecondition(c)
        await next()
      },
      validBody<LibraryDocumentInput, LibraryDocument>((s, kind) => s.DOCUMENT_SCHEMAS[kind]),
      async (c) => {
        const kind = kindOf(c)
        const id = idOf(c)
        const precondition = writePrecondition(c)
        const { saveDocument } = await logic()
        const { created, response } = await saveDocument(
          ctx(c),
          kind,
          id,
          c.req.valid('json'),
          precondition
        )
        const headers = withEtag(response.etag)
        if (!created) return c.json(response, 200, headers)
        return c.json(response, 201, { ...headers, Location: `/api/library/${kind}/${id}` })
      }
    )
    .delete('/:kind/:id', libraryDocs.remove, async (c) => {
      const kind = kindOf(c)
      const id = idOf(c)
      const { generation } = ifMatchOf(c)
      await (await logic()).deleteDocument(ctx(c), kind, id, generation)
      return c.body(null, 204)
    })
}
