import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { EVENT_ID } from '../../server/features/video/job-events'
import { ESTIMATE_CAP } from '../../server/features/video/progress'
import { startFakeGemini } from '../support/fake-gemini'
import { readEvents, started, testClock, textJob, videoApp } from './support'

// GET /api/video/jobs/:id/events: status and progress until the end, resumable.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const events = (
  app: ReturnType<typeof videoApp>['app'],
  id: string,
  headers: Record<string, string> = {}
) =>
  app.request(`/api/video/jobs/${id}/events`, {
    headers: { Accept: 'text/event-stream', ...headers },
  })

describe('job events', () => {
  test('a stream sends the status, then the final status with the video, and ends', async () => {
    gemini.video.script({ polls: 3 })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    const res = await events(app, job.id)
    expect(res.headers.get('Content-Type')).toContain('text/event-stream')
    const frames = await readEvents(res)
    expect(frames.map((f) => [f.event, f.id])).toEqual([
      ['status', String(EVENT_ID.running)],
      ['status', String(EVENT_ID.over)],
    ])
    expect(frames.at(-1)?.data).toMatchObject({
      id: job.id,
      status: 'succeeded',
      video: { mimeType: 'video/mp4' },
    })
  })

  test('progress is estimated from the elapsed time when the service reports none', async () => {
    gemini.video.script({ polls: 2 })
    const clock = testClock()
    const { app } = videoApp({ gemini, clock })
    const job = await started(app, textJob)
    clock.advance(45_000)
    const frames = await readEvents(await events(app, job.id))
    const progress = frames.find((f) => f.event === 'progress')
    expect(progress?.data).toMatchObject({ id: job.id, estimated: true })
    expect(progress?.data.percent).toBeGreaterThan(0)
    expect(progress?.data.percent).toBeLessThanOrEqual(ESTIMATE_CAP)
    expect(Number(progress?.id)).toBe(EVENT_ID.running + progress?.data.percent)
  })

  test('a reconnect with Last-Event-ID gets only what it has not seen', async () => {
    gemini.video.script({ polls: 2 })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    const frames = await readEvents(
      await events(app, job.id, { 'Last-Event-ID': String(EVENT_ID.running) })
    )
    expect(frames.map((f) => f.event)).toEqual(['status'])
    expect(frames[0]?.data.status).toBe('succeeded')
  })

  test('a reconnect after the end is 204, which tells EventSource to stop', async () => {
    gemini.video.script({ polls: 0 })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    await readEvents(await events(app, job.id))
    const again = await events(app, job.id, { 'Last-Event-ID': String(EVENT_ID.over) })
    expect(again.status).toBe(204)
  })

  test('a job deleted during the stream ends it with a 404 error event', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    const res = await events(app, job.id)
    await Bun.sleep(30)
    await app.request(`/api/video/jobs/${job.id}`, { method: 'DELETE' })
    const frames = await readEvents(res)
    expect(frames.at(-1)).toMatchObject({
      event: 'error',
      data: { status: 404, error: { code: 'not_found' } },
    })
  })

  test('a service that keeps failing ends the stream with an error event, not silence', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    for (let i = 0; i < 3; i++)
      gemini.enqueueWhen((r) => r.action === 'getInteraction', { status: 503 })
    const frames = await readEvents(
      await events(app, job.id, { 'Last-Event-ID': String(EVENT_ID.running) })
    )
    expect(frames.at(-1)).toMatchObject({ event: 'error', data: { status: 502 } })
  })
})
