/**
 * Builds the real app over a given store for the library tests, with request helpers for the
 * library API and sample documents of each kind.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../../server/config'
import { silentLogger } from '../../server/core/logger'
import { createGcsStore } from '../../server/storage/gcs-store'
import { createLocalStore } from '../../server/storage/local-store'
import type { BlobStore } from '../../server/storage/types'
import { buildTestApp } from '../support/app'
import type { FakeGcs } from '../support/fake-gcs'

export type App = ReturnType<typeof buildTestApp>['app']

export interface LibraryUnderTest {
  app: App
  store: BlobStore
  logLines: string[]
}

export const localStore = () => createLocalStore(mkdtempSync(join(tmpdir(), 'ais-library-')))

export const gcsStore = (gcs: FakeGcs) =>
  createGcsStore({
    bucket: `library-${crypto.randomUUID().slice(0, 8)}`,
    endpoint: gcs.url,
    log: silentLogger,
    retry: { minDelayMs: 5 },
  })

export function libraryApp(store: BlobStore, env: Env = {}): LibraryUnderTest {
  const { app, logLines } = buildTestApp({ env, deps: { store } })
  return { app, store, logLines }
}

export type Headers = Record<string, string>

export const put = (app: App, path: string, body: unknown, headers: Headers = {}) =>
  app.request(`/api/library/${path}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

export const create = (app: App, path: string, body: unknown, headers: Headers = {}) =>
  put(app, path, body, { 'If-None-Match': '*', ...headers })

export const update = (
  app: App,
  path: string,
  body: unknown,
  etag: string,
  headers: Headers = {}
) => put(app, path, body, { 'If-Match': etag, ...headers })

export const get = (app: App, path: string, headers: Headers = {}) =>
  app.request(`/api/library/${path}`, { headers })

export const del = (app: App, path: string, headers: Headers = {}) =>
  app.request(`/api/library/${path}`, { method: 'DELETE', headers })

export const post = (app: App, path: string, body: unknown, headers: Headers = {}) =>
  app.request(`/api/library/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

/** The ETag header of a response, failing loudly when there is none. */
export function etagOf(res: Response): string {
  const etag = res.headers.get('ETag')
  if (!etag) throw new Error(`no ETag on a ${res.status} answer`)
  return etag
}

/** A stored image id of the media id shape (`<sha256>.<ext>`). */
export const mediaId = (seed: string, ext = 'png') =>
  `${new Bun.CryptoHasher('sha256').update(seed).digest('hex')}.${ext}`

export const brandProfile = (title: string) => ({
  title,
  profile: {
    globalInfo: { brand_name: title, brand_industry: 'Outdoor gear' },
    projects: [{ project_url: 'https://acme.example', target_keywords: ['tents'] }],
  },
})

export const imageSeries = (title: string, items = 2) => ({
  title,
  items: Array.from({ length: items }, (_, i) => ({
    id: `item-${i}`,
    mediaId: mediaId(`image-${title}-${i}`),
    x: i * 10,
    y: 5,
    width: 512,
    height: 512,
    ...(i > 0 ? { parentId: `item-${i - 1}`, rotation: 90 } : {}),
    prompt: `A tent at dawn, take ${i}`,
    title: `Take ${i}`,
    createdAt: '2026-11-30T10:00:00.000Z',
  })),
})

export const seoProject = (title: string, markdown?: string, source = 'write') => ({
  title,
  site: { url: 'https://acme.example', region: 'United States', language: 'English' },
  profile: { source: 'library', id: 'acme' },
  currentStep: markdown ? 6 : 1,
  steps: { brief: { mainKeyword: 'ultralight tents', titleSuggestion: 'Best tents' } },
  ...(markdown ? { article: { markdown, metadata: { seoTitle: `${title} title` }, source } } : {}),
})

export const json = async <T = any>(res: Response): Promise<T> => (await res.json()) as T

/** A real store that notes each call (`<method> <key>`), and can be made to fail some. */
export function recordingStore(
  inner: BlobStore,
  fail: (method: string, key: string) => Error | undefined = () => undefined
) {
  const calls: string[] = []
  const note = (method: string, key: string) => {
    calls.push(`${method} ${key}`)
    const error = fail(method, key)
    if (error) throw error
  }
  const store: BlobStore = {
    kind: inner.kind,
    put: async (key, data, options) => {
      note('put', key)
      return inner.put(key, data, options)
    },
    get: async (key, range) => {
      note('get', key)
      return inner.get(key, range)
    },
    read: async (key) => {
      note('read', key)
      return inner.read(key)
    },
    readWithMeta: async (key) => {
      note('readWithMeta', key)
      return inner.readWithMeta(key)
    },
    head: async (key) => {
      note('head', key)
      return inner.head(key)
    },
    list: async (prefix, options) => {
      note('list', prefix)
      return inner.list(prefix, options)
    },
    delete: async (key, options) => {
      note('delete', key)
      return inner.delete(key, options)
    },
  }
  return { store, calls }
}
