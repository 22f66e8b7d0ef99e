/**
 * The fake Cloud Storage itself: its checksums are the real ones, and the parts of the protocol
 * the store does not use every day (chunked resumable uploads, range edge cases, page tokens)
 * behave as the library expects.
 */
import { afterAll, beforeEach, expect, test } from 'bun:test'
import { Storage } from '@google-cloud/storage'
import { startFakeGcs } from '../support/fake-gcs'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())
beforeEach(() => gcs.reset())

const storage = new Storage({ apiEndpoint: gcs.url, retryOptions: { autoRetry: false } })
const bucket = storage.bucket('fake-test')

test('upload answers carry the standard CRC32C and MD5 of the bytes', async () => {
  const file = bucket.file('check.txt')
  await file.save(Buffer.from('123456789'), { resumable: false, contentType: 'text/plain' })
  // 0xE3069283 is the published CRC-32C check value of "123456789".
  expect(file.metadata.crc32c).toBe(Buffer.from([0xe3, 0x06, 0x92, 0x83]).toString('base64'))
  expect(file.metadata.md5Hash).toBe(
    Buffer.from('25f9e794323b453885f5181f1b624d0b', 'hex').toString('base64')
  )
  expect(String(file.metadata.size)).toBe('9')
})

test('a chunked resumable upload arrives whole, one Content-Range per chunk', async () => {
  const data = Buffer.alloc(600 * 1024, 3)
  await bucket.file('chunks.bin').save(data, { resumable: true, chunkSize: 256 * 1024 })
  const chunks = gcs.calls('upload-resumable-chunk')
  expect(chunks.map((r) => r.headers['content-range'])).toEqual([
    'bytes 0-262143/*',
    'bytes 262144-524287/*',
    'bytes 524288-614399/614400',
  ])
  expect(gcs.objects.get('fake-test/chunks.bin')?.bytes).toEqual(new Uint8Array(data))
})

test('downloads honour suffix and open ranges and refuse unsatisfiable ones with 416', async () => {
  await bucket.file('r.txt').save(Buffer.from('abcdefghij'), { resumable: false })
  const url = `${gcs.url}/storage/v1/b/fake-test/o/r.txt?alt=media`
  const get = (range: string) => fetch(url, { headers: { Range: range } })
  const tail = await get('bytes=-3')
  expect(tail.status).toBe(206)
  expect(tail.headers.get('content-range')).toBe('bytes 7-9/10')
  expect(await tail.text()).toBe('hij')
  expect(await (await get('bytes=8-')).text()).toBe('ij')
  const past = await get('bytes=10-')
  expect(past.status).toBe(416)
  expect(past.headers.get('content-range')).toBe('bytes */10')
  expect((await past.json()).error.code).toBe(416)
})

test('missing objects are 404 in Google error JSON, which the library reads as code 404', async () => {
  const error = await bucket
    .file('nope')
    .getMetadata()
    .then(
      () => undefined,
      (e: { code?: number; message?: string }) => e
    )
  expect(error?.code).toBe(404)
  expect(error?.message).toContain('No such object')
})

test('listing pages with opaque tokens until the last page has none', async () => {
  for (const n of ['a', 'b', 'c'])
    await bucket.file(`l/${n}`).save(Buffer.from(n), { resumable: false })
  const [page1, next1] = await bucket.getFiles({ prefix: 'l/', maxResults: 2, autoPaginate: false })
  const [page2, next2] = await bucket.getFiles({ ...next1, autoPaginate: false })
  expect(page1.map((f) => f.name)).toEqual(['l/a', 'l/b'])
  expect(page2.map((f) => f.name)).toEqual(['l/c'])
  expect(next2).toBeNull()
})

const PRECONDITION_FAILED = {
  error: {
    code: 412,
    message: 'At least one of the pre-conditions you specified did not hold.',
    errors: [
      {
        domain: 'global',
        reason: 'conditionNotMet',
        message: 'At least one of the pre-conditions you specified did not hold.',
        locationType: 'header',
        location: 'If-Match',
      },
    ],
  },
}

const objectUrl = (name: string, query = '') =>
  `${gcs.url}/storage/v1/b/fake-test/o/${encodeURIComponent(name)}${query}`

