import { afterAll, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLocalStore } from '../../server/storage/local-store'
import { blobStoreContract } from './blob-store-contract'

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

test('a list prefix pointing outside DATA_DIR finds nothing', async () => {
  const { store, dataDir } = openLocal()
  await store.put('jobs/video/a.json', new Uint8Array([1]), { contentType: 'application/json' })
  mkdirSync(join(dataDir, '..', 'outside'), { recursive: true })
  writeFileSync(join(dataDir, '..', 'outside', 'x.meta.json'), '{}')
  expect((await store.list('../outside/')).items).toEqual([])
  expect((await store.list('jobs/video/')).items.map((i) => i.key)).toEqual(['jobs/video/a.json'])
})
