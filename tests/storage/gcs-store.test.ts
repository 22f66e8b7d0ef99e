import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { createLogger } from '../../server/core/logger'
import { createBlobStore } from '../../server/storage'
import { createGcsStore, type GcsStoreOptions } from '../../server/storage/gcs-store'
import { startFakeGcs } from '../support/fake-gcs'
import { blobStoreContract, rejection } from './blob-store-contract'
import { conflict } from './conditional-write-contract'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

const logLines: string[] = []
const log = createLogger({ level: 'debug', write: (l) => logLines.push(l) })
// Retries as in production, with delays short enough for a test.
const FAST_RETRY = { minDelayMs: 5 }

function openGcs(options: Partial<GcsStoreOptions> = {}) {
  const bucket = `bucket-${crypto.randomUUID().slice(0, 8)}`
  const store = createGcsStore({ bucket, endpoint: gcs.url, log, retry: FAST_RETRY, ...options })
  return { store, bucket, backendCalls: () => gcs.requests.length }
}

// A 256 KB resumable threshold sends the contract's large object through a resumable upload.
blobStoreContract('Cloud Storage (real library, fake JSON API)', () =>
  openGcs({ resumableThreshold: 256 * 1024 })
)

describe('Cloud Storage wire requests', () => {
  beforeEach(() => {
    gcs.reset()
    logLines.length = 0
  })

  test('creating the store sends nothing; a small put is one multipart upload without credentials', async () => {
    const { store, bucket } = openGcs()
    expect(gcs.requests).toHaveLength(0)
    await store.put('media/a.png', new Uint8Array([1, 2, 3]), {
      contentType: 'image/png',
      metadata: { brand: 'acme' },
    })
    const [upload] = gcs.requests
    expect(gcs.requests).toHaveLength(1)
    expect(upload?.kind).toBe('upload-multipart')
    expect(upload?.path).toBe(`/upload/storage/v1/b/${bucket}/o`)
    expect(upload?.query.get('name')).toBe('media/a.png')
    expect(upload?.headers.authorization).toBeUndefined()
    // Nothing is made public: no ACL is requested, the bucket's default access applies.
    expect(upload?.query.get('predefinedAcl')).toBeNull()
    const stored = gcs.objects.get(`${bucket}/media/a.png`)
    expect(stored?.contentType).toBe('image/png')
    expect(stored?.metadata).toEqual({ brand: 'acme' })
    expect([...(stored?.bytes ?? [])]).toEqual([1, 2, 3])
  })

  test('an object over 5 MB goes up as a resumable upload (session, then the bytes)', async () => {
    const { store, bucket } = openGcs()
    const data = new Uint8Array(5 * 1024 * 1024 + 1).fill(7)
    await store.put('media/clip.mp4', data, { contentType: 'video/mp4', metadata: { job: 'j1' } })
    expect(gcs.requests.map((r) => r.kind)).toEqual([
      'upload-resumable-start',
      'upload-resumable-chunk',
    ])
    expect(gcs.requests[1]?.bodyBytes).toBe(data.byteLength)
    const stored = gcs.objects.get(`${bucket}/media/clip.mp4`)
    expect(stored?.bytes.byteLength).toBe(data.byteLength)
    expect(stored?.contentType).toBe('video/mp4')
    expect(stored?.metadata).toEqual({ job: 'j1' })
  })

  test('a ranged get asks for exactly that range with alt=media, after reading the metadata', async () => {
    const { store, bucket } = openGcs()
    await store.put('media/d.txt', new TextEncoder().encode('0123456789'), {
      contentType: 'text/plain',
    })
    gcs.requests.length = 0
    const object = await store.get('media/d.txt', { start: 2, end: 5 })
    expect(await new Response(object!.body).text()).toBe('2345')
    expect(gcs.requests.map((r) => r.kind)).toEqual(['metadata', 'media'])
    expect(gcs.requests[1]?.path).toBe(`/storage/v1/b/${bucket}/o/media%2Fd.txt`)
    expect(gcs.requests[1]?.headers.range).toBe('bytes=2-5')
  })

  test('list sends the prefix, the page size and the page token it was given', async () => {
    const { store } = openGcs()
    for (const k of ['q/1', 'q/2', 'q/3'])
      await store.put(k, new Uint8Array([1]), { contentType: 'text/plain' })
    gcs.requests.length = 0
    const first = await store.list('q/', { limit: 2 })
    await store.list('q/', { limit: 2, pageToken: first.nextPageToken })
    const [a, b] = gcs.calls('list')
    expect(a?.query.get('prefix')).toBe('q/')
    expect(a?.query.get('maxResults')).toBe('2')
    expect(b?.query.get('pageToken')).toBe(first.nextPageToken!)
  })
})

