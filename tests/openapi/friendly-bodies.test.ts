/**
 * Bodies the old app's consumers send: the video job's mode inferred from its inputs (named, it
 * must fit them), `null` for an optional field taken as absent, and an unknown field refused
 * with a 400 that names it (`userPrompt` where a route takes `prompt`).
 */
import { afterAll, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { CreateVideoJobRequest } from '../../server/features/video/schemas'
import { postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { createJob, image, json, PNG_2, videoApp } from '../video/support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const { app } = videoApp({ gemini, vertex: true })

const price = (body: unknown) => postJson(app, '/api/video/jobs?dryRun=1', body)
const issues = async (res: Response) =>
  ((await json(res)).error.details.issues as { field: string; message: string }[]).map(
    (i) => i.field
  )

describe('the mode of a video job', () => {
  test.each([
    ['a prompt only', {}, 'text'],
    ['a first frame', { firstFrame: image() }, 'image'],
    ['a first and a last frame', { firstFrame: image(), lastFrame: image(PNG_2) }, 'firstLast'],
    ['reference images', { referenceImages: [{ image: image() }] }, 'reference'],
  ])('is inferred from %s', async (_what, inputs, mode) => {
    const res = await price({ prompt: 'A slow pour-over', ...inputs })
    expect(res.status).toBe(200)
    expect((await json(res)).mode).toBe(mode)
  })

  test('is extend for a source job', () => {
    const parsed = v.parse(CreateVideoJobRequest, {
      prompt: 'Go on',
      sourceJobId: 'v0123456789abcdefghijk',
    })
    expect(parsed).toMatchObject({ mode: 'extend', modeGiven: false })
  })

  test('named and fitting the inputs, it is taken as given', async () => {
    const res = await price({ mode: 'image', prompt: 'x', firstFrame: image() })
    expect((await json(res)).mode).toBe('image')
  })

  test('named and contradicting the inputs, it is a 400 naming mode', async () => {
    const res = await price({ mode: 'text', prompt: 'x', firstFrame: image() })
    expect(res.status).toBe(400)
    expect(await issues(res)).toEqual(['mode', 'firstFrame'])
  })

  test('named or inferred, one Idempotency-Key is one job', async () => {
    gemini.reset()
    const key = { 'Idempotency-Key': crypto.randomUUID() }
    const implicit = await createJob(app, { prompt: 'A slow pour-over' }, key)
    expect(implicit.status).toBe(202)
    const named = await createJob(app, { mode: 'text', prompt: 'A slow pour-over' }, key)
    expect(named.status).toBe(202)
    expect(named.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await json(named)).id).toBe((await json(implicit)).id)
  })
})

describe('null for an optional field', () => {
  test('is the field left out', async () => {
    const res = await price({
      prompt: 'x',
      mode: null,
      model: null,
      negativePrompt: null,
      audio: null,
    })
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({ mode: 'text', audio: true })
  })
})

describe('an unknown field', () => {
  test('is a 400 that names it, before anything is sent upstream', async () => {
    gemini.reset()
    const res = await postJson(app, '/api/image/creative-director', { userPrompt: 'A poster' })
    expect(res.status).toBe(400)
    expect(await issues(res)).toEqual(['userPrompt', 'prompt'])
    expect(gemini.requests).toHaveLength(0)
  })

  test('is named at any depth', async () => {
    const res = await price({ prompt: 'x', firstFrame: { ...image(), name: 'frame.png' } })
    expect(res.status).toBe(400)
    expect(await issues(res)).toEqual(['firstFrame.name'])
  })
})
