/**
 * The BlobStore contract as one suite, run against every store (local disk, Cloud Storage via
 * the real library and the fake over HTTP), so both behave the same for the code above them.
 * The conditional-write part lives in `conditional-write-contract.ts`.
 */
import { describe, expect, test } from 'bun:test'
import { AppError } from '../../server/core/errors'
import type { BlobStore } from '../../server/storage/types'
import { conditionalWriteContract } from './conditional-write-contract'

export interface StoreUnderTest {
  store: BlobStore
  /** How many requests or file operations reached the backend so far (for "never touched"). */
  backendCalls(): number
}

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : undefined)
const md5Hex = (data: Uint8Array) => new Bun.CryptoHasher('md5').update(data).digest('hex')
const collect = async (stream: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(stream).arrayBuffer())

export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the call to fail')
}

/** Keys that must never reach a disk path or a bucket object. */
export const INVALID_KEYS = [
  '',
  '../etc/passwd',
  'media/../../etc/passwd',
  'media/..',
  '/etc/passwd',
  'media//x',
  'media/x/',
  'media\\..\\x',
  '%2e%2e/x',
  'media/%2e%2e',
  '.hidden',
  'media/.hidden',
  'media/x.meta.json',
  'media/x.tmp',
  'media/x.lock',
  'media/x y',
  'media/\u0000x',
  `media/${'a'.repeat(600)}`,
]

