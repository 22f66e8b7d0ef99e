/**
 * @module api/library
 * The saved-work API (`/api/library`, the contract in server/features/library/routes.ts): list,
 * read with the `ETag`, create (`If-None-Match: *`) or replace (`If-Match`), delete, and the
 * article versions of an SEO project. A stale write answers 412; `conflictEtagOf` reads the
 * current ETag from it. Built on the typed hc client; the fetch is injectable so tests can run it
 * against the app in-process.
 */
import { hc } from 'hono/client'
import type { AppType } from '../../../server/app'
import type { LibraryKind } from '../../../server/features/library/kinds'
import type {
  ArticleVersionInfo,
  DocumentOf,
  DocumentPage,
} from '../../../server/features/library/schemas'
import { authHeaders } from './access-key'
import { type ApiError, type ApiResponse, errorFromResponse, isAbort, networkError } from './errors'

export type { LibraryKind }
/** Every kind the client keeps: brand profiles, SEO projects and image series. */
export type SavedKind = LibraryKind

export interface Stored<K extends LibraryKind> {
  id: string
  etag: string
  document: DocumentOf<K>
}

export interface VersionList {
  items: ArticleVersionInfo[]
  etag: string
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>

/** The ETag a 412 names as current (null when the document is gone). */
export function conflictEtagOf(error: ApiError): string | null | undefined {
  if (error.status !== 412) return undefined
  const details = error.details as { currentEtag?: unknown } | undefined
  return typeof details?.currentEtag === 'string' ? details.currentEtag : null
}

export function createLibraryApi(base = '/', fetchImpl?: Fetch) {
  const api = hc<AppType>(base, {
    headers: authHeaders,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  }).api.library

  /** Awaits a call, throws `ApiError` on any failure (aborts as they are). */
  async function call(pending: Promise<ApiResponse>): Promise<ApiResponse> {
    let response: ApiResponse
    try {
      response = await pending
    } catch (error) {
      if (isAbort(error)) throw error
      throw networkError(error)
    }
    if (!response.ok) throw await errorFromResponse(response)
    return response
  }
  const json = async <T>(pending: Promise<ApiResponse>): Promise<T> =>
    (await (await call(pending)).json()) as T

  return {
    list: (kind: LibraryKind, cursor?: string) =>
      json<DocumentPage>(api[':kind'].$get({ param: { kind }, query: { limit: '100', cursor } })),

    /** The stored document, or undefined when there is none. */
    async get<K extends LibraryKind>(kind: K, id: string): Promise<Stored<K> | undefined> {
      try {
        return await json<Stored<K>>(api[':kind'][':id'].$get({ param: { kind, id } }))
      } catch (error) {
        if ((error as ApiError).status === 404) return undefined
        throw error
      }
    },

    /** Creates (no `etag`) or replaces the version `etag` names; 412 when it is not current. */
    put<K extends LibraryKind>(kind: K, id: string, document: DocumentOf<K>, etag?: string) {
      const precondition: Record<string, string> = etag
        ? { 'If-Match': etag }
        : { 'If-None-Match': '*' }
      return json<Stored<K>>(
        api[':kind'][':id'].$put(
          { param: { kind, id }, json: document },
          { headers: { ...authHeaders(), ...precondition } }
        )
      )
    },

    async remove(kind: LibraryKind, id: string, etag: string): Promise<void> {
      await call(
        api[':kind'][':id'].$delete(
          { param: { kind, id } },
          { headers: { ...authHeaders(), 'If-Match': etag } }
        )
      )
    },

    versions: (id: string) =>
      json<VersionList>(api['seo-projects'][':id'].versions.$get({ param: { id } })),

    restore: (id: string, version: number, etag: string) =>
      json<Stored<'seo-projects'>>(
        api['seo-projects'][':id'].versions[':version'].restore.$post(
          { param: { id, version: String(version) } },
          { headers: { ...authHeaders(), 'If-Match': etag } }
        )
      ),
  }
}

export type LibraryApi = ReturnType<typeof createLibraryApi>

export const libraryApi: LibraryApi = createLibraryApi()