describe('Cloud Storage failures', () => {
  beforeEach(() => {
    gcs.reset()
    logLines.length = 0
  })

  test('a failed upload is a 502 storage_error without the upstream text, which goes to the log', async () => {
    const { store } = openGcs({ retry: { retries: 0 } })
    gcs.fail({
      status: 503,
      message: 'backend exploded: secret detail',
      when: (r) => r.kind === 'upload-multipart',
    })
    const error = await rejection(
      store.put('media/x.png', new Uint8Array([1]), { contentType: 'image/png' })
    )
    expect(error.status).toBe(502)
    expect(error.code).toBe('storage_error')
    expect(error.message).not.toContain('secret detail')
    const logged = logLines.join('\n')
    expect(logged).toContain('Cloud Storage put failed')
    expect(logged).toContain('secret detail')
    expect(logged).toContain('"status":503')
  })

  test('one 503 on an upload is retried and the put succeeds', async () => {
    const { store, bucket } = openGcs()
    gcs.fail({ status: 503, when: (r) => r.kind === 'upload-multipart' })
    await store.put('media/u.png', new Uint8Array([4]), { contentType: 'image/png' })
    expect(gcs.calls('upload-multipart')).toHaveLength(2)
    expect(gcs.objects.get(`${bucket}/media/u.png`)?.bytes).toEqual(new Uint8Array([4]))
  })

  // The library's own retries switch off for good after an unconditional save: a put first,
  // then the read, is the case that broke.
  test('one 503 on a read after a put is retried and the read succeeds', async () => {
    const { store } = openGcs()
    await store.put('media/r.png', new Uint8Array([9, 9]), { contentType: 'image/png' })
    gcs.fail({ status: 503, when: (r) => r.kind === 'metadata' })
    const meta = await store.head('media/r.png')
    expect(meta?.size).toBe(2)
    expect(gcs.calls('metadata')).toHaveLength(2)
  })

  test('a download that keeps failing is a 502 before any byte is streamed', async () => {
    const { store } = openGcs()
    await store.put('media/f.png', new Uint8Array([1, 2]), { contentType: 'image/png' })
    gcs.fail({ status: 500, times: 10, when: (r) => r.kind === 'media' })
    const error = await rejection(store.get('media/f.png'))
    expect(error.status).toBe(502)
    expect(error.code).toBe('storage_error')
    expect(gcs.calls('media')).toHaveLength(3)
    // Late failures of the library's own stream machinery would surface here as unhandled
    // rejections (which end a Bun server); give them the time to show up.
    await Bun.sleep(50)
  })

  test('one 500 on a ranged download is retried and the bytes arrive intact', async () => {
    const { store } = openGcs()
    await store.put('media/g.txt', new TextEncoder().encode('abcdef'), {
      contentType: 'text/plain',
    })
    gcs.fail({ status: 500, when: (r) => r.kind === 'media' })
    const object = await store.get('media/g.txt', { start: 1, end: 3 })
    expect(await new Response(object!.body).text()).toBe('bcd')
    expect(gcs.calls('media')).toHaveLength(2)
  })

  test('a refused list (403) is a 502 and is not retried', async () => {
    const { store } = openGcs()
    gcs.fail({ status: 403, message: 'denied', when: (r) => r.kind === 'list' })
    const error = await rejection(store.list('media/'))
    expect(error.code).toBe('storage_error')
    expect(gcs.calls('list')).toHaveLength(1)
  })

  test('an unreachable endpoint is a 502 storage_error', async () => {
    const { store } = openGcs({ endpoint: 'http://127.0.0.1:9', retry: { retries: 0 } })
    const error = await rejection(store.head('media/x.png'))
    expect(error.status).toBe(502)
    expect(error.code).toBe('storage_error')
  })
})

