import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { MODE_TAGS } from '../../server/ai/gemini/interactions-start'
import { ROLES } from '../../server/ai/models'
import { startFakeGemini } from '../support/fake-gemini'
import { getJob, image, json, PNG, PNG_2, settled, started, textJob, videoApp } from './support'

// Gemini Omni Flash through the Interactions API on the Developer API, end to end.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const creates = () => gemini.calls('createInteraction')
const lastCreate = () => creates().at(-1)?.body

describe('a text-to-video job on the Developer API', () => {
  test('answers 202 with a running job and its Location, after one create on the wire', async () => {
    const { app } = videoApp({ gemini })
    const res = await app.request('/api/video/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(textJob),
    })
    expect(res.status).toBe(202)
    const job = await json(res)
    expect(res.headers.get('Location')).toBe(`/api/video/jobs/${job.id}`)
    expect(job).toMatchObject({
      status: 'running',
      mode: 'text',
      backend: 'developer',
      api: 'interactions',
      model: { role: 'video', id: ROLES.video.defaultId },
      params: { aspectRatio: '16:9', durationSeconds: 8, resolution: '720p', audio: true },
    })
    expect(creates()).toHaveLength(1)
  })

  test('sends a background interaction with the video format, the task said in the prompt', async () => {
    const { app } = videoApp({ gemini })
    await started(app, { ...textJob, aspectRatio: '9:16', durationSeconds: 5, resolution: '1080p' })
    expect(gemini.last()?.path).toBe('/v1beta/interactions')
    expect(lastCreate()).toMatchObject({
      model: ROLES.video.defaultId,
      background: true,
      response_format: {
        type: 'video',
        aspect_ratio: '9:16',
        duration: '5s',
        resolution: '1080p',
        delivery: 'uri',
      },
    })
    // Google's Omni guide: plain prompting, not `video_config.task` (it adds strict constraints);
    // and Omni takes no system instruction.
    expect(lastCreate().generation_config).toBeUndefined()
    expect(lastCreate().system_instruction).toBeUndefined()
    expect(lastCreate().input.at(-1)).toEqual({ type: 'text', text: textJob.prompt })
  })

  test('is brought up to date by GET until the video is stored and served from /media with Range', async () => {
    gemini.video.script({ polls: 2 })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    expect((await json(await getJob(app, job.id))).status).toBe('running')
    const done = await settled(app, job.id)
    expect(done.status).toBe('succeeded')
    expect(done.progress).toEqual({ percent: 100, estimated: false })
    const media = await app.request(done.video.url, { headers: { Range: 'bytes=0-3' } })
    expect(media.status).toBe(206)
    expect(Buffer.from(await media.arrayBuffer())).toEqual(
      Buffer.from(gemini.video.jobs[0]!.video.subarray(0, 4))
    )
    expect(done.video).toMatchObject({
      mimeType: 'video/mp4',
      size: gemini.video.jobs[0]!.video.byteLength,
    })
  })

  test('downloads a linked result with the key in a header, never in a URL', async () => {
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    await settled(app, job.id)
    const download = gemini.calls('downloadFile')
    expect(download).toHaveLength(1)
    expect(download[0]?.headers['x-goog-api-key']).toBeString()
    expect(gemini.requests.every((r) => !r.query.has('key'))).toBe(true)
  })

  test('an interaction that fails fails the job with our wording', async () => {
    gemini.video.script({ outcome: 'fail' })
    const { app } = videoApp({ gemini })
    const done = await settled(app, (await started(app, textJob)).id)
    expect(done).toMatchObject({ status: 'failed', error: { code: 'video_failed' } })
    expect(done.error.message).not.toContain('Internal error')
  })

  test('an interaction that completes without a video fails the job as missing', async () => {
    gemini.video.script({ outcome: 'empty' })
    const { app } = videoApp({ gemini })
    const done = await settled(app, (await started(app, textJob)).id)
    expect(done).toMatchObject({ status: 'failed', error: { code: 'video_missing' } })
  })

  test('a job of another id shape or of nobody is 404', async () => {
    const { app } = videoApp({ gemini })
    expect((await getJob(app, 'nope')).status).toBe(404)
    expect((await getJob(app, `v${'0'.repeat(21)}`)).status).toBe(404)
  })
})

