import { afterAll, describe, expect, test } from 'bun:test'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStore } from '../../server/storage/local-store'
import { blobStoreContract, rejection } from './blob-store-contract'

const parents: string[] = []
afterAll(() => {
  for (const dir of parents) rmSync(dir, { recursive: true, force: true })
})

/** A store in `<parent>/data`; anything written anywhere under `<parent>` counts as touched. */
function openLocal() {
  const parent = mkdtempSync(join(tmpdir(), 'ais-store-'))
  parents.push(parent)
  const dataDir = join(parent, 'data')
  const store = createLocalStore(dataDir)
  return {
    store,
    dataDir,
    backendCalls: () => readdirSync(parent, { recursive: true }).length,
  }
}

blobStoreContract('local disk', openLocal)

const json = { contentType: 'application/json' }

test('objects live under DATA_DIR as bytes plus a metadata file, with no temporary files left', async () => {
  const { store, dataDir } = openLocal()
  await store.put('media/a.png', new Uint8Array([1, 2, 3]), { contentType: 'image/png' })
  expect(readdirSync(join(dataDir, 'media')).sort()).toEqual(['a.png', 'a.png.meta.json'])
})

test('bytes without their metadata file (an interrupted write) are not an object', async () => {
  const { store, dataDir } = openLocal()
  mkdirSync(join(dataDir, 'media'), { recursive: true })
  writeFileSync(join(dataDir, 'media', 'half.png'), 'partial')
  expect(await store.head('media/half.png')).toBeUndefined()
  expect(await store.read('media/half.png')).toBeUndefined()
  expect(await store.get('media/half.png')).toBeUndefined()
  expect((await store.list('media/')).items).toEqual([])
})

test('a disk that fails is a 502 storage_error (the cause kept for the log), not a 500', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'ais-store-'))
  parents.push(parent)
  // DATA_DIR is a file: nothing can be created below it.
  writeFileSync(join(parent, 'data'), 'not a folder')
  const store = createLocalStore(join(parent, 'data'))
  const error = await rejection(store.put('media/a.png', new Uint8Array([1]), json))
  expect(error).toMatchObject({ status: 502, code: 'storage_error' })
  expect((error as Error).message).not.toContain(parent)
  expect((error as Error).cause).toBeDefined()
})

test('a list prefix pointing outside DATA_DIR finds nothing', async () => {
  const { store, dataDir } = openLocal()
  await store.put('jobs/video/a.json', new Uint8Array([1]), { contentType: 'application/json' })
  mkdirSync(join(dataDir, '..', 'outside'), { recursive: true })
  writeFileSync(join(dataDir, '..', 'outside', 'x.meta.json'), '{}')
  expect((await store.list('../outside/')).items).toEqual([])
  expect((await store.list('jobs/video/')).items.map((i) => i.key)).toEqual(['jobs/video/a.json'])
})

describe('compare-and-swap across processes sharing DATA_DIR', () => {
  const worker = join(import.meta.dir, 'support', 'cas-worker.ts')
  /** Runs one worker per argument list, all released at once when every one has started. */
  const runTogether = async (argLists: string[][]) => {
    const startDir = mkdtempSync(join(tmpdir(), 'ais-cas-start-'))
    parents.push(startDir)
    const children = argLists.map((args) =>
      Bun.spawn([process.execPath, worker, ...args], {
        env: { ...process.env, CAS_START_DIR: startDir },
        stdout: 'pipe',
        stderr: 'pipe',
      })
    )
    while (readdirSync(startDir).length < children.length) await Bun.sleep(5)
    writeFileSync(join(startDir, 'go'), '')
    return Promise.all(
      children.map(async (child) => {
        const [out, err, code] = await Promise.all([
          new Response(child.stdout).text(),
          new Response(child.stderr).text(),
          child.exited,
        ])
        if (code !== 0) throw new Error(`worker failed (${code}): ${err}`)
        return JSON.parse(out.trim()) as { won?: boolean; conflicts?: number }
      })
    )
  }

  test('of processes naming the same generation exactly one wins', async () => {
    const { store, dataDir } = openLocal()
    const base = await store.put('jobs/shared.json', new TextEncoder().encode('base'), json)
    const names = ['a', 'b', 'c', 'd']
    const results = await runTogether(
      names.map((name) => [dataDir, 'claim', base.generation, name])
    )
    const winners = names.filter((_, i) => results[i]?.won)
    expect(winners).toHaveLength(1)
    expect(new TextDecoder().decode(await store.read('jobs/shared.json'))).toBe(winners[0]!)
  })

  test('read-modify-write loops in several processes lose no update', async () => {
    const { store, dataDir } = openLocal()
    const results = await runTogether([1, 2, 3].map(() => [dataDir, 'increment', '25']))
    expect(new TextDecoder().decode(await store.read('jobs/shared.json'))).toBe('75')
    // The processes did contend; otherwise this test proves nothing.
    expect(results.reduce((n, r) => n + (r.conflicts ?? 0), 0)).toBeGreaterThan(0)
  })
})

