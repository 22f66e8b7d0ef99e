/**
 * The video jobs store against the real app in-process (the page's `fetch` answered by
 * `app.request`) and the fake Gemini: the list comes from the server newest first and its
 * running jobs are followed to their end; a job deleted here is gone on the server, and one
 * already gone counts as deleted; beyond `MAX_STREAMS` running jobs the rest are polled.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'bun:test'
import { createPinia, setActivePinia } from 'pinia'
import { MAX_STREAMS, useVideoJobsStore } from '../../client/src/stores/video-jobs'
import { startFakeGemini } from '../support/fake-gemini'
import { json, started, textJob, videoApp } from '../video/support'

const gemini = await startFakeGemini()
const realFetch = globalThis.fetch
afterAll(() => {
  globalThis.fetch = realFetch
  gemini.stop()
})
let store: ReturnType<typeof useVideoJobsStore>
let app: ReturnType<typeof videoApp>['app']
let clock: ReturnType<typeof videoApp>['clock']

beforeEach(() => {
  gemini.reset()
  ;({ app, clock } = videoApp({ gemini }))
  // The client's relative URLs, answered by the app as the browser's would be; the server's
  // own calls (the SDK to the fake Gemini) go out as usual.
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    typeof input === 'string' && input.startsWith('/')
      ? app.request(input, init)
      : realFetch(input, init)) as typeof fetch
  setActivePinia(createPinia())
  store = useVideoJobsStore()
})
afterEach(() => store.stopAll())

const until = async (ok: () => boolean, ms = 3000) => {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await Bun.sleep(10)
  }
}

describe('the video jobs store', () => {
  test('lists the server’s jobs newest first and follows the running ones to the end', async () => {
    gemini.video.script({ polls: 1 }, { polls: 3 })
    const older = await started(app, { ...textJob, prompt: 'older' })
    clock.advance(1000)
    const newer = await started(app, { ...textJob, prompt: 'newer' })
    await store.load()
    expect(store.jobs.map((j) => j.id)).toEqual([newer.id, older.id])
    await until(() => store.jobs.every((j) => j.status === 'succeeded'))
    expect(store.jobs.every((j) => j.video?.mimeType === 'video/mp4')).toBe(true)
    await until(() => store.follows.size === 0)
  })

  test('delete removes the job on the server and here', async () => {
    gemini.video.script({ outcome: 'never' })
    const job = await started(app, textJob)
    await store.load()
    expect(await store.remove(job.id)).toBeUndefined()
    expect(store.jobs).toEqual([])
    expect((await json(await app.request('/api/video/jobs'))).items).toEqual([])
  })

  test('a job already deleted elsewhere counts as deleted', async () => {
    const job = await started(app, textJob)
    await store.load()
    await app.request(`/api/video/jobs/${job.id}`, { method: 'DELETE' })
    expect(await store.remove(job.id)).toBeUndefined()
    expect(store.jobs).toEqual([])
  })

  test(`beyond ${MAX_STREAMS} running jobs, the others are polled`, async () => {
    gemini.video.script(
      ...Array.from({ length: MAX_STREAMS + 2 }, () => ({ outcome: 'never' as const }))
    )
    for (let i = 0; i < MAX_STREAMS + 2; i++) await started(app, { ...textJob, prompt: `job ${i}` })
    await store.load()
    const modes = [...store.follows.values()].map((f) => f.mode)
    expect(modes.filter((m) => m === 'stream')).toHaveLength(MAX_STREAMS)
    expect(modes.filter((m) => m === 'polling')).toHaveLength(2)
  })

  test('a failed listing is kept as the error to show, with nothing invented', async () => {
    globalThis.fetch = (async () =>
      new Response('down', { status: 503 })) as unknown as typeof fetch
    // Every retry the page could make answers the same: nothing from the server to show.
    await store.load()
    expect(store.listError?.status).toBe(503)
    expect(store.jobs).toEqual([])
  })
})
