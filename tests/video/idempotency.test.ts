import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { startFakeGemini } from '../support/fake-gemini'
import { createJob, json, textJob, videoApp } from './support'

// One Idempotency-Key, one paid job: also under concurrent requests and on several instances.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const creates = () => gemini.calls('createInteraction').length
const key = (k: string = crypto.randomUUID()) => ({ 'Idempotency-Key': k })

describe('Idempotency-Key on create', () => {
  test('the same key returns the same job, marked as a replay, and starts nothing more', async () => {
    const { app } = videoApp({ gemini })
    const headers = key()
    const first = await createJob(app, textJob, headers)
    const again = await createJob(app, textJob, headers)
    expect(again.status).toBe(202)
    expect(again.headers.get('Idempotent-Replayed')).toBe('true')
    expect((await json(again)).id).toBe((await json(first)).id)
    expect(creates()).toBe(1)
  })

  test('concurrent requests with one key on two instances start one job', async () => {
    const one = videoApp({ gemini })
    const two = videoApp({ gemini, dataDir: one.dataDir })
    const headers = key()
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createJob((i % 2 ? one : two).app, textJob, headers))
    )
    const ids = new Set(await Promise.all(answers.map(async (r) => (await json(r)).id)))
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(202))
    expect(ids.size).toBe(1)
    expect(creates()).toBe(1)
    const list = await json(await one.app.request('/api/video/jobs'))
    expect(list.items).toHaveLength(1)
  })

  test('the same key with a different request is 422 and starts nothing', async () => {
    const { app } = videoApp({ gemini })
    const headers = key()
    await createJob(app, textJob, headers)
    const other = await createJob(app, { ...textJob, prompt: 'something else' }, headers)
    expect(other.status).toBe(422)
    expect((await json(other)).error.code).toBe('idempotency_key_reused')
    expect(creates()).toBe(1)
  })

  test('keys are per workspace', async () => {
    const { app } = videoApp({ gemini, env: { API_KEYS: 'acme:k-acme,beta:k-beta' } })
    const headers = key('same-key')
    const a = await json(
      await createJob(app, textJob, { ...headers, Authorization: 'Bearer k-acme' })
    )
    const b = await json(
      await createJob(app, textJob, { ...headers, Authorization: 'Bearer k-beta' })
    )
    expect(a.id).not.toBe(b.id)
    expect(creates()).toBe(2)
  })

  test('a key that is not visible ASCII is 400', async () => {
    const { app } = videoApp({ gemini })
    const res = await createJob(app, textJob, { 'Idempotency-Key': ' ' })
    expect(res.status).toBe(400)
    expect((await json(res)).error.code).toBe('invalid_idempotency_key')
  })
})

describe('a start the service refused or never answered', () => {
  test('a refusal (429) is answered as such; nothing was made, so the key may be used again', async () => {
    const { app } = videoApp({ gemini })
    gemini.enqueueWhen((r) => r.action === 'createInteraction', { status: 429, retryAfter: 7 })
    const headers = key()
    const refused = await createJob(app, textJob, headers)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('7')
    expect((await json(await app.request('/api/video/jobs'))).items).toHaveLength(0)
    expect((await createJob(app, textJob, headers)).status).toBe(202)
    expect(creates()).toBe(2)
  })

  test('one create only, even when the service answers 503 (no retry of a paid start)', async () => {
    const { app } = videoApp({ gemini })
    gemini.enqueueWhen((r) => r.action === 'createInteraction', { status: 503 })
    expect((await createJob(app, textJob)).status).toBe(502)
    expect(creates()).toBe(1)
  })

  test('a start that timed out fails the job and keeps the key: a retry cannot pay twice', async () => {
    const { app } = videoApp({ gemini, env: { GEMINI_TIMEOUT_MS: '1000' } })
    gemini.enqueueWhen((r) => r.action === 'createInteraction', { hang: true })
    const headers = key()
    const lost = await createJob(app, textJob, headers)
    expect(lost.status).toBe(504)
    const jobId = (await json(lost)).error.details.jobId
    const retry = await createJob(app, textJob, headers)
    expect(retry.status).toBe(202)
    expect(await json(retry)).toMatchObject({
      id: jobId,
      status: 'failed',
      error: { code: 'start_unconfirmed' },
    })
    expect(creates()).toBe(1)
  })
})
