import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { FINISH_LEASE_MS } from '../../server/features/video/finish-job'
import { START_GRACE_MS } from '../../server/features/video/job-context'
import { startFakeGcs } from '../support/fake-gcs'
import { startFakeGemini } from '../support/fake-gemini'
import { createJob, getJob, json, settled, started, testClock, textJob, videoApp } from './support'

// The job record is the only state: restarts, several instances, the deadline, delete, list.
const gemini = await startFakeGemini()
const gcs = await startFakeGcs()
afterAll(() => {
  gemini.stop()
  gcs.stop()
})
beforeEach(() => {
  gemini.reset()
  gcs.reset()
})

const mediaObjects = (dataDir: string, store: 'local' | 'gcs') =>
  store === 'gcs'
    ? [...gcs.objects.keys()].filter((k) => k.startsWith('media/media/')).length
    : [...new Bun.Glob('media/*.mp4').scanSync({ cwd: dataDir })].length

for (const store of ['local', 'gcs'] as const) {
  const options = store === 'gcs' ? { gcs } : {}

  describe(`on the ${store} store`, () => {
    test('a new app on the same store completes a job the old one started', async () => {
      gemini.video.script({ polls: 1 })
      const old = videoApp({ gemini, ...options })
      const job = await started(old.app, textJob)
      const restarted = videoApp({ gemini, ...options, dataDir: old.dataDir })
      const done = await settled(restarted.app, job.id)
      expect(done.status).toBe('succeeded')
      expect(gemini.calls('createInteraction')).toHaveLength(1)
    })

    test('two instances polling one finished job store one video', async () => {
      gemini.video.script({ polls: 0 })
      const one = videoApp({ gemini, ...options })
      const two = videoApp({ gemini, ...options, dataDir: one.dataDir })
      const job = await started(one.app, textJob)
      const looks = await Promise.all(
        Array.from({ length: 6 }, (_, i) => getJob((i % 2 ? one : two).app, job.id).then(json))
      )
      const done = [await settled(one.app, job.id), await settled(two.app, job.id)]
      expect(new Set(done.map((d) => d.video.id)).size).toBe(1)
      expect(
        looks.every((l: { status: string }) => ['running', 'succeeded'].includes(l.status))
      ).toBe(true)
      expect(gemini.calls('downloadFile')).toHaveLength(1)
      expect(mediaObjects(one.dataDir, store)).toBe(1)
    })

    test('delete while running cancels upstream, removes the job and answers 404 after', async () => {
      gemini.video.script({ outcome: 'never' })
      const { app } = videoApp({ gemini, ...options })
      const job = await started(app, textJob)
      const res = await app.request(`/api/video/jobs/${job.id}`, { method: 'DELETE' })
      expect(res.status).toBe(204)
      expect(gemini.calls('cancelInteraction')).toHaveLength(1)
      expect(gemini.video.jobs[0]?.cancelled).toBe(true)
      expect((await getJob(app, job.id)).status).toBe(404)
    })

    test('delete of a finished job deletes its video', async () => {
      const { app, dataDir } = videoApp({ gemini, ...options })
      const done = await settled(app, (await started(app, textJob)).id)
      expect(mediaObjects(dataDir, store)).toBe(1)
      await app.request(`/api/video/jobs/${done.id}`, { method: 'DELETE' })
      expect((await app.request(done.video.url)).status).toBe(404)
      expect(mediaObjects(dataDir, store)).toBe(0)
      expect(gemini.calls('cancelInteraction')).toHaveLength(0)
    })
  })
}

describe('the deadline', () => {
  test('a job still running after it fails with the reason, and is cancelled upstream', async () => {
    gemini.video.script({ outcome: 'never' })
    const clock = testClock()
    const { app } = videoApp({ gemini, clock, env: { VIDEO_JOB_DEADLINE_MINUTES: '20' } })
    const job = await started(app, textJob)
    clock.advance(19 * 60_000)
    expect((await json(await getJob(app, job.id))).status).toBe('running')
    clock.advance(2 * 60_000)
    const late = await json(await getJob(app, job.id))
    expect(late).toMatchObject({ status: 'failed', error: { code: 'deadline_exceeded' } })
    expect(late.error.message).toContain('20 minutes')
    expect(gemini.video.jobs[0]?.cancelled).toBe(true)
  })

  test('a job that finished upstream before anyone looked is stored even when looked at late', async () => {
    gemini.video.script({ polls: 0 })
    const clock = testClock()
    const { app } = videoApp({ gemini, clock })
    const job = await started(app, textJob)
    clock.advance(60 * 60_000)
    expect((await json(await getJob(app, job.id))).status).toBe('succeeded')
  })

  test('the service unreachable past the deadline fails the job too', async () => {
    gemini.video.script({ outcome: 'never' })
    const clock = testClock()
    const { app } = videoApp({ gemini, clock })
    const job = await started(app, textJob)
    clock.advance(21 * 60_000)
    gemini.enqueueWhen((r) => r.action === 'getInteraction', { status: 503 })
    expect(await json(await getJob(app, job.id))).toMatchObject({
      error: { code: 'deadline_exceeded' },
    })
  })

  test('before the deadline a failed look is answered as the upstream failure, the job unchanged', async () => {
    gemini.video.script({ outcome: 'never' })
    const { app } = videoApp({ gemini })
    const job = await started(app, textJob)
    gemini.enqueueWhen((r) => r.action === 'getInteraction', { status: 503 })
    expect((await getJob(app, job.id)).status).toBe(502)
    expect((await json(await getJob(app, job.id))).status).toBe('running')
  })
})

