import { afterAll, describe, expect, test } from 'bun:test'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLogger } from '../../server/core/logger'
import { createGcsStore } from '../../server/storage/gcs-store'
import { createLocalStore } from '../../server/storage/local-store'
import { loadMedia, mediaKey, saveMedia } from '../../server/storage/media'
import type { BlobStore } from '../../server/storage/types'
import { startFakeGcs } from '../support/fake-gcs'
import { rejection } from './blob-store-contract'
import { gif, jpeg, png, svg, webp } from './image-fixtures'

const gcs = await startFakeGcs()
const dirs: string[] = []
afterAll(() => {
  gcs.stop()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const stores: [string, () => BlobStore][] = [
  [
    'local disk',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ais-media-'))
      dirs.push(dir)
      return createLocalStore(dir)
    },
  ],
  [
    'Cloud Storage',
    () =>
      createGcsStore({
        bucket: `media-${crypto.randomUUID().slice(0, 8)}`,
        endpoint: gcs.url,
        log: createLogger({ write: () => {} }),
        retry: { minDelayMs: 5 },
      }),
  ],
]

const sha256 = (data: Uint8Array) => new Bun.CryptoHasher('sha256').update(data).digest('hex')

for (const [name, open] of stores) {
  describe(`saveMedia / loadMedia on ${name}`, () => {
    test('the id is the SHA-256 of the bytes plus the type extension; the url is /media/<id>', async () => {
      const data = png(4, 3)
      const ref = await saveMedia(open(), data, 'image/png')
      expect(ref).toEqual({
        id: `${sha256(data)}.png`,
        url: `/media/${sha256(data)}.png`,
        mimeType: 'image/png',
        size: data.byteLength,
        width: 4,
        height: 3,
      })
    })

    test('the same bytes give the same id and are stored once', async () => {
      const store = open()
      const data = jpeg(10, 20)
      const first = await saveMedia(store, data, 'image/jpeg', { brand: 'acme' })
      const second = await saveMedia(store, data, 'image/jpeg', { brand: 'acme' })
      expect(second.id).toBe(first.id)
      const { items } = await store.list('media/')
      expect(items).toHaveLength(1)
    })

    test("two brands' different assets never share or overwrite an object", async () => {
      const store = open()
      const acme = png(100, 50)
      const globex = png(100, 51)
      const a = await saveMedia(store, acme, 'image/png', { brand: 'acme.example' })
      const g = await saveMedia(store, globex, 'image/png', { brand: 'globex.example' })
      expect(a.id).not.toBe(g.id)
      expect((await loadMedia(store, a.id)).bytes).toEqual(acme)
      expect((await loadMedia(store, g.id)).bytes).toEqual(globex)
      expect((await store.head(mediaKey(a.id)))?.metadata).toEqual({ brand: 'acme.example' })
    })

    test('the content type is normalised before it is stored and used for the id', async () => {
      const store = open()
      const ref = await saveMedia(store, gif(3, 2), 'Image/GIF; charset=binary')
      expect(ref.mimeType).toBe('image/gif')
      expect(ref.id.endsWith('.gif')).toBe(true)
      expect((await store.head(mediaKey(ref.id)))?.contentType).toBe('image/gif')
      expect(await loadMedia(store, ref.id)).toMatchObject({ mimeType: 'image/gif' })
    })
  })
}

describe('image dimensions', () => {
  const store = stores[0]![1]()
  test.each([
    ['image/png', png(640, 480), 640, 480],
    ['image/jpeg', jpeg(100, 50), 100, 50],
    ['image/gif', gif(3, 2), 3, 2],
    ['image/webp', webp(200, 100), 200, 100],
    ['image/svg+xml', svg(40, 20), 40, 20],
  ])('%s headers give width and height', async (type, data, width, height) => {
    expect(await saveMedia(store, data, type)).toMatchObject({ width, height })
  })

  test('bytes that are not a readable image are still saved, without dimensions', async () => {
    const ref = await saveMedia(store, new Uint8Array([1, 2, 3]), 'image/png')
    expect(ref.width).toBeUndefined()
    expect(ref.height).toBeUndefined()
    expect((await loadMedia(store, ref.id)).bytes).toEqual(new Uint8Array([1, 2, 3]))
  })

  test('videos carry no dimensions', async () => {
    const ref = await saveMedia(store, new Uint8Array([0, 0, 0, 0x18]), 'video/mp4')
    expect(ref.id.endsWith('.mp4')).toBe(true)
    expect(ref.width).toBeUndefined()
  })
})

describe('loadMedia', () => {
  const store = stores[0]![1]()
  test.each([
    '../../etc/passwd',
    'media/abc.png',
    `${'A'.repeat(64)}.png`,
    `${'a'.repeat(63)}.png`,
    `${'a'.repeat(64)}`,
    `${'a'.repeat(64)}.png/..`,
    '',
  ])('a malformed id (%p) is 400 invalid_media_id', async (id) => {
    const error = await rejection(loadMedia(store, id))
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid_media_id')
  })

  test('a well-formed id with no object is 404', async () => {
    const error = await rejection(loadMedia(store, `${'b'.repeat(64)}.png`))
    expect(error.status).toBe(404)
    expect(error.code).toBe('not_found')
  })
})
