import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROLES } from '../../server/ai/models'
import { inspirationKey } from '../../server/features/image/inspiration'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor, imageCalls, MODES, photo, post } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const sharedStore = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ais-inspiration-')) })
const card = { prompt: 'a lighthouse in fog' }

describe.each(MODES)('POST /api/image/inspiration (%s)', (mode) => {
  test('made once with the cheapest image model at 1:1, then served from the store', async () => {
    const app = appFor(gemini, mode)
    gemini.enqueue({ image: { data: photo(24, 24) } })
    const first = await (await post(app, 'inspiration', card)).json()
    expect(first).toMatchObject({
      cached: false,
      model: ROLES.imageLite.defaultId,
      image: { width: 24, mimeType: 'image/png' },
    })
    const req = imageCalls(gemini)[0]!
    expect(req.model).toBe(ROLES.imageLite.defaultId)
    expect(req.body.generationConfig.imageConfig).toEqual({ aspectRatio: '1:1' })
    const second = await (await post(app, 'inspiration', card)).json()
    expect(second).toEqual({ ...first, cached: true })
    expect(imageCalls(gemini)).toHaveLength(1)
  })
})

describe('the inspiration cache across instances', () => {
  test('another instance (or a restart) on the same store makes nothing', async () => {
    const env = sharedStore()
    gemini.enqueue({ image: { data: photo(24, 24) } })
    await post(appFor(gemini, 'developer', env), 'inspiration', card)
    const later = await (await post(appFor(gemini, 'developer', env), 'inspiration', card)).json()
    expect(later.cached).toBe(true)
    expect(imageCalls(gemini)).toHaveLength(1)
  })

  test('two instances asked at once: one generation, one image for both', async () => {
    const env = sharedStore()
    gemini.setHandler(() => ({ image: { data: photo(24, 24) }, delayMs: 300 }))
    const [a, b] = await Promise.all([
      Promise.resolve(post(appFor(gemini, 'developer', env), 'inspiration', card)).then((r) =>
        r.json()
      ),
      Promise.resolve(post(appFor(gemini, 'developer', env), 'inspiration', card)).then((r) =>
        r.json()
      ),
    ])
    expect(imageCalls(gemini)).toHaveLength(1)
    expect(a.image.id).toBe(b.image.id)
    expect([a.cached, b.cached].sort()).toEqual([false, true])
  })

  test('the key is prompt + model + ratio: another ratio is another card', async () => {
    const app = appFor(gemini, 'developer')
    gemini.setHandler(() => ({ image: { data: photo(24, 24) } }))
    await post(app, 'inspiration', card)
    await post(app, 'inspiration', { ...card, aspectRatio: '16:9' })
    expect(imageCalls(gemini)).toHaveLength(2)
    const keys = [
      inspirationKey(card.prompt, ROLES.imageLite.defaultId, '1:1'),
      inspirationKey(card.prompt, ROLES.imageLite.defaultId, '16:9'),
    ]
    expect(new Set(keys.map((k) => k.result)).size).toBe(2)
  })

  test('a failed generation is not cached and releases its claim: the next request tries again', async () => {
    const app = appFor(gemini, 'developer')
    gemini.enqueue({ finishReason: 'IMAGE_SAFETY' }, { image: { data: photo(24, 24) } })
    expect((await post(app, 'inspiration', card)).status).toBe(502)
    const retry = await post(app, 'inspiration', card)
    expect(retry.status).toBe(200)
    expect((await retry.json()).cached).toBe(false)
  })

  test('a claim whose holder died expires, and the card is made', async () => {
    const app = appFor(gemini, 'developer')
    const { claim } = inspirationKey(card.prompt, ROLES.imageLite.defaultId, '1:1')
    await app.deps.store.put(
      claim,
      new TextEncoder().encode(JSON.stringify({ expiresAt: Date.now() - 1 })),
      {
        contentType: 'application/json',
      }
    )
    gemini.enqueue({ image: { data: photo(24, 24) } })
    const res = await post(app, 'inspiration', card)
    expect(res.status).toBe(200)
    expect(await app.deps.store.head(claim)).toBeUndefined()
  })

  test('a ratio the cheap model does not take is 400', async () => {
    const res = await post(appFor(gemini, 'developer'), 'inspiration', {
      ...card,
      aspectRatio: '1:8',
    })
    expect(res.status).toBe(400)
  })
})