describe('a lease held by an instance that died', () => {
  test('expires, and another instance stores the video', async () => {
    gemini.video.script({ polls: 0 })
    const clock = testClock()
    const { app, deps } = videoApp({ gemini, clock })
    const job = await started(app, textJob)
    const key = `jobs/video/default/${job.id}.json`
    const record = JSON.parse(new TextDecoder().decode(await deps.store.read(key)))
    const until = new Date(clock.now().getTime() + FINISH_LEASE_MS).toISOString()
    const meta = await deps.store.head(key)
    await deps.store.put(
      key,
      new TextEncoder().encode(JSON.stringify({ ...record, finishing: { by: 'dead', until } })),
      {
        contentType: 'application/json',
        ifGenerationMatch: meta?.generation,
      }
    )
    expect((await json(await getJob(app, job.id))).status).toBe('running')
    clock.advance(FINISH_LEASE_MS + 1)
    expect((await json(await getJob(app, job.id))).status).toBe('succeeded')
  })

  test('a start that never got its answer is failed after the grace period, never started again', async () => {
    const clock = testClock()
    const { app, deps } = videoApp({ gemini, clock })
    const id = `v${'1'.repeat(21)}`
    const now = clock.now().toISOString()
    await deps.store.put(
      `jobs/video/default/${id}.json`,
      new TextEncoder().encode(
        JSON.stringify({
          version: 1,
          id,
          workspace: 'default',
          status: 'queued',
          mode: 'text',
          prompt: 'x',
          model: { role: 'video', id: 'gemini-omni-1.1-flash' },
          backend: 'developer',
          api: 'interactions',
          params: { aspectRatio: '16:9', durationSeconds: 8, resolution: '720p', audio: true },
          inputs: {},
          createdAt: now,
          updatedAt: now,
          deadlineAt: new Date(clock.now().getTime() + 20 * 60_000).toISOString(),
        })
      ),
      { contentType: 'application/json' }
    )
    expect((await json(await getJob(app, id))).status).toBe('queued')
    clock.advance(START_GRACE_MS + 1)
    expect(await json(await getJob(app, id))).toMatchObject({
      status: 'failed',
      error: { code: 'start_lost' },
    })
    expect(gemini.calls('createInteraction')).toHaveLength(0)
  })
})

describe('a job that changes while its start is on the way', () => {
  /** The job as first stored (queued, its start on the way), looked for until it is there. */
  async function storedJob(app: { request: (path: string) => Response | Promise<Response> }) {
    for (let i = 0; i < 400; i++) {
      const item = (await json(await app.request('/api/video/jobs'))).items[0]
      if (item) return item
      await Bun.sleep(5)
    }
    throw new Error('the job was never stored')
  }

  test('deleted meanwhile: the started upstream job is cancelled and the create answers 404', async () => {
    gemini.video.script({ outcome: 'never', startDelayMs: 1_000 })
    const { app } = videoApp({ gemini })
    const creating = createJob(app, textJob)
    const queued = await storedJob(app)
    expect(queued.status).toBe('queued')
    await app.request(`/api/video/jobs/${queued.id}`, { method: 'DELETE' })
    expect((await creating).status).toBe(404)
    expect(gemini.video.jobs[0]?.cancelled).toBe(true)
  })

  test('given up as lost meanwhile: the started upstream job is cancelled, the failure stands', async () => {
    gemini.video.script({ outcome: 'never', startDelayMs: 1_000 })
    const clock = testClock()
    const { app } = videoApp({ gemini, clock })
    const creating = createJob(app, textJob)
    const queued = await storedJob(app)
    clock.advance(10 * 60_000)
    expect((await json(await getJob(app, queued.id))).error.code).toBe('start_lost')
    expect(await json(await creating)).toMatchObject({
      status: 'failed',
      error: { code: 'start_lost' },
    })
    expect(gemini.video.jobs[0]?.cancelled).toBe(true)
  })
})

describe('the list', () => {
  test('is newest first, a page at a time, with a cursor until the end', async () => {
    const clock = testClock()
    const { app } = videoApp({ gemini, clock })
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await started(app, { ...textJob, prompt: `clip ${i}` })).id)
      clock.advance(1000)
    }
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await json(
        await app.request(`/api/video/jobs?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      )
      seen.push(...page.items.map((j: { id: string }) => j.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
    expect(pages).toBe(3)
  })

  test('a cursor that is not one of ours is 400', async () => {
    const { app } = videoApp({ gemini })
    expect((await app.request('/api/video/jobs?cursor=bm9wZQ')).status).toBe(400)
  })
})

describe('workspaces', () => {
  const env = { API_KEYS: 'acme:k-acme,beta:k-beta' }
  const as = (k: string) => ({ Authorization: `Bearer ${k}` })

  test('one workspace never sees, lists, polls, streams or deletes another’s jobs', async () => {
    const { app } = videoApp({ gemini, env })
    const job = await started(app, textJob, as('k-acme'))
    const path = `/api/video/jobs/${job.id}`
    expect((await app.request(path, { headers: as('k-beta') })).status).toBe(404)
    expect((await app.request(`${path}/events`, { headers: as('k-beta') })).status).toBe(404)
    expect((await app.request(path, { method: 'DELETE', headers: as('k-beta') })).status).toBe(404)
    expect(
      (await json(await app.request('/api/video/jobs', { headers: as('k-beta') }))).items
    ).toEqual([])
    expect((await app.request(path, { headers: as('k-acme') })).status).toBe(200)
  })

  test('extending another workspace’s job is 404', async () => {
    const { app } = videoApp({ gemini, env })
    const done = await settled(
      app,
      (await started(app, textJob, as('k-acme'))).id,
      10,
      as('k-acme')
    )
    const res = await app.request('/api/video/jobs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...as('k-beta') },
      body: JSON.stringify({ mode: 'extend', prompt: 'x', sourceJobId: done.id }),
    })
    expect(res.status).toBe(404)
  })
})
