import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { CONTINUE_PROMPT, MAX_CONTINUATIONS } from '../../server/ai/gemini/request'
import { startFakeGemini } from '../support/fake-gemini'
import { collect, failure, gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const gateway = () => gatewayFor(gemini)

describe('text cut at the length limit', () => {
  test('is continued: the partial answer is replayed and the rest appended', async () => {
    gemini.enqueue(
      { text: 'The first half, ', finishReason: 'MAX_TOKENS' },
      { text: 'and the rest.' }
    )
    const { text } = await gateway().text({ prompt: 'Write it' })
    expect(text).toBe('The first half, and the rest.')
    const continuation = gemini.calls()[1]!.body.contents
    expect(continuation.at(-2)).toEqual({ role: 'model', parts: [{ text: 'The first half, ' }] })
    expect(continuation.at(-1).parts[0].text).toBe(CONTINUE_PROMPT)
  })

  test(`is refused as ai_truncated after ${MAX_CONTINUATIONS} continuations, never passed off as complete`, async () => {
    gemini.setHandler(() => ({ text: 'more ', finishReason: 'MAX_TOKENS' }))
    const error = await failure(gateway().text({ prompt: 'Write it' }))
    expect([error.status, error.code]).toEqual([502, 'ai_truncated'])
    expect(gemini.calls()).toHaveLength(1 + MAX_CONTINUATIONS)
  })

  test('a cut answer with no text at all is ai_truncated at once', async () => {
    gemini.enqueue({ finishReason: 'MAX_TOKENS' })
    expect((await failure(gateway().text({ prompt: 'x' }))).code).toBe('ai_truncated')
    expect(gemini.calls()).toHaveLength(1)
  })
})

describe('a stream cut at the length limit', () => {
  test('continues in the same stream', async () => {
    gemini.enqueue(
      { chunks: ['Part one, '], finishReason: 'MAX_TOKENS' },
      { chunks: ['part two.'] }
    )
    const events = await collect(gateway().stream({ prompt: 'Write it' }))
    expect(events).toEqual([
      { type: 'delta', text: 'Part one, ' },
      { type: 'delta', text: 'part two.' },
    ])
    expect(gemini.calls('streamGenerateContent')).toHaveLength(2)
  })

  test('ends with ai_truncated when it cannot be completed', async () => {
    gemini.setHandler(() => ({ chunks: ['again '], finishReason: 'MAX_TOKENS' }))
    const seen: string[] = []
    const error = await failure(
      (async () => {
        for await (const e of gateway().stream({ prompt: 'x' }))
          if (e.type === 'delta') seen.push(e.text)
      })()
    )
    expect(error.code).toBe('ai_truncated')
    expect(seen).toHaveLength(1 + MAX_CONTINUATIONS)
  })
})

describe('long writing (deadline "long") not streamed to the client', () => {
  test('streams internally, so only silence cuts it', async () => {
    gemini.enqueue({ chunks: ['A whole ', 'article.'] })
    const { text } = await gateway().text({ prompt: 'Write it', deadline: 'long' })
    expect(text).toBe('A whole article.')
    expect(gemini.calls().map((r) => r.action)).toEqual(['streamGenerateContent'])
  })
})

describe('thought parts', () => {
  test('never reach the text', async () => {
    gemini.enqueue({ text: 'Answer', thoughts: 'private reasoning' })
    expect((await gateway().text({ prompt: 'x' })).text).toBe('Answer')
  })

  test('never reach a stream', async () => {
    gemini.enqueue({ chunks: ['Answer'], thoughts: 'private reasoning' })
    const events = await collect(gateway().stream({ prompt: 'x' }))
    expect(events).toEqual([{ type: 'delta', text: 'Answer' }])
  })
})
