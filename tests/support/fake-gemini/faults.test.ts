import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { startFakeGemini } from '.'

// The storm knobs themselves: a window of calls or of time, then the fake is itself again.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const generate = (stream = false) =>
  fetch(
    `${gemini.url}/v1beta/models/gemini-3.8-flash:${stream ? 'streamGenerateContent?alt=sse' : 'generateContent'}`,
    {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] }),
    }
  )

describe('faults', () => {
  test('a window of calls answers that many, whatever is queued, then the queue again', async () => {
    gemini.enqueue({ text: 'queued' })
    gemini.faults.inject({ kind: 'rateLimited', retryAfter: 10 }, { calls: 2 })
    for (let i = 0; i < 2; i++) {
      const res = await generate()
      expect([res.status, res.headers.get('Retry-After')]).toEqual([429, '10'])
      expect((await res.json()).error.status).toBe('RESOURCE_EXHAUSTED')
    }
    expect(gemini.faults.hits).toBe(2)
    expect((await generate()).status).toBe(200)
  })

  test('a window of time ends by itself', async () => {
    gemini.setHandler(() => ({ text: 'ok' }))
    gemini.faults.inject({ kind: 'unavailable' }, { forMs: 100 })
    expect((await generate()).status).toBe(503)
    await Bun.sleep(150)
    expect(gemini.faults.active()).toBe(false)
    expect((await generate()).status).toBe(200)
  })

  test('malformed: a 200 whose body is not JSON', async () => {
    gemini.faults.inject({ kind: 'malformed' })
    const res = await generate()
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(() => JSON.parse(body)).toThrow()
  })

  test('a cut stream sends some frames, then the connection drops', async () => {
    gemini.faults.inject({ kind: 'cutStream', frames: 2 })
    const res = await generate(true)
    expect(res.status).toBe(200)
    const error = await res.text().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(Error)
  })

  test('a hang answers nothing until the caller gives up', async () => {
    gemini.faults.inject({ kind: 'hang' })
    const result = await fetch(`${gemini.url}/v1beta/models/gemini-3.8-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k' },
      body: '{}',
      signal: AbortSignal.timeout(200),
    }).then(
      () => 'answered',
      (e: Error) => e.name
    )
    expect(result).toBe('TimeoutError')
  })
})
