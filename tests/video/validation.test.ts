import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES, specOf } from '../../server/ai/models'
import { VIDEO_PRICES_READ_ON } from '../../server/ai/video-prices'
import { buildTestApp, postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { createJob, image, json, textJob, videoApp } from './support'

// Every job is checked against the model it resolves to, before anything is paid for.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const issuesOf = async (res: Response) =>
  ((await json(res)).error.details.issues as { field: string; message: string }[]).map(
    (i) => i.field
  )

describe('a mode or model this deployment cannot run is 501 naming what can', () => {
  test('Veo on the Developer API names Vertex AI and the model that runs here', async () => {
    const { app } = videoApp({ gemini })
    const res = await createJob(app, { ...textJob, model: 'veo' })
    expect(res.status).toBe(501)
    const body = await json(res)
    expect(body.error.message).toContain('GOOGLE_GENAI_USE_VERTEXAI=true')
    expect(body.error.message).toContain(`"video" (${ROLES.video.defaultId})`)
    expect(body.error.details.availableWith).toContainEqual({
      model: 'veo',
      modelId: ROLES.veo.defaultId,
      backends: ['vertex'],
    })
    expect(gemini.requests).toHaveLength(0)
  })

  test('the original app’s veo_fast alias resolves to Veo 3.1 Fast', async () => {
    const { app } = videoApp({ gemini })
    const body = await json(await createJob(app, { ...textJob, model: 'veo_fast' }))
    expect(body.error.details.modelId).toBe(ROLES.veoFast.defaultId)
  })

  test('edit with Veo on Vertex AI names Gemini Omni Flash', async () => {
    const { app } = videoApp({ gemini, vertex: true })
    const dry = await postJson(app, '/api/video/jobs?dryRun=1', {
      mode: 'edit',
      prompt: 'x',
      model: 'veo',
    })
    expect(dry.status).toBe(501)
    expect(
      (await json(dry)).error.details.availableWith.map((o: { model: string }) => o.model)
    ).toEqual(['video'])
  })

  test('without AI configuration a job is 503 naming the variables', async () => {
    const { app } = buildTestApp()
    const res = await postJson(app, '/api/video/jobs', textJob)
    expect(res.status).toBe(503)
  })
})

describe('values outside the model’s range are 400 naming the field', () => {
  const omni = specOf(ROLES.video.defaultId).video!

  test('a duration the model does not make', async () => {
    const { app } = videoApp({ gemini })
    const res = await createJob(app, {
      ...textJob,
      durationSeconds: Math.max(...omni.durations) + 1,
    })
    expect(res.status).toBe(400)
    expect(await issuesOf(res)).toEqual(['durationSeconds'])
  })

  test('sound switched off where the model always makes it', async () => {
    const { app } = videoApp({ gemini })
    expect(await issuesOf(await createJob(app, { ...textJob, audio: false }))).toEqual(['audio'])
  })

  test('Veo reference images in 9:16 or for 4 s (Vertex AI)', async () => {
    const { app } = videoApp({ gemini, vertex: true })
    const refs = {
      mode: 'reference',
      prompt: 'x',
      model: 'veo',
      referenceImages: [{ image: image() }],
    }
    expect(await issuesOf(await createJob(app, { ...refs, aspectRatio: '9:16' }))).toEqual([
      'aspectRatio',
    ])
    expect(await issuesOf(await createJob(app, { ...refs, durationSeconds: 4 }))).toEqual([
      'durationSeconds',
    ])
  })

  test('more reference images than the model takes', async () => {
    const { app } = videoApp({ gemini })
    const referenceImages = Array.from({ length: omni.maxReferenceImages + 1 }, () => ({
      image: image(),
    }))
    expect(
      await issuesOf(await createJob(app, { mode: 'reference', prompt: 'x', referenceImages }))
    ).toEqual(['referenceImages'])
  })

  test('a mode without the inputs it needs, or with inputs it does not use', async () => {
    const { app } = videoApp({ gemini })
    expect(
      await issuesOf(await createJob(app, { mode: 'firstLast', prompt: 'x', firstFrame: image() }))
    ).toEqual(['mode', 'lastFrame'])
    expect(await issuesOf(await createJob(app, { ...textJob, firstFrame: image() }))).toEqual([
      'mode',
      'firstFrame',
    ])
  })

  test('an input that is not an image, whatever its declared type', async () => {
    const { app } = videoApp({ gemini })
    const fake = {
      data: Buffer.from('<html>not an image</html>').toString('base64'),
      mimeType: 'image/png',
    }
    const res = await createJob(app, { mode: 'image', prompt: 'x', firstFrame: fake })
    expect(await issuesOf(res)).toEqual(['firstFrame'])
    expect(gemini.requests).toHaveLength(0)
  })

  test('field messages never echo the input', async () => {
    const { app } = videoApp({ gemini })
    const res = await createJob(app, { ...textJob, aspectRatio: 'SECRET-RATIO' })
    expect(res.status).toBe(400)
    expect(await res.text()).not.toContain('SECRET-RATIO')
  })
})

describe('a dry run answers the plan and its price without starting anything', () => {
  test('Gemini Omni: model, mode, duration, resolution and the price from the table', async () => {
    const { app } = videoApp({ gemini })
    const res = await postJson(app, '/api/video/jobs?dryRun=1', { ...textJob, durationSeconds: 10 })
    expect(res.status).toBe(200)
    expect(await json(res)).toMatchObject({
      dryRun: true,
      model: { role: 'video', id: ROLES.video.defaultId },
      mode: 'text',
      durationSeconds: 10,
      resolution: '720p',
      price: {
        amountUsd: 1,
        perSecondUsd: 0.1,
        currency: 'USD',
        estimated: false,
        source: 'default',
        pricesReadOn: VIDEO_PRICES_READ_ON,
      },
    })
    expect(gemini.requests).toHaveLength(0)
  })

  test('a resolution without a published price is marked as an estimate', async () => {
    const { app } = videoApp({ gemini })
    const body = await json(
      await postJson(app, '/api/video/jobs?dryRun=1', { ...textJob, resolution: '4k' })
    )
    expect(body.price.estimated).toBe(true)
  })

  test('Veo without sound is priced at the video-only rate, and VIDEO_PRICES overrides it', async () => {
    const { app } = videoApp({
      gemini,
      vertex: true,
      env: {
        VIDEO_PRICES: JSON.stringify({
          [ROLES.veo.defaultId]: { '*': { audio: 0.5, silent: 0.25 } },
        }),
      },
    })
    const body = await json(
      await postJson(app, '/api/video/jobs?dryRun=1', {
        ...textJob,
        model: 'veo',
        audio: false,
        durationSeconds: 4,
      })
    )
    expect(body.price).toMatchObject({
      amountUsd: 1,
      perSecondUsd: 0.25,
      source: 'config',
      estimated: false,
    })
  })
})
