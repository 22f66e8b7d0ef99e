/**
 * @module library/docs
 * How the library routes are documented (`/api/openapi.json`): one operation per kind of saved
 * work, each with its own document schema. `routes.ts` places each beside its route; schemas
 * load with the document.
 */
import * as v from 'valibot'
import { describe, describeEach, type RouteDoc, type SchemaRef } from '../../core/openapi/route-doc'
import { DOCUMENT_ID, LIBRARY_KINDS, type LibraryKind } from './kinds'

const responses = () => import('./schemas/responses')
const documents = () => import('./schemas')
const lazy =
  <T>(pick: (r: Awaited<ReturnType<typeof responses>>) => T): (() => Promise<T>) =>
  async () =>
    pick(await responses())

const id = v.pipe(
  v.string(),
  v.regex(DOCUMENT_ID),
  v.description('Chosen by the client: 1-64 of a-z, 0-9 and -.')
)
const version = v.pipe(
  v.string(),
  v.regex(/^[1-9]\d{0,8}$/),
  v.description('An article version number.')
)
const tag = 'Saved work'
const ID = 'northwind'

const NAMES: Record<LibraryKind, { one: string; many: string; label: string }> = {
  'brand-profiles': { one: 'BrandProfile', many: 'BrandProfiles', label: 'brand profile' },
  'seo-projects': { one: 'SeoProject', many: 'SeoProjects', label: 'SEO project' },
  'image-series': { one: 'ImageSeries', many: 'ImageSeriesList', label: 'image series' },
  campaigns: { one: 'Campaign', many: 'Campaigns', label: 'campaign' },
}

/** A small valid document of each kind, for the examples. */
const SAMPLE: Record<LibraryKind, unknown> = {
  'brand-profiles': {
    title: 'Northwind Coffee',
    profile: { globalInfo: { brand_name: 'Northwind Coffee' }, projects: [] },
  },
  'seo-projects': { title: 'Espresso guide', site: { url: 'https://www.example.com' } },
  'image-series': { title: 'Autumn campaign', items: [] },
  campaigns: {
    title: 'Espresso guide campaign',
    source: { kind: 'prompt', prompt: 'Launch our autumn espresso blend' },
    languages: ['en', 'zh-CN'],
    networks: ['linkedin', 'x', 'xiaohongshu'],
  },
}

const body =
  (kind: LibraryKind): SchemaRef =>
  async () =>
    (await documents()).DOCUMENT_SCHEMAS[kind]
const WRITE_ERRORS = {
  400: ['invalid_precondition', 'inline_media'],
  412: ['precondition_failed'],
  428: ['precondition_required'],
}

const each = (make: (kind: LibraryKind, names: (typeof NAMES)[LibraryKind]) => RouteDoc) =>
  describeEach('kind', LIBRARY_KINDS, (kind) => make(kind, NAMES[kind]))

