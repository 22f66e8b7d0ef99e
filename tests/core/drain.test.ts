/**
 * The drain, in-process: once it starts, new requests get 503 `server_restarting` with
 * `Connection: close`, an article stream ends with an `error` event saying so, a job's event
 * stream too, and `lastCall` answers work still waiting on the upstream with the same 503.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { createDrain } from '../../server/core/drain'
import { buildTestApp, postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const brief = {
  mainKeyword: 'Espresso zu Hause',
  targetLanguage: 'German',
  targetRegion: 'Germany',
}
const profile = { globalInfo: { brand_name: 'Northwind' }, projects: [] }

function drained() {
  const drain = createDrain()
  const { app } = buildTestApp({ gemini, deps: { drain }, env: { VIDEO_EVENTS_POLL_MS: '20' } })
  return { app, drain }
}

const envelope = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe('while draining', () => {
  test('a new request, static or API, is 503 server_restarting and closes its connection', async () => {
    const { app, drain } = drained()
    drain.start()
    for (const path of ['/health', '/api/capabilities']) {
      const res = await app.request(path)
      expect(res.status).toBe(503)
      expect(res.headers.get('Connection')).toBe('close')
      expect(res.headers.get('Retry-After')).toBe('1')
      expect(await envelope(res)).toBe('server_restarting')
    }
  })

  test('an article stream in progress ends with an error event server_restarting', async () => {
    const { app, drain } = drained()
    gemini.setHandler(() => ({ chunks: Array.from({ length: 400 }, (_, i) => `Wort ${i}. `) }))
    const res = await postJson(
      app,
      '/api/seo/write-article',
      { outline: ['## A'], brief, profile },
      { Accept: 'text/event-stream' }
    )
    expect(res.status).toBe(200)
    const reader = res.body?.getReader()
    await reader?.read()
    drain.start()
    let text = ''
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      text += new TextDecoder().decode(next.value)
    }
    const events = [...text.matchAll(/^event: (\w+)\ndata: (.*)$/gm)]
    const last = events.at(-1)
    expect(last?.[1]).toBe('error')
    expect(JSON.parse(last?.[2] ?? '{}')).toMatchObject({
      error: { code: 'server_restarting' },
      status: 503,
    })
    expect(events.some((e) => e[1] === 'done')).toBe(false)
  })

  test("a job's event stream ends with server_restarting (the client resumes elsewhere)", async () => {
    const { app, drain } = drained()
    gemini.video.script({ outcome: 'never' })
    const created = await postJson(app, '/api/video/jobs', { mode: 'text', prompt: 'A bay' })
    const { id } = (await created.json()) as { id: string }
    const res = await app.request(`/api/video/jobs/${id}/events`)
    setTimeout(() => drain.start(), 100)
    const text = await res.text()
    expect(text).toContain('event: status')
    expect(text.trim().split('\n\n').at(-1)).toContain('"server_restarting"')
  })

  test('work still waiting on the upstream at the last call is answered 503, not dropped', async () => {
    const { app, drain } = drained()
    gemini.setHandler(() => ({ hang: true }))
    const pending = postJson(app, '/api/seo/analyze-intent', { prompt: 'audit example.com' })
    for (let i = 0; i < 100 && gemini.calls('generateContent').length === 0; i++) {
      await Bun.sleep(10)
    }
    drain.start()
    drain.lastCall()
    const res = await pending
    expect(res.status).toBe(503)
    expect(await envelope(res)).toBe('server_restarting')
  })
})