export function blobStoreContract(
  name: string,
  open: () => StoreUnderTest | Promise<StoreUnderTest>
) {
  describe(`BlobStore contract: ${name}`, () => {
    test('put returns the object meta and head reads the same back', async () => {
      const { store } = await open()
      const data = bytes('hello media')
      const put = await store.put('media/a.png', data, {
        contentType: 'image/png',
        metadata: { brand: 'acme', source: 'https://acme.example/logo.png' },
      })
      expect(put).toMatchObject({
        key: 'media/a.png',
        size: data.byteLength,
        contentType: 'image/png',
        etag: `"${md5Hex(data)}"`,
        metadata: { brand: 'acme', source: 'https://acme.example/logo.png' },
      })
      expect(Number.isNaN(Date.parse(put.updated))).toBe(false)
      expect(await store.head('media/a.png')).toEqual(put)
    })

    test('get streams the whole object with its meta; read returns the bytes', async () => {
      const { store } = await open()
      const data = Uint8Array.from({ length: 256 }, (_, i) => i) // every byte value
      await store.put('media/all-bytes.bin', data, { contentType: 'application/octet-stream' })
      const object = await store.get('media/all-bytes.bin')
      expect(object?.meta.size).toBe(256)
      expect(object?.meta.contentType).toBe('application/octet-stream')
      expect(await collect(object!.body)).toEqual(data)
      expect(await store.read('media/all-bytes.bin')).toEqual(data)
    })

    test('get with an inclusive byte range returns exactly those bytes', async () => {
      const { store } = await open()
      await store.put('media/digits.txt', bytes('0123456789'), { contentType: 'text/plain' })
      const slice = async (start: number, end: number) =>
        text(await collect((await store.get('media/digits.txt', { start, end }))!.body))
      expect(await slice(0, 0)).toBe('0')
      expect(await slice(2, 5)).toBe('2345')
      expect(await slice(7, 9)).toBe('789')
      expect(await slice(0, 9)).toBe('0123456789')
    })

    // Stores given a small resumable threshold send this through their large-object path.
    test('a large object (over the single-request upload size) round-trips, ranges included', async () => {
      const { store } = await open()
      const data = new Uint8Array(1024 * 1024 + 123)
      for (let i = 0; i < data.length; i++) data[i] = (i * 7) % 251
      const meta = await store.put('media/big.mp4', data, { contentType: 'video/mp4' })
      expect(meta.size).toBe(data.byteLength)
      expect(meta.etag).toBe(`"${md5Hex(data)}"`)
      expect(await store.read('media/big.mp4')).toEqual(data)
      const tail = await store.get('media/big.mp4', {
        start: data.byteLength - 10,
        end: data.byteLength - 1,
      })
      expect(await collect(tail!.body)).toEqual(data.subarray(data.byteLength - 10))
    })

    test('an empty object is stored and read back', async () => {
      const { store } = await open()
      const meta = await store.put('jobs/empty.json', new Uint8Array(0), {
        contentType: 'application/json',
      })
      expect(meta.size).toBe(0)
      expect((await store.read('jobs/empty.json'))?.byteLength).toBe(0)
      expect((await collect((await store.get('jobs/empty.json'))!.body)).byteLength).toBe(0)
    })

    test('put overwrites bytes, content type and metadata', async () => {
      const { store } = await open()
      await store.put('jobs/video/j1.json', bytes('{"status":"queued"}'), {
        contentType: 'application/json',
        metadata: { step: '1' },
      })
      await store.put('jobs/video/j1.json', bytes('{"status":"running"}'), {
        contentType: 'application/json; charset=utf-8',
      })
      expect(text(await store.read('jobs/video/j1.json'))).toBe('{"status":"running"}')
      const meta = await store.head('jobs/video/j1.json')
      expect(meta?.contentType).toBe('application/json; charset=utf-8')
      expect(meta?.metadata).toEqual({})
    })

    test('missing objects: head, get and read give undefined, delete gives false', async () => {
      const { store } = await open()
      expect(await store.head('media/missing.png')).toBeUndefined()
      expect(await store.get('media/missing.png')).toBeUndefined()
      expect(await store.get('media/missing.png', { start: 0, end: 1 })).toBeUndefined()
      expect(await store.read('media/missing.png')).toBeUndefined()
      expect(await store.delete('media/missing.png')).toBe(false)
    })

    test('delete removes the object once', async () => {
      const { store } = await open()
      await store.put('media/gone.png', bytes('x'), { contentType: 'image/png' })
      expect(await store.delete('media/gone.png')).toBe(true)
      expect(await store.head('media/gone.png')).toBeUndefined()
      expect(await store.read('media/gone.png')).toBeUndefined()
      expect(await store.delete('media/gone.png')).toBe(false)
    })

    test('list returns only keys under the prefix, sorted, with their meta', async () => {
      const { store } = await open()
      for (const key of [
        'jobs/video/b.json',
        'jobs/video/a.json',
        'jobs/videos/x.json',
        'media/c.png',
      ]) {
        await store.put(key, bytes(key), { contentType: 'application/json', metadata: { key } })
      }
      const { items, nextPageToken } = await store.list('jobs/video/')
      expect(items.map((i) => i.key)).toEqual(['jobs/video/a.json', 'jobs/video/b.json'])
      expect(items[0]).toMatchObject({
        size: 'jobs/video/a.json'.length,
        contentType: 'application/json',
        metadata: { key: 'jobs/video/a.json' },
      })
      expect(nextPageToken).toBeUndefined()
      expect((await store.list('nothing/here/')).items).toEqual([])
    })

    test('list pages through every key exactly once', async () => {
      const { store } = await open()
      const keys = ['p/1', 'p/2', 'p/3', 'p/4', 'p/5']
      for (const key of keys.toReversed())
        await store.put(key, bytes(key), { contentType: 'text/plain' })
      const seen: string[] = []
      let pageToken: string | undefined
      let pages = 0
      do {
        const page = await store.list('p/', { limit: 2, pageToken })
        expect(page.items.length).toBeLessThanOrEqual(2)
        seen.push(...page.items.map((i) => i.key))
        pageToken = page.nextPageToken
        pages++
      } while (pageToken && pages < 10)
      expect(seen).toEqual(keys)
      expect(pages).toBe(3)
    })

    test('keys that could escape the store are refused before the backend is touched', async () => {
      const { store, backendCalls } = await open()
      const before = backendCalls()
      for (const key of INVALID_KEYS) {
        for (const call of [
          () => store.put(key, bytes('x'), { contentType: 'text/plain' }),
          () => store.get(key),
          () => store.head(key),
          () => store.read(key),
          () => store.readWithMeta(key),
          () => store.delete(key),
          () => store.delete(key, { ifGenerationMatch: '0' }),
        ]) {
          const error = await rejection(call())
          expect(error.status).toBe(400)
          expect(error.code).toBe('invalid_key')
        }
      }
      expect(backendCalls()).toBe(before)
    })
  })

  conditionalWriteContract(name, open)
}
