import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { startFakeGemini } from '../support/fake-gemini'
import { collect, gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

describe('streaming', () => {
  test('yields deltas in order, then the grounding', async () => {
    gemini.enqueue({
      chunks: ['Hel', 'lo ', 'world'],
      sources: [{ url: 'https://s.example/' }],
      queries: ['q'],
    })
    const events = await collect(gatewayFor(gemini).stream({ prompt: 'x', grounded: true }))
    expect(events.slice(0, 3)).toEqual([
      { type: 'delta', text: 'Hel' },
      { type: 'delta', text: 'lo ' },
      { type: 'delta', text: 'world' },
    ])
    expect(events[3]).toMatchObject({
      type: 'sources',
      queries: ['q'],
      sources: [{ title: 's.example' }],
    })
    expect(events[3]).toHaveProperty('searchEntryPoint')
  })

  test('goes to streamGenerateContent as SSE with the search tool when grounded', async () => {
    gemini.enqueue({ chunks: ['ok'] })
    await collect(gatewayFor(gemini).stream({ prompt: 'x', grounded: true }))
    const req = gemini.last()!
    expect([req.action, req.query.get('alt')]).toEqual(['streamGenerateContent', 'sse'])
    expect(req.body.tools).toEqual([{ googleSearch: {} }])
  })
})