describe('each mode on the wire (Interactions API)', () => {
  const images = () => lastCreate().input.filter((p: { type: string }) => p.type === 'image')
  const labels = () =>
    lastCreate()
      .input.filter((p: { type: string }) => p.type === 'text')
      .map((p: { text: string }) => p.text)

  test('image: the first frame goes in as an image, and is the job’s poster', async () => {
    const { app } = videoApp({ gemini })
    const job = await started(app, { mode: 'image', prompt: 'it moves', firstFrame: image() })
    expect(images()).toEqual([
      { type: 'image', data: PNG.toString('base64'), mime_type: 'image/png' },
    ])
    expect(labels()[0]).toBe('First frame:')
    expect(job.poster).toMatchObject({ source: 'firstFrame', id: job.inputs.firstFrame.id })
  })

  test('firstLast: both frames, each after its label, first then last', async () => {
    const { app } = videoApp({ gemini })
    await started(app, {
      mode: 'firstLast',
      prompt: 'morph',
      firstFrame: image(PNG),
      lastFrame: image(PNG_2),
    })
    expect(images().map((i: { data: string }) => i.data)).toEqual([
      PNG.toString('base64'),
      PNG_2.toString('base64'),
    ])
    expect(labels().slice(0, 2)).toEqual(['First frame:', 'Last frame:'])
  })

  test('reference: every reference image with its kind, as a reference task', async () => {
    const { app } = videoApp({ gemini })
    await started(app, {
      mode: 'reference',
      prompt: 'the product on a beach',
      referenceImages: [{ image: image(PNG) }, { image: image(PNG_2), type: 'style' }],
    })
    expect(images()).toHaveLength(2)
    expect(labels().slice(0, 2)).toEqual([
      'Reference image 1 (subject):',
      'Reference image 2 (style):',
    ])
  })

  test('a negative prompt is said in the prompt ("Do not …"): Omni takes none', async () => {
    const { app } = videoApp({ gemini })
    const job = await started(app, { ...textJob, negativePrompt: 'rain, umbrellas' })
    expect(labels().at(-1)).toBe(`${textJob.prompt}\nDo not include: rain, umbrellas.`)
    expect(JSON.stringify(lastCreate())).not.toContain('negative')
    expect(job.params.negativePrompt).toBe('rain, umbrellas')
  })

  test('a stored image can be named by its media id', async () => {
    const { app } = videoApp({ gemini })
    const first = await started(app, { mode: 'image', prompt: 'a', firstFrame: image() })
    await started(app, {
      mode: 'image',
      prompt: 'b',
      firstFrame: { mediaId: first.inputs.firstFrame.id },
    })
    expect(images()[0].data).toBe(PNG.toString('base64'))
  })

  test('extend: continues the finished job’s own interaction', async () => {
    const { app } = videoApp({ gemini })
    const source = await settled(app, (await started(app, textJob)).id)
    const job = await started(app, {
      mode: 'extend',
      prompt: 'and then it rains',
      sourceJobId: source.id,
    })
    expect(lastCreate()).toMatchObject({ previous_interaction_id: gemini.video.jobs[0]!.id })
    expect(labels().at(-1)).toBe(`${MODE_TAGS.extend}\nand then it rains`)
    expect(job.inputs.sourceJobId).toBe(source.id)
  })

  test('edit: changes the finished video by instruction, keeping its length', async () => {
    const { app } = videoApp({ gemini })
    const source = await settled(app, (await started(app, { ...textJob, durationSeconds: 6 })).id)
    const job = await started(app, {
      mode: 'edit',
      prompt: 'make it night',
      sourceJobId: source.id,
    })
    expect(labels().at(-1)).toBe(`${MODE_TAGS.edit}\nmake it night`)
    expect(job.params.durationSeconds).toBe(6)
  })

  test('extending a job that has no video yet is 400', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = videoApp({ gemini })
    const source = await started(app, textJob)
    const res = await app.request('/api/video/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'extend', prompt: 'x', sourceJobId: source.id }),
    })
    expect(res.status).toBe(400)
    expect((await json(res)).error.details.issues[0].field).toBe('sourceJobId')
  })
})
