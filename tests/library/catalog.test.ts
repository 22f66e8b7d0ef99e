/**
 * The per-kind index: a listing reads one object however many documents there are, rebuilds
 * read object metadata only, and contention, out-of-order changes and failures leave it right.
 */
import { describe, expect, test } from 'bun:test'
import { AppError } from '../../server/core/errors'
import { createLogger, silentLogger } from '../../server/core/logger'
import { readIndex, recordInIndex } from '../../server/features/library/catalog'
import { indexKey, kindPrefix } from '../../server/features/library/keys'
import { type LibraryScope, saveRecord } from '../../server/features/library/records'
import { PreconditionFailed } from '../../server/storage/types'
import { brandProfile, create, get, json, libraryApp, localStore, recordingStore } from './support'

const INDEX = indexKey('default', 'brand-profiles')

async function seed(scope: LibraryScope, count: number) {
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) => {
        const n = start + i
        const updated = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString()
        const document = { ...brandProfile(`Brand ${n}`), updated }
        return saveRecord(scope, `doc-${n}`, { document: document as never }, '0')
      })
    )
  }
}

describe('listing at scale', () => {
  test('a listing of 1 000 documents reads one object; the rebuild before it reads none of them', async () => {
    const recorded = recordingStore(localStore())
    const { app } = libraryApp(recorded.store)
    await seed(
      { store: recorded.store, workspace: 'default', kind: 'brand-profiles', log: silentLogger },
      1000
    )
    recorded.calls.length = 0

    const first = await json(await get(app, 'brand-profiles?limit=200'))
    expect(first.items).toHaveLength(200)
    expect(first.items[0]).toMatchObject({ id: 'doc-999', title: 'Brand 999' })
    const documentReads = recorded.calls.filter((c) => /doc-\d+\.json$/.test(c))
    expect(documentReads).toEqual([])
    expect(recorded.calls).toContain(`list ${kindPrefix('default', 'brand-profiles')}`)

    recorded.calls.length = 0
    const ids = new Set<string>(first.items.map((i: { id: string }) => i.id))
    let cursor: string | undefined = first.nextCursor
    while (cursor) {
      const page = await json(await get(app, `brand-profiles?limit=200&cursor=${cursor}`))
      for (const item of page.items) ids.add(item.id)
      cursor = page.nextCursor
    }
    expect(ids.size).toBe(1000)
    // Four more pages, one object read each.
    expect(recorded.calls).toEqual(Array(4).fill(`readWithMeta ${INDEX}`))
  })
})

describe('changes', () => {
  test('concurrent creates of different documents all reach the index', async () => {
    const { app } = libraryApp(localStore())
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create(app, `brand-profiles/b${i}`, brandProfile(`B${i}`))
      )
    )
    expect(results.every((r) => r.status === 201)).toBe(true)
    expect((await json(await get(app, 'brand-profiles?limit=100'))).items).toHaveLength(20)
  })

  test('a change from an older generation never replaces a newer one', async () => {
    const scope: LibraryScope = {
      store: localStore(),
      workspace: 'default',
      kind: 'brand-profiles',
      log: silentLogger,
    }
    const entry = (title: string, generation: string) => ({
      id: 'a',
      entry: { title, updated: '2026-01-01T00:00:00.000Z', size: 1, generation },
    })
    await recordInIndex(scope, entry('newer', '200'))
    await recordInIndex(scope, entry('older', '100'))
    expect((await readIndex(scope)).a?.title).toBe('newer')
    await recordInIndex(scope, { id: 'a', removed: '100' })
    expect((await readIndex(scope)).a?.title).toBe('newer')
    await recordInIndex(scope, { id: 'a', removed: '200' })
    expect((await readIndex(scope)).a).toBeUndefined()
  })

  test('an id like an Object.prototype member is an ordinary entry', async () => {
    const { app } = libraryApp(localStore())
    await create(app, 'brand-profiles/constructor', brandProfile('C'))
    expect(
      (await json(await get(app, 'brand-profiles'))).items.map((i: { id: string }) => i.id)
    ).toEqual(['constructor'])
  })
})

describe('failures', () => {
  const logged = () => {
    const lines: string[] = []
    return { lines, log: createLogger({ level: 'debug', write: (l) => lines.push(l) }) }
  }

  test('when the index cannot be written the save still succeeds; the index is dropped and rebuilt', async () => {
    const inner = localStore()
    const failing = recordingStore(inner, (method, key) =>
      method === 'put' && key === INDEX ? new AppError(502, 'storage_error', 'down') : undefined
    )
    const { app, logLines } = libraryApp(failing.store)
    expect((await create(app, 'brand-profiles/a', brandProfile('A'))).status).toBe(201)
    expect(logLines.join('\n')).toContain('Library index update failed')
    expect(await inner.head(INDEX)).toBeUndefined()
    const healthy = libraryApp(inner).app
    expect(
      (await json(await get(healthy, 'brand-profiles'))).items.map((i: { id: string }) => i.id)
    ).toEqual(['a'])
  })

  test('an index that stays contended is dropped so that the next listing rebuilds it', async () => {
    const inner = localStore()
    const { log, lines } = logged()
    const contended = recordingStore(inner, (method, key) =>
      method === 'put' && key === INDEX ? new PreconditionFailed(key, '0') : undefined
    )
    const scope: LibraryScope = {
      store: contended.store,
      workspace: 'default',
      kind: 'brand-profiles',
      log,
    }
    await inner.put(INDEX, new TextEncoder().encode('{"format":1,"entries":{}}'), {
      contentType: 'application/json',
    })
    await recordInIndex(scope, {
      id: 'a',
      entry: { title: 'A', updated: '2026-01-01T00:00:00.000Z', size: 1, generation: '5' },
    })
    expect(lines.join('\n')).toContain('stayed contended')
    expect(await inner.head(INDEX)).toBeUndefined()
  })
})
