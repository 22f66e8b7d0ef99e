import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { startFakeGcs } from '../support/fake-gcs'
import { startFakeGemini } from '../support/fake-gemini'
import { getJob, image, json, PNG, PNG_2, settled, started, textJob, videoApp } from './support'

// Veo 3.1 long-running operations and Gemini Omni on Vertex AI, with real ADC.
const gemini = await startFakeGemini()
const gcs = await startFakeGcs()
gemini.video.connectStorage(gcs)
afterAll(() => {
  gemini.stop()
  gcs.stop()
})
beforeEach(() => {
  gemini.reset()
  gcs.reset()
})

const VEO_PATH = `/v1beta1/projects/test-project/locations/us-central1/publishers/google/models/${ROLES.veo.defaultId}`
const veoApp = (withGcs = false) => videoApp({ gemini, vertex: true, ...(withGcs ? { gcs } : {}) })
const lastStart = () => gemini.calls('predictLongRunning').at(-1)
const instance = () => lastStart()?.body.instances[0]
const parameters = () => lastStart()?.body.parameters

describe('a Veo job on Vertex AI', () => {
  test('is started with predictLongRunning on the regional location, with a token, once', async () => {
    const { app } = veoApp()
    const job = await started(app, {
      ...textJob,
      durationSeconds: 6,
      resolution: '1080p',
      audio: false,
      negativePrompt: 'rain',
    })
    expect(job).toMatchObject({
      backend: 'vertex',
      api: 'predictLongRunning',
      model: { role: 'veo' },
    })
    expect(lastStart()?.path).toBe(`${VEO_PATH}:predictLongRunning`)
    expect(lastStart()?.headers.authorization).toMatch(/^Bearer ya29\.fake-/)
    expect(instance()).toEqual({ prompt: textJob.prompt })
    expect(parameters()).toEqual({
      sampleCount: 1,
      durationSeconds: 6,
      aspectRatio: '16:9',
      resolution: '1080p',
      generateAudio: false,
      negativePrompt: 'rain',
    })
    expect(gemini.calls('predictLongRunning')).toHaveLength(1)
  })

  test('is polled statelessly from the stored operation name, with the service’s progress', async () => {
    gemini.video.script({ polls: 2, progress: [30, 60] })
    const { app } = veoApp()
    const job = await started(app, textJob)
    expect((await json(await getJob(app, job.id))).progress).toEqual({
      percent: 30,
      estimated: false,
    })
    const poll = gemini.calls('fetchPredictOperation')[0]
    expect(poll?.path).toBe(`${VEO_PATH}:fetchPredictOperation`)
    expect(poll?.body).toEqual({ operationName: gemini.video.jobs[0]?.id })
    expect((await json(await getJob(app, job.id))).progress.percent).toBe(60)
    const done = await settled(app, job.id)
    expect(done.status).toBe('succeeded')
    const media = await app.request(done.video.url)
    expect(Buffer.from(await media.arrayBuffer())).toEqual(Buffer.from(gemini.video.jobs[0]!.video))
  })

  test('Veo Fast is chosen by its role', async () => {
    const { app } = veoApp()
    await started(app, { ...textJob, model: 'veoFast' })
    expect(lastStart()?.model).toBe(ROLES.veoFast.defaultId)
  })

  test('a filtered video fails the job as blocked; a failed operation as failed', async () => {
    gemini.video.script({ polls: 0, outcome: 'filtered' }, { polls: 0, outcome: 'fail' })
    const { app } = veoApp()
    const blocked = await settled(app, (await started(app, textJob)).id)
    const failed = await settled(app, (await started(app, textJob)).id)
    expect([blocked.error.code, failed.error.code]).toEqual(['video_blocked', 'video_failed'])
  })

  test('delete while running cancels the operation', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = veoApp()
    const job = await started(app, textJob)
    expect((await app.request(`/api/video/jobs/${job.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(gemini.calls('cancelOperation')[0]?.path).toBe(
      `/v1beta1/${gemini.video.jobs[0]?.id}:cancel`
    )
    expect(gemini.video.jobs[0]?.cancelled).toBe(true)
  })
})

describe('each Veo mode on the wire', () => {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

  test('image: the first frame as instances[0].image', async () => {
    const { app } = veoApp()
    await started(app, { mode: 'image', prompt: 'x', firstFrame: image() })
    expect(instance().image).toEqual({ bytesBase64Encoded: b64(PNG), mimeType: 'image/png' })
  })

  test('firstLast: image and lastFrame', async () => {
    const { app } = veoApp()
    await started(app, {
      mode: 'firstLast',
      prompt: 'x',
      firstFrame: image(PNG),
      lastFrame: image(PNG_2),
    })
    expect(instance().lastFrame).toEqual({ bytesBase64Encoded: b64(PNG_2), mimeType: 'image/png' })
  })

  test('reference: asset and style images, at the 8 s the mode needs', async () => {
    const { app } = veoApp()
    const job = await started(app, {
      mode: 'reference',
      prompt: 'x',
      referenceImages: [{ image: image(PNG) }, { image: image(PNG_2), type: 'style' }],
    })
    expect(
      instance().referenceImages.map((r: { referenceType: string }) => r.referenceType)
    ).toEqual(['ASSET', 'STYLE'])
    expect(job.params.durationSeconds).toBe(8)
  })

  test('extend: the finished video’s bytes, at 720p', async () => {
    const { app } = veoApp()
    const source = await settled(app, (await started(app, textJob)).id)
    const job = await started(app, { mode: 'extend', prompt: 'later', sourceJobId: source.id })
    expect(instance().video).toEqual({
      bytesBase64Encoded: b64(gemini.video.jobs[0]!.video),
      mimeType: 'video/mp4',
    })
    expect([job.params.resolution, parameters().resolution]).toEqual(['720p', '720p'])
  })

  test('extend of a 1080p video is 400: Veo extends 720p videos', async () => {
    const { app } = veoApp()
    const source = await settled(app, (await started(app, { ...textJob, resolution: '1080p' })).id)
    const res = await app.request('/api/video/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'extend', prompt: 'x', sourceJobId: source.id }),
    })
    expect(res.status).toBe(400)
    expect((await json(res)).error.details.issues[0].field).toBe('sourceJobId')
  })

  test('extend of a Gemini Omni video with Veo is 400: another family', async () => {
    const { app } = veoApp()
    const source = await settled(app, (await started(app, { ...textJob, model: 'video' })).id)
    const res = await app.request('/api/video/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'extend', prompt: 'x', sourceJobId: source.id, model: 'veo' }),
    })
    expect(res.status).toBe(400)
  })
})

describe('Veo with Cloud Storage', () => {
  test('writes into our bucket; the video is kept as media and the raw output removed', async () => {
    const { app } = veoApp(true)
    const job = await started(app, textJob)
    expect(parameters().storageUri).toBe(`gs://media/jobs/video-output/default/${job.id}/`)
    const done = await settled(app, job.id)
    expect(done.status).toBe('succeeded')
    expect(gcs.objects.has(`media/media/${done.video.id}`)).toBe(true)
    expect([...gcs.objects.keys()].some((k) => k.startsWith('media/jobs/video-output/'))).toBe(
      false
    )
    expect(Buffer.from(gcs.objects.get(`media/media/${done.video.id}`)!.bytes)).toEqual(
      Buffer.from(gemini.video.jobs[0]!.video)
    )
  })

  test('extend names the stored video by its gs:// URI instead of sending its bytes', async () => {
    const { app } = veoApp(true)
    const source = await settled(app, (await started(app, textJob)).id)
    await started(app, { mode: 'extend', prompt: 'later', sourceJobId: source.id })
    expect(instance().video).toEqual({
      gcsUri: `gs://media/media/${source.video.id}`,
      mimeType: 'video/mp4',
    })
  })
})

describe('Gemini Omni on Vertex AI', () => {
  test('runs through the Interactions API on the global location, with the video inline', async () => {
    const { app } = veoApp()
    const done = await settled(app, (await started(app, { ...textJob, model: 'video' })).id)
    const create = gemini.calls('createInteraction')[0]
    expect(create?.path).toBe('/v1beta1/projects/test-project/locations/global/interactions')
    expect(create?.body.response_format.delivery).toBe('inline')
    expect(done).toMatchObject({ status: 'succeeded', backend: 'vertex', api: 'interactions' })
  })
})
