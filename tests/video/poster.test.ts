import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { startFakeGemini } from '../support/fake-gemini'
import { json, PNG, PNG_2, settled, started, textJob, videoApp } from './support'

// The poster frame: the job's first frame when it has one, else one the client captured.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const upload = (
  app: ReturnType<typeof videoApp>['app'],
  id: string,
  body: Uint8Array,
  type = 'image/png'
) =>
  app.request(`/api/video/jobs/${id}/poster`, {
    method: 'PUT',
    headers: { 'Content-Type': type },
    body: Buffer.from(body),
  })

describe('posters', () => {
  test('a text-to-video job has none until the client uploads a captured frame', async () => {
    const { app } = videoApp({ gemini })
    const done = await settled(app, (await started(app, textJob)).id)
    expect(done.poster).toBeUndefined()
    const res = await upload(app, done.id, PNG)
    expect(res.status).toBe(200)
    const job = await json(res)
    expect(job.poster).toMatchObject({ source: 'upload', mimeType: 'image/png' })
    expect((await app.request(job.poster.url)).status).toBe(200)
  })

  test('a new upload replaces the old one, whose media is deleted', async () => {
    const { app } = videoApp({ gemini })
    const done = await settled(app, (await started(app, textJob)).id)
    const first = (await json(await upload(app, done.id, PNG))).poster
    await upload(app, done.id, PNG_2)
    expect((await app.request(first.url)).status).toBe(404)
  })

  test('bytes that are not the declared image are 400; another type is 415', async () => {
    const { app } = videoApp({ gemini })
    const done = await settled(app, (await started(app, textJob)).id)
    expect(
      (await upload(app, done.id, new TextEncoder().encode('<svg/> not a png........'))).status
    ).toBe(400)
    expect((await upload(app, done.id, PNG, 'image/svg+xml')).status).toBe(415)
  })

  test('a job without its video yet takes no poster (409)', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    expect((await upload(app, job.id, PNG)).status).toBe(409)
  })

  test('an extension keeps its source’s first frame as poster', async () => {
    const { app } = videoApp({ gemini })
    const source = await settled(
      app,
      (
        await started(app, {
          mode: 'image',
          prompt: 'x',
          firstFrame: { data: PNG.toString('base64'), mimeType: 'image/png' },
        })
      ).id
    )
    const job = await started(app, { mode: 'extend', prompt: 'y', sourceJobId: source.id })
    expect(job.poster).toMatchObject({ source: 'firstFrame', id: source.poster.id })
  })
})
