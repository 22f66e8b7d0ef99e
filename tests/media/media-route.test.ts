import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../../server/core/logger'
import { mediaRoutes } from '../../server/features/media/routes'
import { createGcsStore } from '../../server/storage/gcs-store'
import { createLocalStore } from '../../server/storage/local-store'
import { mediaKey, saveMedia } from '../../server/storage/media'
import type { BlobStore } from '../../server/storage/types'
import { svg } from '../storage/image-fixtures'
import { buildTestApp } from '../support/app'
import { startFakeGcs } from '../support/fake-gcs'

const gcs = await startFakeGcs()
const dirs: string[] = []
afterAll(() => {
  gcs.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A real store that notes every call, to prove a request never reached it. */
function recorded(store: BlobStore) {
  const calls: string[] = []
  const note = (call: string) => {
    calls.push(call)
  }
  const wrapped: BlobStore = {
    kind: store.kind,
    put: (key, data, options) => {
      note(`put ${key}`)
      return store.put(key, data, options)
    },
    get: (key, range) => {
      note(`get ${key}`)
      return store.get(key, range)
    },
    read: (key) => {
      note(`read ${key}`)
      return store.read(key)
    },
    readWithMeta: (key) => {
      note(`readWithMeta ${key}`)
      return store.readWithMeta(key)
    },
    head: (key) => {
      note(`head ${key}`)
      return store.head(key)
    },
    list: (prefix, options) => {
      note(`list ${prefix}`)
      return store.list(prefix, options)
    },
    delete: (key, options) => {
      note(`delete ${key}`)
      return store.delete(key, options)
    },
  }
  return { store: wrapped, calls }
}

const backends: [string, () => { store: BlobStore; dataDir?: string }][] = [
  [
    'local disk',
    () => {
      const parent = mkdtempSync(join(tmpdir(), 'ais-media-route-'))
      dirs.push(parent)
      const dataDir = join(parent, 'data')
      return { store: createLocalStore(dataDir), dataDir }
    },
  ],
  [
    'Cloud Storage',
    () => ({
      store: createGcsStore({
        bucket: `route-${crypto.randomUUID().slice(0, 8)}`,
        endpoint: gcs.url,
        log: createLogger({ write: () => {} }),
        retry: { retries: 0 },
      }),
    }),
  ],
]

const DIGITS = new TextEncoder().encode('0123456789abcdefghij') // 20 bytes
const md5Hex = (data: Uint8Array) => new Bun.CryptoHasher('md5').update(data).digest('hex')

for (const [name, open] of backends) {
  describe(`GET /media/:id on ${name}`, () => {
    let app: ReturnType<typeof buildTestApp>['app']
    let calls: string[]
    let id: string
    let dataDir: string | undefined
    let store: BlobStore

    beforeEach(async () => {
      const backend = open()
      dataDir = backend.dataDir
      store = backend.store
      const spy = recorded(backend.store)
      app = buildTestApp({ deps: { store: spy.store } }).app
      id = (await saveMedia(backend.store, DIGITS, 'image/png')).id
      calls = spy.calls
    })

    const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
      app.request(path, { method, headers })

    test('streams the whole object with its type, validator and immutable caching', async () => {
      const res = await get(`/media/${id}`)
      expect(res.status).toBe(200)
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(DIGITS)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('content-length')).toBe('20')
      expect(res.headers.get('etag')).toBe(`"${md5Hex(DIGITS)}"`)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('accept-ranges')).toBe('bytes')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-disposition')).toBeNull()
    })

    test.each([
      ['bytes=2-5', '2345', 'bytes 2-5/20'],
      ['bytes=0-0', '0', 'bytes 0-0/20'],
      ['bytes=15-', 'fghij', 'bytes 15-19/20'],
      ['bytes=-3', 'hij', 'bytes 17-19/20'],
      ['bytes=-50', '0123456789abcdefghij', 'bytes 0-19/20'],
      ['bytes=18-999', 'ij', 'bytes 18-19/20'],
    ])('Range %s is a 206 with %p and Content-Range %s', async (range, body, contentRange) => {
      const res = await get(`/media/${id}`, { Range: range })
      expect(res.status).toBe(206)
      expect(await res.text()).toBe(body)
      expect(res.headers.get('content-range')).toBe(contentRange)
      expect(res.headers.get('content-length')).toBe(String(body.length))
      expect(res.headers.get('accept-ranges')).toBe('bytes')
      expect(res.headers.get('etag')).toBe(`"${md5Hex(DIGITS)}"`)
    })

    test.each(['bytes=20-', 'bytes=25-30', 'bytes=-0'])(
      'an unsatisfiable Range (%s) is 416 with Content-Range bytes */size, in the error envelope',
      async (range) => {
        const res = await get(`/media/${id}`, { Range: range })
        expect(res.status).toBe(416)
        expect(res.headers.get('content-range')).toBe('bytes */20')
        const body = await res.json()
        expect(body.error.code).toBe('range_not_satisfiable')
        expect(typeof body.requestId).toBe('string')
      }
    )

    test.each(['bytes=0-1,5-6', 'bytes=5-2', 'items=0-1', 'bytes=abc'])(
      'a multi-range or malformed Range (%s) gets the whole object',
      async (range) => {
        const res = await get(`/media/${id}`, { Range: range })
        expect(res.status).toBe(200)
        expect(await res.text()).toBe('0123456789abcdefghij')
      }
    )

    test('If-Range with another validator ignores the Range; with ours it applies', async () => {
      const stale = await get(`/media/${id}`, { Range: 'bytes=0-1', 'If-Range': '"other"' })
      expect(stale.status).toBe(200)
      const fresh = await get(`/media/${id}`, {
        Range: 'bytes=0-1',
        'If-Range': `"${md5Hex(DIGITS)}"`,
      })
      expect(fresh.status).toBe(206)
      expect(await fresh.text()).toBe('01')
    })

    test.each([
      (etag: string) => etag,
      (etag: string) => `W/${etag}`,
      (etag: string) => `"nope", ${etag}`,
      () => '*',
    ])(
      'If-None-Match that matches (form %#) is a bodiless 304 with the validator',
      async (form) => {
        const res = await get(`/media/${id}`, { 'If-None-Match': form(`"${md5Hex(DIGITS)}"`) })
        expect(res.status).toBe(304)
        expect(await res.text()).toBe('')
        expect(res.headers.get('etag')).toBe(`"${md5Hex(DIGITS)}"`)
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      }
    )

    test('If-None-Match with another validator gets the object', async () => {
      const res = await get(`/media/${id}`, { 'If-None-Match': '"something-else"' })
      expect(res.status).toBe(200)
    })

    test('HEAD answers the headers only and does not open the object', async () => {
      calls.length = 0
      const res = await get(`/media/${id}`, {}, 'HEAD')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-length')).toBe('20')
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(await res.text()).toBe('')
      expect(calls).toEqual([`head ${mediaKey(id)}`])
      const ranged = await get(`/media/${id}`, { Range: 'bytes=-4' }, 'HEAD')
      expect(ranged.status).toBe(206)
      expect(ranged.headers.get('content-range')).toBe('bytes 16-19/20')
    })

    test('an SVG is sandboxed and sent as a download with nosniff (an <img> still renders it)', async () => {
      const ref = await saveMedia(store, svg(10, 10), 'image/svg+xml')
      const res = await get(`/media/${ref.id}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/svg+xml')
      expect(res.headers.get('content-disposition')).toBe('attachment')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toBe('sandbox')
    })

    test('other media keep the app-wide Content-Security-Policy', async () => {
      const res = await get(`/media/${id}`)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    })

    test('an object of a type that is not plain media is never rendered', async () => {
      // Even if something stored HTML under a media id, it goes out as an opaque download.
      const fake = `${'c'.repeat(64)}.bin`
      await store.put(mediaKey(fake), new TextEncoder().encode('<script>x</script>'), {
        contentType: 'text/html',
      })
      const res = await get(`/media/${fake}`)
      expect(res.headers.get('content-type')).toBe('application/octet-stream')
      expect(res.headers.get('content-disposition')).toBe('attachment')
    })

    test('a well-formed id with no object is a 404 envelope', async () => {
      const res = await get(`/media/${'d'.repeat(64)}.png`)
      expect(res.status).toBe(404)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const body = await res.json()
      expect(body.error.code).toBe('not_found')
      expect(typeof body.requestId).toBe('string')
    })

    test.each([
      '/media/..%2f..%2fetc%2fpasswd',
      '/media/..%2F..%2Fdata%2Fmedia%2Fx',
      '/media/%2e%2e%2fsecret.txt',
      '/media/..%5c..%5cetc%5cpasswd',
      '/media/%2e%2e%5csecret.txt',
      '/media/....//....//secret.txt',
      '/media/%252e%252e%252fsecret.txt',
      `/media/${'e'.repeat(64)}.png%2f..%2f..%2fsecret.txt`,
      `/media/${'E'.repeat(64)}.png`,
      `/media/${'e'.repeat(64)}.png%00.txt`,
      '/media/secret.txt',
      '/media/',
      '/media/a/b',
    ])('%s is a 404 envelope and never reaches the store', async (path) => {
      if (dataDir) writeFileSync(join(dataDir, '..', 'secret.txt'), 'top secret')
      calls.length = 0
      const res = await get(path)
      expect(res.status).toBe(404)
      const text = await res.text()
      expect(text).not.toContain('top secret')
      expect(JSON.parse(text).error.code).toBe('not_found')
      expect(calls).toEqual([])
    })

    // URL parsing resolves these dot segments and backslashes before routing, so they leave
    // /media altogether; whatever answers them, nothing is served from outside the store.
    test.each(['/media/%2e%2e/secret.txt', '/media/..\\..\\secret.txt', '/media/.%2e/secret.txt'])(
      '%s never reaches the store or a file outside it',
      async (path) => {
        if (dataDir) writeFileSync(join(dataDir, '..', 'secret.txt'), 'top secret')
        calls.length = 0
        const res = await get(path)
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(await res.text()).not.toContain('top secret')
        expect(calls).toEqual([])
      }
    )

    test('POST to a media id is refused without touching the store', async () => {
      calls.length = 0
      const res = await app.request(`/media/${id}`, { method: 'POST', body: 'x' })
      expect(res.status).toBe(404)
      expect(calls).toEqual([])
    })
  })
}

describe('/media with a failing Cloud Storage', () => {
  test('a storage failure is a 502 storage_error envelope without upstream detail', async () => {
    const store = createGcsStore({
      bucket: 'failing',
      endpoint: gcs.url,
      log: createLogger({ write: () => {} }),
      retry: { retries: 0 },
    })
    const { app } = buildTestApp({ deps: { store } })
    gcs.fail({
      status: 503,
      message: 'internal backend detail',
      when: (r) => r.kind === 'metadata',
    })
    const res = await app.request(`/media/${'f'.repeat(64)}.png`)
    expect(res.status).toBe(502)
    const text = await res.text()
    expect(JSON.parse(text).error.code).toBe('storage_error')
    expect(text).not.toContain('internal backend detail')
  })
})

describe('the media routes on their own', () => {
  test('an SVG is served with Content-Security-Policy: sandbox', async () => {
    const store = backends[0]![1]().store
    const ref = await saveMedia(store, svg(5, 5), 'image/svg+xml')
    const res = await mediaRoutes(store).request(`/${ref.id}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe('sandbox')
  })
})
