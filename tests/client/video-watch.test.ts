/**
 * Following a video job from the browser's side, against the real app in-process and the fake
 * Gemini: the event stream carries the job to its end; a watch resumed with the last event id
 * gets only what is new; a stream that keeps failing gives way to polling, which still reaches
 * the end; a deleted job ends the watch as gone; other failures are trouble, not the job's end.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ApiError, errorFromResponse } from '../../client/src/api/errors'
import { readJobEvents } from '../../client/src/api/job-events'
import type { VideoJob } from '../../client/src/api/video'
import { watchJob } from '../../client/src/features/video/watch-job'
import { EVENT_ID } from '../../server/features/video/job-events'
import { startFakeGemini } from '../support/fake-gemini'
import { started, textJob, videoApp } from '../video/support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

function harness() {
  const { app } = videoApp({ gemini })
  const viaApp = (url: string, init: RequestInit) => app.request(url, init)
  const stream: Parameters<typeof watchJob>[1]['stream'] = (id, last, handlers, options) =>
    readJobEvents(id, last, handlers, { ...options, fetch: viaApp })
  // As the client's own `getJob`: a failure is an ApiError, never a body taken for a job.
  const poll = async (id: string) => {
    const res = await app.request(`/api/video/jobs/${id}`)
    if (!res.ok) throw await errorFromResponse(res)
    return res.json()
  }
  return { app, viaApp, stream, poll }
}

describe('readJobEvents', () => {
  test('reads the stream to the final status and reports the last event id', async () => {
    gemini.video.script({ polls: 2 })
    const { app, viaApp } = harness()
    const job = await started(app, textJob)
    const statuses: string[] = []
    const end = await readJobEvents(
      job.id,
      0,
      { onStatus: (j) => statuses.push(j.status), onProgress: () => undefined },
      { fetch: viaApp }
    )
    expect(statuses).toEqual(['running', 'succeeded'])
    expect(end).toEqual({ lastEventId: EVENT_ID.over, over: true })
  })

  test('a stream resumed after the end has nothing more to send', async () => {
    const { app, viaApp } = harness()
    const job = await started(app, textJob)
    const handlers = { onStatus: () => undefined, onProgress: () => undefined }
    await readJobEvents(job.id, 0, handlers, { fetch: viaApp })
    const statuses: string[] = []
    const end = await readJobEvents(
      job.id,
      EVENT_ID.over,
      { ...handlers, onStatus: (j) => statuses.push(j.status) },
      { fetch: viaApp }
    )
    expect(end.over).toBe(true)
    expect(statuses).toEqual([])
  })

  test('a job that does not exist is a 404 ApiError', async () => {
    const { viaApp } = harness()
    const error = await readJobEvents(
      'v000000000000000000000',
      0,
      { onStatus: () => undefined, onProgress: () => undefined },
      { fetch: viaApp }
    ).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(404)
  })
})

describe('watchJob', () => {
  test('follows a job over its stream to the finished video', async () => {
    gemini.video.script({ polls: 3 })
    const { app, stream } = harness()
    const job = await started(app, textJob)
    const seen: VideoJob[] = []
    const watch = watchJob(job.id, {
      onJob: (j) => seen.push(j),
      onProgress: () => undefined,
      stream,
    })
    await watch.done
    expect(seen.at(-1)?.status).toBe('succeeded')
    expect(seen.at(-1)?.video?.mimeType).toBe('video/mp4')
    expect(watch.mode()).toBe('stream')
  })

  test('resumed from a running job’s event id, it does not repeat the running status', async () => {
    gemini.video.script({ polls: 2 })
    const { app, stream } = harness()
    const job = await started(app, textJob)
    const seen: string[] = []
    await watchJob(job.id, {
      lastEventId: EVENT_ID.running,
      onJob: (j) => seen.push(j.status),
      onProgress: () => undefined,
      stream,
    }).done
    expect(seen).toEqual(['succeeded'])
  })

  test('a stream that keeps failing gives way to polling, which reaches the end', async () => {
    gemini.video.script({ polls: 2 })
    const { app, poll } = harness()
    const job = await started(app, textJob)
    const modes: string[] = []
    const troubles: (ApiError | undefined)[] = []
    const seen: string[] = []
    const watch = watchJob(job.id, {
      onJob: (j) => seen.push(j.status),
      onProgress: () => undefined,
      onMode: (m) => modes.push(m),
      onTrouble: (e) => troubles.push(e),
      stream: async () => {
        throw new ApiError(502, 'bad_response', 'HTTP 502')
      },
      poll,
      pollMs: 5,
      backoffMs: () => 1,
    })
    await watch.done
    expect(modes).toEqual(['polling'])
    expect(seen.at(-1)).toBe('succeeded')
    expect(troubles[0]?.status).toBe(502)
    expect(troubles.at(-1)).toBeUndefined()
  })

  test('a stream cut before the end is resumed from the last event id', async () => {
    gemini.video.script({ polls: 2 })
    const { app, stream } = harness()
    const job = await started(app, textJob)
    const asked: number[] = []
    let cut = true
    const seen: string[] = []
    await watchJob(job.id, {
      onJob: (j) => seen.push(j.status),
      onProgress: () => undefined,
      backoffMs: () => 1,
      stream: async (id, last, handlers, options) => {
        asked.push(last)
        if (cut) {
          cut = false
          handlers.onStatus({ ...job, status: 'running' })
          return { lastEventId: EVENT_ID.running, over: false }
        }
        return stream?.(id, last, handlers, options) ?? { lastEventId: last, over: true }
      },
    }).done
    expect(asked).toEqual([0, EVENT_ID.running])
    expect(seen).toEqual(['running', 'succeeded'])
  })

  test('a job deleted meanwhile ends the watch as gone', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app, stream } = harness()
    const job = await started(app, textJob)
    await app.request(`/api/video/jobs/${job.id}`, { method: 'DELETE' })
    let gone = false
    await watchJob(job.id, {
      onJob: () => undefined,
      onProgress: () => undefined,
      onGone: () => {
        gone = true
      },
      stream,
    }).done
    expect(gone).toBe(true)
  })

  test('stop ends the watch without reporting anything', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app, stream } = harness()
    const job = await started(app, textJob)
    const seen: string[] = []
    const watch = watchJob(job.id, {
      onJob: (j) => seen.push(j.status),
      onProgress: () => undefined,
      stream,
    })
    await Bun.sleep(30)
    watch.stop()
    await watch.done
    const count = seen.length
    await Bun.sleep(30)
    expect(seen.length).toBe(count)
  })
})

test('a watch asked to poll from the start never opens a stream', async () => {
  gemini.video.script({ polls: 1 })
  const { app, poll } = harness()
  const job = await started(app, textJob)
  let streams = 0
  const seen: string[] = []
  await watchJob(job.id, {
    mode: 'polling',
    onJob: (j) => seen.push(j.status),
    onProgress: () => undefined,
    stream: async () => {
      streams++
      return { lastEventId: 0, over: true }
    },
    poll,
    pollMs: 5,
  }).done
  expect(streams).toBe(0)
  expect(seen.at(-1)).toBe('succeeded')
})