describe('Cloud Storage conditional writes', () => {
  beforeEach(() => {
    gcs.reset()
    logLines.length = 0
  })
  const json = { contentType: 'application/json' }
  const encode = (t: string) => new TextEncoder().encode(t)

  test('a conditional put sends ifGenerationMatch with the upload; its write id stays internal', async () => {
    const { store, bucket } = openGcs()
    const meta = await store.put('jobs/a.json', encode('{}'), {
      ...json,
      metadata: { step: '1' },
      ifGenerationMatch: '0',
    })
    const [upload] = gcs.calls('upload-multipart')
    expect(upload?.query.get('ifGenerationMatch')).toBe('0')
    expect(meta.metadata).toEqual({ step: '1' })
    expect((await store.head('jobs/a.json'))?.metadata).toEqual({ step: '1' })
    expect(meta.generation).toBe(String(gcs.objects.get(`${bucket}/jobs/a.json`)?.generation))
  })

  test('an unconditional put sends no precondition', async () => {
    const { store } = openGcs()
    await store.put('jobs/u.json', encode('{}'), json)
    expect(gcs.calls('upload-multipart')[0]?.query.has('ifGenerationMatch')).toBe(false)
  })

  test('a retried conditional put whose first attempt took effect succeeds, not a conflict', async () => {
    const { store, bucket } = openGcs()
    const v1 = await store.put('jobs/r.json', encode('v1'), json)
    gcs.fail({ status: 503, afterCommit: true, when: (r) => r.kind === 'upload-multipart' })
    const v2 = await store.put('jobs/r.json', encode('v2'), {
      ...json,
      ifGenerationMatch: v1.generation,
    })
    expect(gcs.calls('upload-multipart')).toHaveLength(3)
    const stored = gcs.objects.get(`${bucket}/jobs/r.json`)
    expect(new TextDecoder().decode(stored?.bytes)).toBe('v2')
    expect(v2.generation).toBe(String(stored?.generation))
    expect(v2.metadata).toEqual({})
  })

  test('a retried create whose first attempt took effect succeeds too', async () => {
    const { store } = openGcs()
    gcs.fail({ status: 500, afterCommit: true, when: (r) => r.kind === 'upload-multipart' })
    const meta = await store.put('jobs/c.json', encode('c'), { ...json, ifGenerationMatch: '0' })
    expect((await store.head('jobs/c.json'))?.generation).toBe(meta.generation)
  })

  test('a retried conditional put that meets somebody else’s write is a conflict', async () => {
    const { store, bucket } = openGcs()
    const v1 = await store.put('jobs/o.json', encode('v1'), json)
    gcs.fail({
      status: 503,
      when: (r) => {
        if (r.kind !== 'upload-multipart') return false
        // Another instance writes while this attempt fails.
        const live = gcs.objects.get(`${bucket}/jobs/o.json`)
        if (live)
          gcs.objects.set(`${bucket}/jobs/o.json`, { ...live, generation: live.generation + 100 })
        return true
      },
    })
    const error = await conflict(
      store.put('jobs/o.json', encode('mine'), { ...json, ifGenerationMatch: v1.generation })
    )
    expect(error.expected).toBe(v1.generation)
    expect(new TextDecoder().decode(gcs.objects.get(`${bucket}/jobs/o.json`)?.bytes)).toBe('v1')
  })

  test('a conditional delete sends ifGenerationMatch; a retry after it took effect reports it deleted', async () => {
    const { store } = openGcs()
    const v1 = await store.put('jobs/d.json', encode('d'), json)
    gcs.fail({ status: 503, afterCommit: true, when: (r) => r.kind === 'delete' })
    expect(await store.delete('jobs/d.json', { ifGenerationMatch: v1.generation })).toBe(true)
    const deletes = gcs.calls('delete')
    expect(deletes).toHaveLength(2)
    expect(deletes[0]?.query.get('ifGenerationMatch')).toBe(v1.generation)
  })

  test('a conflict is not retried and is not logged as a storage failure', async () => {
    const { store } = openGcs()
    await store.put('jobs/n.json', encode('n'), json)
    await conflict(store.put('jobs/n.json', encode('x'), { ...json, ifGenerationMatch: '0' }))
    await conflict(store.delete('jobs/n.json', { ifGenerationMatch: '1' }))
    expect(gcs.calls('upload-multipart')).toHaveLength(2)
    expect(gcs.calls('delete')).toHaveLength(1)
    expect(logLines.join('\n')).not.toContain('Cloud Storage put failed')
  })

  test('readWithMeta downloads the generation it read; a newer write in between is read again', async () => {
    const { store, bucket } = openGcs()
    await store.put('jobs/w.json', encode('same'), json)
    let replaced = false
    gcs.fail({
      // Never fails a request: the hook only replaces the object before the first download.
      status: 500,
      when: (r) => {
        if (r.kind === 'media' && !replaced) {
          replaced = true
          const live = gcs.objects.get(`${bucket}/jobs/w.json`)
          if (live)
            gcs.objects.set(`${bucket}/jobs/w.json`, { ...live, generation: live.generation + 1 })
        }
        return false
      },
    })
    gcs.requests.length = 0
    const object = await store.readWithMeta('jobs/w.json')
    expect(gcs.requests.map((r) => r.kind)).toEqual(['metadata', 'media', 'metadata', 'media'])
    const pinned = gcs.requests
      .filter((r) => r.kind === 'media')
      .map((r) => r.query.get('generation'))
    expect(pinned[1]).toBe(object?.meta.generation ?? '')
    expect(pinned[0]).not.toBe(pinned[1])
    expect(object?.meta.generation).toBe(
      String(gcs.objects.get(`${bucket}/jobs/w.json`)?.generation)
    )
  })
})

