/**
 * Cold start: neither the Cloud Storage library nor the image header reader may be loaded
 * before the first call that needs it (checked in a fresh process: tests/support/fresh-process).
 */
import { afterAll, expect, test } from 'bun:test'
import { startFakeGcs } from '../support/fake-gcs'
import { runFresh } from '../support/fresh-process'

const gcs = await startFakeGcs()
afterAll(() => gcs.stop())

const runScript = (script: string) =>
  runFresh<Record<string, number>>(script, { GCS_URL: gcs.url, NODE_ENV: 'test' })

const COUNT = `const count = (name) => Object.keys(require.cache).filter((k) => k.includes('/node_modules/' + name + '/')).length`

test('the storage modules load @google-cloud/storage on the first Cloud Storage call, not before', async () => {
  const seen = await runScript(`
    ${COUNT}
    const { createBlobStore } = await import(process.env.ROOT + '/server/storage/index.ts')
    await import(process.env.ROOT + '/server/storage/media.ts')
    await import(process.env.ROOT + '/server/features/media/routes.ts')
    const afterImport = count('@google-cloud/storage')
    const store = createBlobStore({ bucket: 'cold', dataDir: '/tmp/unused', gcsEndpoint: process.env.GCS_URL })
    const afterCreate = count('@google-cloud/storage')
    const missing = await store.head('media/nothing.png')
    console.log(JSON.stringify({ afterImport, afterCreate, afterCall: count('@google-cloud/storage'), found: missing === undefined ? 0 : 1 }))
  `)
  expect(seen.afterImport).toBe(0)
  expect(seen.afterCreate).toBe(0)
  expect(seen.afterCall).toBeGreaterThan(0)
  expect(seen.found).toBe(0)
})

test('saving non-image media does not load the image header reader; saving an image does', async () => {
  const seen = await runScript(`
    ${COUNT}
    const { createLocalStore } = await import(process.env.ROOT + '/server/storage/local-store.ts')
    const { saveMedia } = await import(process.env.ROOT + '/server/storage/media.ts')
    const fs = require('node:fs')
    const dir = fs.mkdtempSync(require('node:os').tmpdir() + '/ais-lazy-')
    const store = createLocalStore(dir)
    await saveMedia(store, new Uint8Array([1, 2, 3]), 'video/mp4')
    const afterVideo = count('image-size')
    await saveMedia(store, new Uint8Array([1, 2, 3]), 'image/png')
    fs.rmSync(dir, { recursive: true, force: true })
    console.log(JSON.stringify({ afterVideo, afterImage: count('image-size') }))
  `)
  expect(seen.afterVideo).toBe(0)
  expect(seen.afterImage).toBeGreaterThan(0)
})

test('building the whole app with a bucket configured loads neither library', async () => {
  const seen = await runScript(`
    ${COUNT}
    const { loadConfig } = await import(process.env.ROOT + '/server/config.ts')
    const { createDeps } = await import(process.env.ROOT + '/server/deps.ts')
    const { createApp } = await import(process.env.ROOT + '/server/app.ts')
    const config = loadConfig({ NODE_ENV: 'test', GCP_STORAGE_BUCKET_NAME: 'cold', GCS_ENDPOINT: process.env.GCS_URL, LOG_LEVEL: 'error' })
    const app = createApp(createDeps(config))
    const health = await app.request('/health')
    console.log(JSON.stringify({ health: health.status, storage: count('@google-cloud/storage'), imageSize: count('image-size') }))
  `)
  expect(seen.health).toBe(200)
  expect(seen.storage).toBe(0)
  expect(seen.imageSize).toBe(0)
})