export const libraryDocs = {
  list: each((_kind, n) => ({
    operationId: `list${n.many}`,
    summary: `Saved ${n.label}s, newest first`,
    description: "One line per document, from the kind's index.",
    tag,
    responses: { 200: { description: 'A page', schema: lazy((r) => r.DocumentPage) } },
    examples: [{ summary: 'The first page', query: { limit: '20' }, status: 200 }],
  })),
  get: each((kind, n) => ({
    operationId: `get${n.one}`,
    summary: `One ${n.label}, with its ETag`,
    tag,
    params: { id },
    requestHeaders: ['If-None-Match'],
    responses: {
      200: {
        description: 'The document',
        schema: lazy((r) => r.documentResponse(kind)),
        headers: ['ETag'],
      },
      304: { description: 'Unchanged since the `If-None-Match` ETag', headers: ['ETag'] },
    },
    errors: { 502: ['library_unreadable'] },
    examples: [{ summary: 'The example document', params: { id: ID }, status: 200 }],
  })),
  put: each((kind, n) => ({
    operationId: `put${n.one}`,
    summary: `Create or replace a ${n.label}`,
    description:
      '`If-None-Match: *` creates (`201`, `412` when the id is taken); `If-Match: <etag>` replaces that version (`200`, `412` with the current `ETag` when someone saved in between); neither is `428`. The server sets `updated`. Images by media id only (`400 inline_media`).',
    tag,
    params: { id },
    body: body(kind),
    requestHeaders: ['If-Match', 'If-None-Match'],
    responses: {
      200: {
        description: 'Replaced',
        schema: lazy((r) => r.documentResponse(kind)),
        headers: ['ETag'],
      },
      201: {
        description: 'Created',
        schema: lazy((r) => r.documentResponse(kind)),
        headers: ['ETag', 'Location'],
      },
    },
    errors: WRITE_ERRORS,
    examples: [
      {
        summary: 'Create',
        params: { id: ID },
        headers: { 'If-None-Match': '*' },
        body: SAMPLE[kind],
        status: 201,
      },
      {
        summary: 'Neither If-Match nor If-None-Match',
        params: { id: ID },
        body: SAMPLE[kind],
        status: 428,
      },
    ],
  })),
  remove: each((_kind, n) => ({
    operationId: `delete${n.one}`,
    summary: `Delete a ${n.label}`,
    tag,
    params: { id },
    requestHeaders: ['If-Match'],
    responses: { 204: { description: 'Deleted' } },
    errors: {
      400: ['invalid_precondition'],
      412: ['precondition_failed'],
      428: ['precondition_required'],
    },
    examples: [
      { summary: 'A stale ETag', params: { id: ID }, headers: { 'If-Match': '"1"' }, status: 412 },
    ],
  })),
  exportFile: each((kind, n) => ({
    operationId: `export${n.one}`,
    summary: `A ${n.label} as an export file`,
    description:
      'A JSON attachment with the document and the media it names; `POST …/import` reads it.',
    tag,
    params: { id },
    responses: {
      200: {
        description: 'The export file',
        schema: lazy((r) => r.exportFile(kind)),
        headers: ['ETag', 'Content-Disposition'],
      },
    },
    examples: [{ summary: 'The example document', params: { id: ID }, status: 200 }],
  })),
  importFile: each((kind, n) => ({
    operationId: `import${n.one}`,
    summary: `Create a ${n.label} from an export file`,
    description:
      "Under the file's id, or `?id=` to choose another; `409 already_exists` when the id is taken. Fields a newer or older version of the app wrote are tolerated.",
    tag,
    query: v.object({ id: v.optional(id) }),
    body: async () => (await documents()).exportFileSchema(kind),
    responses: {
      201: {
        description: 'Created',
        schema: lazy((r) => r.importResponse(kind)),
        headers: ['ETag', 'Location'],
      },
    },
    errors: { 400: ['inline_media'], 409: ['already_exists'] },
    examples: [
      {
        summary: 'An export file, under a new id',
        query: { id: `${ID}-copy` },
        body: {
          format: 'ais-studio.library-export',
          formatVersion: 1,
          kind,
          document: SAMPLE[kind],
        },
        status: 201,
      },
    ],
  })),
  versions: describe({
    operationId: 'listArticleVersions',
    summary: "An SEO project's article versions, newest first",
    description: 'The last 20 versions of the article, saved whenever its text changed.',
    tag,
    params: { id },
    responses: {
      200: { description: 'The versions', schema: lazy((r) => r.VersionList), headers: ['ETag'] },
    },
    examples: [{ summary: 'The example project', params: { id: ID }, status: 200 }],
  }),
  version: describe({
    operationId: 'getArticleVersion',
    summary: 'One article version, with its text',
    tag,
    params: { id, version },
    responses: { 200: { description: 'The version', schema: lazy((r) => r.ArticleVersion) } },
    examples: [
      { summary: 'A version that was never saved', params: { id: ID, version: '99' }, status: 404 },
    ],
  }),
  restore: describe({
    operationId: 'restoreArticleVersion',
    summary: 'Make an article version the current text again',
    description: "Saved as a new version with `source: restore`; needs the project's `If-Match`.",
    tag,
    params: { id, version },
    requestHeaders: ['If-Match'],
    responses: {
      200: {
        description: 'The project',
        schema: lazy((r) => r.documentResponse('seo-projects')),
        headers: ['ETag'],
      },
    },
    errors: {
      400: ['invalid_precondition'],
      412: ['precondition_failed'],
      428: ['precondition_required'],
    },
    examples: [{ summary: 'Without If-Match', params: { id: ID, version: '1' }, status: 428 }],
  }),
}
