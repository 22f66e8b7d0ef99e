/**
 * A paid video job and a model the service stopped serving: the start that meets the 404 made
 * nothing, so the job is planned once more on the role's successor and its record names both the
 * model that made it and the one it replaced. The dry run names the model in use.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { createJob, json, started, textJob, videoApp } from '../video/support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const OMNI = ROLES.video.defaultId
const SUCCESSOR = 'gemini-omni-1.2-flash'
const creates = () =>
  gemini.requests.filter((r) => r.action === 'createInteraction').map((r) => r.body.model)

describe('a video model taken out of service', () => {
  test('the job starts on the successor, and its record says which model made it', async () => {
    const { app, logLines } = videoApp({ gemini })
    gemini.models.retire(OMNI)
    const job = await started(app, textJob)
    expect(job.model).toEqual({ role: 'video', id: SUCCESSOR, replaces: OMNI })
    expect(creates()).toEqual([OMNI, SUCCESSOR])
    expect(logLines.some((l) => l.includes('video model not found'))).toBe(true)

    const caps = await json(await app.request('/api/capabilities'))
    expect(caps.models.roles.video).toMatchObject({
      inUse: SUCCESSOR,
      reason: 'not_found',
      substituted: true,
    })
    expect(caps.video.models.find((m: { role: string }) => m.role === 'video').id).toBe(SUCCESSOR)

    // The next job and its dry run go to the successor straight away: the retired id is not asked.
    expect((await started(app, textJob)).model).toEqual({ role: 'video', id: SUCCESSOR })
    const dry = await json(await postJson(app, '/api/video/jobs?dryRun=1', textJob))
    expect(dry.model).toEqual({ role: 'video', id: SUCCESSOR })
    expect(creates().filter((m) => m === OMNI)).toHaveLength(1)
  })

  test('an id set explicitly is not swapped for a paid job: the 404 is answered, nothing is kept', async () => {
    const { app } = videoApp({ gemini, env: { GEMINI_MODEL_VIDEO: OMNI } })
    gemini.models.retire(OMNI)
    const res = await createJob(app, textJob)
    expect(res.status).toBe(502)
    expect((await json(res)).error.code).toBe('upstream_not_found')
    expect(creates()).toEqual([OMNI])
    const list = await json(await app.request('/api/video/jobs'))
    expect(list.items).toEqual([])
    // Asked once: a second try fails before anything is sent.
    expect((await createJob(app, textJob)).status).toBe(502)
    expect(creates()).toEqual([OMNI])
  })
})
