/**
 * The BlobStore contract as one suite, run against every store (local disk, Cloud Storage via
 * the real library and the fake over HTTP), so both behave the same for the code above them.
 */
import { describe, expect, test } from 'bun:test'
import { AppError } from '../../server/core/errors'
import { type BlobStore, PreconditionFailed } from '../../server/storage/types'

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

/** The `PreconditionFailed` a conditional call must throw. */
export async function conflict(promise: Promise<unknown>): Promise<PreconditionFailed> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(PreconditionFailed)
    return error as PreconditionFailed
  }
  throw new Error('expected the call to fail with PreconditionFailed')
}

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

const json = { contentType: 'application/json' }

/** `ifGenerationMatch` on put and delete, and `readWithMeta`: the compare-and-swap contract. */
function conditionalWriteContract(
  name: string,
  open: () => StoreUnderTest | Promise<StoreUnderTest>
) {
  describe(`BlobStore contract, conditional writes: ${name}`, () => {
    test('every write gives a new, larger generation, even with the same bytes', async () => {
      const { store } = await open()
      const first = await store.put('jobs/g.json', bytes('same'), json)
      const second = await store.put('jobs/g.json', bytes('same'), json)
      expect(first.generation).toMatch(/^\d+$/)
      expect(BigInt(second.generation)).toBeGreaterThan(BigInt(first.generation))
      expect((await store.head('jobs/g.json'))?.generation).toBe(second.generation)
      expect((await store.list('jobs/'))?.items[0]?.generation).toBe(second.generation)
    })

    test("ifGenerationMatch '0' creates the object only when it does not exist", async () => {
      const { store } = await open()
      const created = await store.put('jobs/new.json', bytes('one'), {
        ...json,
        ifGenerationMatch: '0',
      })
      const error = await conflict(
        store.put('jobs/new.json', bytes('two'), { ...json, ifGenerationMatch: '0' })
      )
      expect(error.key).toBe('jobs/new.json')
      expect(text(await store.read('jobs/new.json'))).toBe('one')
      expect((await store.head('jobs/new.json'))?.generation).toBe(created.generation)
    })

    test('a write naming the current generation replaces the object', async () => {
      const { store } = await open()
      const v1 = await store.put('jobs/cas.json', bytes('v1'), json)
      const v2 = await store.put('jobs/cas.json', bytes('v2'), {
        ...json,
        metadata: { step: '2' },
        ifGenerationMatch: v1.generation,
      })
      expect(v2.generation).not.toBe(v1.generation)
      expect(v2.metadata).toEqual({ step: '2' })
      expect(await store.readWithMeta('jobs/cas.json')).toEqual({ meta: v2, bytes: bytes('v2') })
    })

    test('a write naming an old generation fails and changes nothing', async () => {
      const { store } = await open()
      const v1 = await store.put('jobs/stale.json', bytes('v1'), json)
      const v2 = await store.put('jobs/stale.json', bytes('v2'), json)
      await conflict(
        store.put('jobs/stale.json', bytes('v3'), { ...json, ifGenerationMatch: v1.generation })
      )
      expect(text(await store.read('jobs/stale.json'))).toBe('v2')
      expect((await store.head('jobs/stale.json'))?.generation).toBe(v2.generation)
    })

    test('a write naming a generation of a missing object fails and creates nothing', async () => {
      const { store } = await open()
      await conflict(
        store.put('jobs/absent.json', bytes('x'), { ...json, ifGenerationMatch: '12345' })
      )
      expect(await store.head('jobs/absent.json')).toBeUndefined()
    })

    // Stores given a small resumable threshold send this through their large-object path.
    test('a large object is written conditionally too', async () => {
      const { store } = await open()
      const data = new Uint8Array(1024 * 1024 + 7).fill(5)
      const v1 = await store.put('media/big-cas.bin', data, {
        contentType: 'application/octet-stream',
        ifGenerationMatch: '0',
      })
      await conflict(
        store.put('media/big-cas.bin', data.subarray(1), {
          contentType: 'application/octet-stream',
          ifGenerationMatch: '0',
        })
      )
      const v2 = await store.put('media/big-cas.bin', data.subarray(2), {
        contentType: 'application/octet-stream',
        ifGenerationMatch: v1.generation,
      })
      expect(v2.size).toBe(data.byteLength - 2)
      expect((await store.head('media/big-cas.bin'))?.generation).toBe(v2.generation)
    })

    test('a conditional delete removes only the generation it names', async () => {
      const { store } = await open()
      const v1 = await store.put('jobs/del.json', bytes('v1'), json)
      const v2 = await store.put('jobs/del.json', bytes('v2'), json)
      await conflict(store.delete('jobs/del.json', { ifGenerationMatch: v1.generation }))
      await conflict(store.delete('jobs/del.json', { ifGenerationMatch: '0' }))
      expect(text(await store.read('jobs/del.json'))).toBe('v2')
      expect(await store.delete('jobs/del.json', { ifGenerationMatch: v2.generation })).toBe(true)
      expect(await store.head('jobs/del.json')).toBeUndefined()
      expect(await store.delete('jobs/del.json', { ifGenerationMatch: v2.generation })).toBe(false)
    })

    test('readWithMeta gives the bytes with the meta of the same version, or undefined', async () => {
      const { store } = await open()
      expect(await store.readWithMeta('jobs/none.json')).toBeUndefined()
      const meta = await store.put('jobs/rwm.json', bytes('{"n":1}'), json)
      const object = await store.readWithMeta('jobs/rwm.json')
      expect(object?.meta).toEqual(meta)
      expect(text(object?.bytes)).toBe('{"n":1}')
    })

    test('of many concurrent writers naming the same generation exactly one wins', async () => {
      const { store } = await open()
      const base = await store.put('jobs/race.json', bytes('base'), json)
      const writers = Array.from({ length: 12 }, (_, i) =>
        store.put('jobs/race.json', bytes(`writer-${i}`), {
          ...json,
          ifGenerationMatch: base.generation,
        })
      )
      const results = await Promise.allSettled(writers)
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []))
      expect(won).toHaveLength(1)
      for (const r of results) {
        if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(PreconditionFailed)
      }
      expect(text(await store.read('jobs/race.json'))).toBe(`writer-${won[0]}`)
    })

    test('of many concurrent creators exactly one wins', async () => {
      const { store } = await open()
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          store.put('jobs/create-race.json', bytes(`c${i}`), { ...json, ifGenerationMatch: '0' })
        )
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    })

    test('concurrent read-modify-write loops lose no update', async () => {
      const { store } = await open()
      const key = 'jobs/counter.json'
      await store.put(key, bytes('0'), json)
      const increment = async () => {
        for (;;) {
          const current = await store.readWithMeta(key)
          const next = Number(text(current?.bytes)) + 1
          try {
            await store.put(key, bytes(String(next)), {
              ...json,
              ifGenerationMatch: current?.meta.generation ?? '0',
            })
            return
          } catch (error) {
            if (!(error instanceof PreconditionFailed)) throw error
          }
        }
      }
      await Promise.all(Array.from({ length: 6 }, () => increment().then(increment)))
      expect(text(await store.read(key))).toBe('12')
    })
  })
}