test('a bucket that does not exist is a logged 502 for every call, never a quiet "not found"', async () => {
  const strict = await startFakeGcs({ buckets: ['real-bucket'] })
  try {
    logLines.length = 0
    const store = createGcsStore({
      bucket: 'typo-bucket',
      endpoint: strict.url,
      log,
      retry: FAST_RETRY,
    })
    for (const call of [
      () => store.head('media/a.png'),
      () => store.get('media/a.png'),
      () => store.read('media/a.png'),
      () => store.list('media/'),
      () => store.delete('media/a.png'),
      () => store.put('media/a.png', new Uint8Array([1]), { contentType: 'image/png' }),
    ]) {
      expect((await rejection(call())).code).toBe('storage_error')
    }
    expect(logLines.join('\n')).toContain('bucket does not exist')
  } finally {
    strict.stop()
  }
})

describe('createBlobStore', () => {
  test('uses Cloud Storage when a bucket is configured, with the configured endpoint', async () => {
    gcs.reset()
    const store = createBlobStore(
      { bucket: 'configured', dataDir: '/nonexistent', gcsEndpoint: gcs.url },
      log
    )
    expect(store.kind).toBe('gcs')
    await store.put('media/k.png', new Uint8Array([1]), { contentType: 'image/png' })
    expect(gcs.objects.has('configured/media/k.png')).toBe(true)
  })

  test('uses the local disk without a bucket', () => {
    expect(createBlobStore({ dataDir: '/tmp/ais-unused' }).kind).toBe('local')
  })
})