test('an upload with a stale ifGenerationMatch is refused with 412 conditionNotMet', async () => {
  const file = bucket.file('cas.txt')
  await file.save(Buffer.from('v1'), { resumable: false })
  const generation = String(file.metadata.generation)
  await file.save(Buffer.from('v2'), { resumable: false })
  const error = await file
    .save(Buffer.from('v3'), {
      resumable: false,
      preconditionOpts: { ifGenerationMatch: generation },
    })
    .then(
      () => undefined,
      (e: { code?: number; errors?: { reason?: string }[] }) => e
    )
  expect(error?.code).toBe(412)
  expect(error?.errors?.[0]?.reason).toBe('conditionNotMet')
  expect(new TextDecoder().decode(gcs.objects.get('fake-test/cas.txt')?.bytes)).toBe('v2')
})

test('ifGenerationMatch=0 uploads only when there is no live object', async () => {
  const file = bucket.file('once.txt')
  await file.save(Buffer.from('a'), {
    resumable: false,
    preconditionOpts: { ifGenerationMatch: 0 },
  })
  const again = await file
    .save(Buffer.from('b'), { resumable: false, preconditionOpts: { ifGenerationMatch: 0 } })
    .then(
      () => 200,
      (e: { code?: number }) => e.code
    )
  expect(again).toBe(412)
})

test('a resumable upload checks ifGenerationMatch when it completes', async () => {
  const file = bucket.file('big-once.bin')
  await file.save(Buffer.alloc(10, 1), { resumable: false })
  const error = await file
    .save(Buffer.alloc(300 * 1024, 2), {
      resumable: true,
      chunkSize: 256 * 1024,
      preconditionOpts: { ifGenerationMatch: 0 },
    })
    .then(
      () => undefined,
      (e: { code?: number }) => e
    )
  expect(error?.code).toBe(412)
  expect(gcs.calls('upload-resumable-chunk').length).toBeGreaterThan(0)
  expect(gcs.objects.get('fake-test/big-once.bin')?.bytes.byteLength).toBe(10)
})

test('DELETE and metadata reads with a stale ifGenerationMatch answer Google’s 412 body', async () => {
  await bucket.file('d.txt').save(Buffer.from('x'), { resumable: false })
  const live = gcs.objects.get('fake-test/d.txt')?.generation
  for (const method of ['DELETE', 'GET']) {
    const res = await fetch(objectUrl('d.txt', `?ifGenerationMatch=${Number(live) - 1}`), {
      method,
    })
    expect(res.status).toBe(412)
    expect(await res.json()).toEqual(PRECONDITION_FAILED)
  }
  expect(gcs.objects.has('fake-test/d.txt')).toBe(true)
  const deleted = await fetch(objectUrl('d.txt', `?ifGenerationMatch=${live}`), {
    method: 'DELETE',
  })
  expect(deleted.status).toBe(204)
  const missing = await fetch(objectUrl('d.txt', `?ifGenerationMatch=${live}`), {
    method: 'DELETE',
  })
  expect(missing.status).toBe(404)
})

test('a precondition that is not a number is 400, as Cloud Storage answers', async () => {
  await bucket.file('n.txt').save(Buffer.from('x'), { resumable: false })
  const res = await fetch(objectUrl('n.txt', '?ifGenerationMatch=abc'))
  expect(res.status).toBe(400)
})

test('a read pinned to a generation that is no longer live is 404', async () => {
  const file = bucket.file('p.txt')
  await file.save(Buffer.from('v1'), { resumable: false })
  const old = String(file.metadata.generation)
  await file.save(Buffer.from('v2'), { resumable: false })
  expect((await fetch(objectUrl('p.txt', `?alt=media&generation=${old}`))).status).toBe(404)
  const live = String(file.metadata.generation)
  const res = await fetch(objectUrl('p.txt', `?alt=media&generation=${live}`))
  expect(await res.text()).toBe('v2')
})

test('a fault after commit stores the write and answers only the fault', async () => {
  gcs.fail({ status: 503, afterCommit: true, when: (r) => r.kind === 'upload-multipart' })
  const status = await bucket
    .file('late.txt')
    .save(Buffer.from('kept'), { resumable: false })
    .then(
      () => 200,
      (e: { code?: number }) => e.code
    )
  expect(status).toBe(503)
  expect(new TextDecoder().decode(gcs.objects.get('fake-test/late.txt')?.bytes)).toBe('kept')
})
