/**
 * The list is the truth, end to end through the real SDK: the service's own model list (read on
 * the first AI request) and its 404s decide which id serves a role, on both backends. Each case
 * answers 200 with the substitution visible in `/api/capabilities`, and a retired id is asked at
 * most once per process.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { startFakeGemini } from '../support/fake-gemini'
import { appOn, asked, capabilities, logged, MODES, okOnFast, onFast } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const DEFAULT = ROLES.fast.defaultId
const SUCCESSOR = 'gemini-3.1-flash-lite'

describe.each(MODES)('the fast role (%s)', (mode) => {
  test('nothing is read at start or by /api/capabilities; the first AI request reads the list', async () => {
    const app = appOn(gemini, mode)
    expect((await capabilities(app)).models.list).toEqual({ state: 'unread', readAt: null })
    expect(gemini.listRequests).toHaveLength(0)
    await okOnFast(gemini, app)
    const list = gemini.listRequests[0]!
    expect(list.path).toBe(
      mode === 'vertex' ? '/v1beta1/publishers/google/models' : '/v1beta/models'
    )
    if (mode === 'vertex') expect(list.headers.authorization).toMatch(/^Bearer /)
    const { models } = await capabilities(app)
    expect(models.list.state).toBe('read')
    expect(Date.parse(models.list.readAt)).toBeGreaterThan(Date.now() - 60_000)
    expect(models.roles.fast).toEqual({
      configured: DEFAULT,
      explicit: false,
      inUse: DEFAULT,
      substituted: false,
    })
    await okOnFast(gemini, app)
    expect(gemini.listRequests).toHaveLength(1)
  })

  test('a default retired before start is replaced by the next candidate, never asked', async () => {
    gemini.models.retire(DEFAULT)
    const app = appOn(gemini, mode)
    const first = await onFast(gemini, app)
    expect(first.status).toBe(200)
    await okOnFast(gemini, app)
    expect(asked(gemini, DEFAULT)).toBe(0)
    expect(asked(gemini, SUCCESSOR)).toBe(2)
    // The answer names the new revision, so the UI fetches the capabilities again.
    expect(first.headers.get('X-Models-Revision')).toBe(
      String((await capabilities(app)).models.revision)
    )
    expect((await capabilities(app)).models.revision).toBe(1)
    expect((await capabilities(app)).models.roles.fast).toEqual({
      configured: DEFAULT,
      explicit: false,
      inUse: SUCCESSOR,
      reason: 'not_served',
      substituted: true,
    })
    expect(logged(app, 'model substituted')).toMatchObject([
      { role: 'fast', from: DEFAULT, to: SUCCESSOR, reason: 'not_served' },
    ])
  })

  test('a default retired between two requests: the 404 moves the role, once', async () => {
    const app = appOn(gemini, mode)
    await okOnFast(gemini, app)
    gemini.models.retire(DEFAULT)
    const before = asked(gemini, DEFAULT)
    await okOnFast(gemini, app)
    await okOnFast(gemini, app)
    expect(asked(gemini, DEFAULT) - before).toBe(1)
    expect(asked(gemini, SUCCESSOR)).toBe(2)
    const { models } = await capabilities(app)
    expect(models.roles.fast).toMatchObject({ inUse: SUCCESSOR, reason: 'not_found' })
    expect(models.revision).toBeGreaterThan(0)
  })

  test('GEMINI_MODEL_FAST=gemini-3.8-flash: the catalogue sends it low, not minimal', async () => {
    const app = appOn(gemini, mode, { GEMINI_MODEL_FAST: 'gemini-3.8-flash' })
    await okOnFast(gemini, app)
    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(1)
    expect(calls[0]!.body.generationConfig.thinkingConfig).toEqual({ thinkingLevel: 'LOW' })
    expect((await capabilities(app)).models.roles.fast).toEqual({
      configured: 'gemini-3.8-flash',
      explicit: true,
      inUse: 'gemini-3.8-flash',
      substituted: false,
    })
  })

  test.each([
    [500, 'Internal error encountered.'],
    [403, 'Permission denied on resource project test-project.'],
  ])(
    'a list failing with %i never blocks: catalogue ids, and a 404 still moves the role',
    async (status, message) => {
      gemini.models.failLists({ status, message })
      gemini.models.retire(DEFAULT)
      const app = appOn(gemini, mode)
      await okOnFast(gemini, app)
      await okOnFast(gemini, app)
      expect(asked(gemini, DEFAULT)).toBe(1)
      const { models } = await capabilities(app)
      expect(models.list).toEqual({ state: 'failed', readAt: null, failure: `HTTP ${status}` })
      expect(models.roles.fast).toMatchObject({
        inUse: SUCCESSOR,
        reason: 'not_found',
        substituted: true,
      })
      // Retried a minute later at the earliest, in the background: not on every request.
      expect(gemini.listRequests).toHaveLength(1)
    }
  )

  test('a list over several pages is read to its end', async () => {
    gemini.models.capPageSize(2)
    gemini.models.retire(DEFAULT)
    const app = appOn(gemini, mode)
    await okOnFast(gemini, app)
    expect(gemini.listRequests.length).toBeGreaterThan(3)
    expect(gemini.listRequests[0]!.query.get('pageToken')).toBeNull()
    expect(gemini.listRequests[1]!.query.get('pageToken')).toBeTruthy()
    expect(asked(gemini, DEFAULT)).toBe(0)
    const { models } = await capabilities(app)
    expect(models.roles.fast).toMatchObject({ inUse: SUCCESSOR, substituted: true })
    expect(models.list.models).toBeGreaterThan(2 * (gemini.listRequests.length - 1))
  })

  test('an id set explicitly and not served is named, not swapped, and asked at most once', async () => {
    gemini.models.retire(DEFAULT)
    const app = appOn(gemini, mode, { GEMINI_MODEL_FAST: DEFAULT })
    for (let i = 0; i < 3; i++) {
      const res = await onFast(gemini, app)
      expect(res.status).toBe(502)
      expect((await res.json()).error.code).toBe('upstream_not_found')
    }
    expect(asked(gemini, DEFAULT)).toBe(1)
    expect(asked(gemini, SUCCESSOR)).toBe(0)
    expect((await capabilities(app)).models.roles.fast).toEqual({
      configured: DEFAULT,
      explicit: true,
      inUse: DEFAULT,
      reason: 'not_found',
      substituted: false,
    })
    expect(logged(app, 'configured model is not served')[0]).toMatchObject({
      role: 'fast',
      model: DEFAULT,
      variable: 'GEMINI_MODEL_FAST',
    })
  })

  test('GEMINI_MODEL_SUBSTITUTE=true lets a candidate stand in for an explicit id too', async () => {
    gemini.models.retire(DEFAULT)
    const app = appOn(gemini, mode, { GEMINI_MODEL_FAST: DEFAULT, GEMINI_MODEL_SUBSTITUTE: 'true' })
    await okOnFast(gemini, app)
    expect(asked(gemini, DEFAULT)).toBe(0)
    expect((await capabilities(app)).models.roles.fast).toMatchObject({
      explicit: true,
      inUse: SUCCESSOR,
      reason: 'not_served',
      substituted: true,
    })
  })
})

describe('what the list cannot say', () => {
  test('Gemini Omni is not in the Developer API list, and is not taken for retired', async () => {
    const app = appOn(gemini, 'developer')
    await okOnFast(gemini, app)
    const listed = (await capabilities(app)).models.roles.video
    expect(listed).toEqual({
      configured: ROLES.video.defaultId,
      explicit: false,
      inUse: ROLES.video.defaultId,
      substituted: false,
    })
  })

  test('Veo and Imagen, which the Developer API does not serve, stay as configured', async () => {
    const app = appOn(gemini, 'developer')
    await okOnFast(gemini, app)
    const { roles } = (await capabilities(app)).models
    for (const role of ['veo', 'veoFast', 'upscale', 'segment'] as const) {
      expect(roles[role]).toMatchObject({ inUse: ROLES[role].defaultId, substituted: false })
      expect(roles[role].reason).toBeUndefined()
    }
  })

  test('the disputed image successor runs only when the service lists it', async () => {
    gemini.models.retire(ROLES.image.defaultId)
    const app = appOn(gemini, 'developer')
    await okOnFast(gemini, app)
    expect((await capabilities(app)).models.roles.image.inUse).toBe('gemini-3-pro-image')

    gemini.reset()
    gemini.models.retire(ROLES.image.defaultId)
    gemini.models.launch('gemini-nano-banana-2.1', {
      family: 'image',
      levels: ['minimal', 'high'],
      ratios: ['1:1', '16:9'],
      sizes: ['1K', '2K', '4K'],
    })
    const next = appOn(gemini, 'developer')
    await okOnFast(gemini, next)
    const { image } = await capabilities(next)
    expect(image.models.banana.id).toBe('gemini-nano-banana-2.1')
  })
})
