/**
 * The conditional-write part of the BlobStore contract (`ifGenerationMatch` on put and delete,
 * `readWithMeta`): the compare-and-swap that job records and saved work are built on, with
 * concurrent writers, run against every store by `blobStoreContract`.
 */
import { describe, expect, test } from 'bun:test'
import { PreconditionFailed } from '../../server/storage/types'
import type { StoreUnderTest } from './blob-store-contract'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (data: Uint8Array | undefined) => (data ? new TextDecoder().decode(data) : undefined)

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

const json = { contentType: 'application/json' }

export function conditionalWriteContract(
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
