/**
 * `POST /api/video/jobs/:id/brand-check`: the finished clip judged by Gemini's video
 * understanding (through the Files API on the Developer API, the bucket's `gs://` object on
 * Vertex AI with Cloud Storage, inline bytes on Vertex AI without it), the first and last frames
 * measured against the palette, and the result stored on the job record; one check per clip and
 * brand version.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import {
  ALL_FAIL,
  ALL_PASS,
  offPalettePng,
  onPalettePng,
  profileWith,
} from '../brand-guard/support'
import { postJson } from '../support/app'
import { startFakeGcs } from '../support/fake-gcs'
import { startFakeGemini } from '../support/fake-gemini'
import { json, settled, started, textJob, videoApp } from './support'

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

const frame = (bytes: Uint8Array) => ({
  data: Buffer.from(bytes).toString('base64'),
  mimeType: 'image/png',
})
const onFrames = { first: frame(onPalettePng()), last: frame(onPalettePng()) }
const offFrames = { first: frame(offPalettePng()), last: frame(offPalettePng()) }
const { textRegions: _none, ...VIDEO_PASS } = ALL_PASS
const { textRegions: _boxes, ...VIDEO_FAIL } = ALL_FAIL

const judged = () =>
  gemini.calls('generateContent').filter((r) => r.body?.generationConfig?.responseMimeType)

type Built = ReturnType<typeof videoApp>
async function finishedJob(built: Built) {
  return settled(built.app, (await started(built.app, textJob)).id)
}
const checkBrand = (built: Built, id: string, body: unknown) =>
  postJson(built.app, `/api/video/jobs/${id}/brand-check`, body)

describe('Developer API: the clip through the Files API', () => {
  test('uploads the clip, judges it as a file part, deletes it, and stores the check on the job', async () => {
    const built = videoApp({ gemini })
    const job = await finishedJob(built)
    gemini.enqueue({ json: VIDEO_PASS })
    const res = await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    expect(res.status).toBe(200)
    const body = await json(res)
    expect(body.brandCheck).toMatchObject({ kind: 'video', via: 'file', judged: { status: 'ok' } })
    expect(body.brandCheck.score.value).toBeGreaterThan(95)
    expect(body.brandCheck.measured.frames.first.coverage).toBeGreaterThan(0.95)

    const [start] = gemini.calls('uploadFileStart')
    expect(start!.headers['x-goog-upload-header-content-type']).toBe('video/mp4')
    expect(Number(start!.headers['x-goog-upload-header-content-length'])).toBe(job.video.size)
    const parts = judged()[0]!.body.contents.at(-1).parts
    expect(parts[0].fileData).toMatchObject({ mimeType: 'video/mp4' })
    expect(parts[0].fileData.fileUri).toStartWith(
      'https://generativelanguage.googleapis.com/v1beta/files/'
    )
    expect(parts.at(-1).text).toContain('Check the video clip')
    expect(gemini.calls('deleteFile')).toHaveLength(1)
    const held = [...gemini.files.files.values()][0]!
    const video = new Uint8Array(await (await built.app.request(job.video.url)).arrayBuffer())
    expect(held.bytes).toEqual(video)

    // Stored on the job record: a fresh read shows it, a second request changes nothing.
    expect((await json(await built.app.request(`/api/video/jobs/${job.id}`))).brandCheck).toEqual(
      body.brandCheck
    )
    const again = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    )
    expect(again.brandCheck).toEqual(body.brandCheck)
    expect(gemini.calls('uploadFileStart')).toHaveLength(1)
    expect(judged()).toHaveLength(1)
  })

  test('off-palette frames and failed judgements: a low score and each frame’s issues', async () => {
    const built = videoApp({ gemini })
    const job = await finishedJob(built)
    gemini.enqueue({ json: VIDEO_FAIL })
    const body = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: offFrames })
    )
    expect(body.brandCheck.score.value).toBe(0)
    const frames = body.brandCheck.issues
      .filter((i: any) => i.code === 'off_palette_color')
      .map((i: any) => i.params.frame)
    expect(new Set(frames)).toEqual(new Set(['first', 'last']))
    expect(body.brandCheck.issues.map((i: any) => i.code)).toContain('voice')
    expect(body.brandCheck.score.parts.find((p: any) => p.part === 'textContrast').value).toBeNull()
  })

  test('a clip the Files API cannot process is a 502; nothing is stored', async () => {
    const built = videoApp({ gemini })
    const job = await finishedJob(built)
    gemini.files.script({ outcome: 'FAILED' })
    const res = await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    expect(res.status).toBe(502)
    expect((await json(res)).error.code).toBe('upstream_file_failed')
    expect(
      (await json(await built.app.request(`/api/video/jobs/${job.id}`))).brandCheck
    ).toBeUndefined()
  })

  test('a blocked judgement is stored as partial, and checked again when asked', async () => {
    const built = videoApp({ gemini })
    const job = await finishedJob(built)
    gemini.enqueue({ promptBlocked: 'SAFETY' })
    const first = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    )
    expect(first.brandCheck).toMatchObject({
      judged: { status: 'unavailable' },
      score: { partial: true },
    })
    expect(gemini.calls('deleteFile')).toHaveLength(1)
    gemini.enqueue({ json: VIDEO_PASS })
    const second = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    )
    expect(second.brandCheck.score.partial).toBe(false)
  })

  test('a job still running is 409; frames that are not the declared image are 400', async () => {
    const built = videoApp({ gemini })
    gemini.video.script({ outcome: 'never' })
    const running = await started(built.app, textJob)
    const busy = await checkBrand(built, running.id, { profile: profileWith(), frames: onFrames })
    expect(busy.status).toBe(409)
    const job = await finishedJob(built)
    const bad = await checkBrand(built, job.id, {
      profile: profileWith(),
      frames: {
        ...onFrames,
        last: { data: Buffer.from('not a png at all').toString('base64'), mimeType: 'image/png' },
      },
    })
    expect(bad.status).toBe(400)
    expect((await json(bad)).error.details.issues[0].field).toBe('frames.last')
    const none = await checkBrand(built, job.id, { frames: onFrames })
    expect(none.status).toBe(400)
    expect(gemini.calls('uploadFileStart')).toHaveLength(0)
  })
})

describe('Vertex AI: no Files API', () => {
  test('with Cloud Storage the clip is its gs:// object, read by the service', async () => {
    const built = videoApp({ gemini, vertex: true, gcs })
    const job = await finishedJob(built)
    gemini.enqueue({ json: VIDEO_PASS })
    const body = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    )
    expect(body.brandCheck.via).toBe('gcs')
    const part = judged()[0]!.body.contents.at(-1).parts[0]
    expect(part.fileData).toEqual({
      fileUri: `gs://media/media/${job.video.id}`,
      mimeType: 'video/mp4',
    })
    expect(gemini.calls('uploadFileStart')).toHaveLength(0)
  })

  test('without Cloud Storage a short clip goes inline', async () => {
    const built = videoApp({ gemini, vertex: true })
    const job = await finishedJob(built)
    gemini.enqueue({ json: VIDEO_PASS })
    const body = await json(
      await checkBrand(built, job.id, { profile: profileWith(), frames: onFrames })
    )
    expect(body.brandCheck.via).toBe('inline')
    const part = judged()[0]!.body.contents.at(-1).parts[0]
    expect(part.inlineData.mimeType).toBe('video/mp4')
  })
})