describe('the per-key lock file', () => {
  const lockOf = (dataDir: string, key: string) => `${join(dataDir, key)}.lock`

  test('a lock left by a crashed holder is cleared once it is stale', async () => {
    const { dataDir } = openLocal()
    const store = createLocalStore(dataDir, { lock: { staleMs: 200, waitMs: 2_000 } })
    await store.put('jobs/l.json', new Uint8Array([1]), json)
    const lock = lockOf(dataDir, 'jobs/l.json')
    writeFileSync(lock, 'crashed-holder')
    const old = new Date(Date.now() - 60_000)
    utimesSync(lock, old, old)
    await store.put('jobs/l.json', new Uint8Array([2]), json)
    expect(existsSync(lock)).toBe(false)
    expect(await store.read('jobs/l.json')).toEqual(new Uint8Array([2]))
  })

  test('a write waits for a live holder and goes ahead once it releases', async () => {
    const { dataDir } = openLocal()
    const store = createLocalStore(dataDir, { lock: { staleMs: 5_000, waitMs: 5_000 } })
    await store.put('jobs/w.json', new Uint8Array([1]), json)
    const lock = lockOf(dataDir, 'jobs/w.json')
    writeFileSync(lock, 'other-process')
    let done = false
    const write = store.put('jobs/w.json', new Uint8Array([2]), json).then(() => {
      done = true
    })
    await Bun.sleep(60)
    expect(done).toBe(false)
    rmSync(lock)
    await write
    expect(await store.read('jobs/w.json')).toEqual(new Uint8Array([2]))
  })

  test('a lock that is held too long makes the write a 503 storage_busy, and writes nothing', async () => {
    const { dataDir } = openLocal()
    const store = createLocalStore(dataDir, { lock: { staleMs: 10_000, waitMs: 100 } })
    await store.put('jobs/b.json', new Uint8Array([1]), json)
    writeFileSync(lockOf(dataDir, 'jobs/b.json'), 'other-process')
    const error = await rejection(store.put('jobs/b.json', new Uint8Array([2]), json))
    expect(error.status).toBe(503)
    expect(error.code).toBe('storage_busy')
    expect(await store.read('jobs/b.json')).toEqual(new Uint8Array([1]))
  })
})

test('bytes and metadata left torn by a crash read back consistent, under a new generation', async () => {
  const { store, dataDir } = openLocal()
  const before = await store.put('jobs/t.json', new TextEncoder().encode('old'), json)
  // A writer renamed its new bytes into place and died before writing the metadata.
  writeFileSync(join(dataDir, 'jobs', 't.json'), 'new bytes')
  const object = await store.readWithMeta('jobs/t.json')
  expect(new TextDecoder().decode(object?.bytes)).toBe('new bytes')
  expect(object?.meta.size).toBe(9)
  expect(BigInt(object?.meta.generation ?? 0)).toBeGreaterThan(BigInt(before.generation))
  expect(await store.head('jobs/t.json')).toEqual(object!.meta)
})

test('metadata written before generations existed gets a stable one from its write time', async () => {
  const { store, dataDir } = openLocal()
  const meta = await store.put('media/old.png', new Uint8Array([1]), { contentType: 'image/png' })
  const { generation: _, ...legacy } = meta
  writeFileSync(join(dataDir, 'media', 'old.png.meta.json'), JSON.stringify(legacy))
  const read = await store.head('media/old.png')
  expect(read?.generation).toBe(String(BigInt(Date.parse(meta.updated)) * 1000n))
  await store.put('media/old.png', new Uint8Array([2]), {
    contentType: 'image/png',
    ifGenerationMatch: read?.generation,
  })
})

test('reads racing writes of the same key never see half a file', async () => {
  const { store } = openLocal()
  // Documents of different lengths, so a read of the old size from the new file is cut short.
  const doc = (i: number) =>
    new TextEncoder().encode(JSON.stringify({ i, pad: 'x'.repeat((i % 7) * 900) }))
  await store.put('library/k.json', doc(0), json)
  let writing = 4
  const writer = async (w: number) => {
    for (let i = 1; i <= 60; i++) await store.put('library/k.json', doc(w * 100 + i), json)
    writing--
  }
  const reader = async () => {
    let reads = 0
    while (writing > 0) {
      const [meta, object, bytes] = await Promise.all([
        store.head('library/k.json'),
        store.readWithMeta('library/k.json'),
        store.read('library/k.json'),
      ])
      expect(meta?.generation).toMatch(/^\d+$/)
      expect(JSON.parse(new TextDecoder().decode(object?.bytes))).toHaveProperty('i')
      expect(JSON.parse(new TextDecoder().decode(bytes))).toHaveProperty('i')
      reads++
    }
    return reads
  }
  const [, reads] = await Promise.all([
    Promise.all([1, 2, 3, 4].map(writer)),
    Promise.all(Array.from({ length: 8 }, reader)),
  ])
  expect(reads.reduce((a, b) => a + b, 0)).toBeGreaterThan(10)
})
