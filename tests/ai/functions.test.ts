import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import type { Turn } from '../../server/ai/types'
import { startFakeGemini } from '../support/fake-gemini'
import { failure, gatewayFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const gateway = () => gatewayFor(gemini)

const Route = v.object({ intent: v.picklist(['SEO', 'IMAGE', 'OTHER']), query: v.string() })
const fns = [{ name: 'route_request', description: 'Route it', parameters: Route }]
const call = (args: Record<string, unknown>) => ({ functionCall: { name: 'route_request', args } })

describe('function calling', () => {
  test('declares the functions as JSON Schema and returns the validated call', async () => {
    gemini.enqueue(call({ intent: 'SEO', query: 'nike.com' }))
    const result = await gateway().callFunction({
      prompt: 'audit nike.com',
      functions: fns,
      mode: 'any',
    })
    expect(result.call).toEqual({
      name: 'route_request',
      args: { intent: 'SEO', query: 'nike.com' },
    })
    const body = gemini.last()!.body
    expect(
      body.tools[0].functionDeclarations[0].parametersJsonSchema.properties.intent.enum
    ).toEqual(['SEO', 'IMAGE', 'OTHER'])
    expect(body.toolConfig.functionCallingConfig.mode).toBe('ANY')
  })

  test('a text answer in auto mode is returned as text', async () => {
    gemini.enqueue({ text: 'Just an answer' })
    const result = await gateway().callFunction({ prompt: 'hi', functions: fns })
    expect(result.call).toBeUndefined()
    expect(result.text).toBe('Just an answer')
  })

  test('invalid arguments are re-asked once, then refused', async () => {
    gemini.enqueue(call({ intent: 'NOPE', query: 'x' }), call({ intent: 'NOPE', query: 'x' }))
    const error = await failure(
      gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    )
    expect(error.code).toBe('ai_invalid_output')
    expect(gemini.calls()).toHaveLength(2)
  })

  test('a MALFORMED_FUNCTION_CALL is retried once', async () => {
    gemini.enqueue({ finishReason: 'MALFORMED_FUNCTION_CALL' }, call({ intent: 'SEO', query: 'x' }))
    const result = await gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    expect(result.call?.args.intent).toBe('SEO')
    expect(gemini.calls()).toHaveLength(2)
  })

  test('a call cut at the length limit is ai_truncated', async () => {
    gemini.enqueue({ finishReason: 'MAX_TOKENS', text: 'I will route this to' })
    const error = await failure(
      gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' })
    )
    expect(error.code).toBe('ai_truncated')
  })

  test('blocked and empty answers are reported as such, not as a bad format', async () => {
    gemini.enqueue({ finishReason: 'SAFETY' }, { noCandidates: true })
    expect(
      (await failure(gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' }))).code
    ).toBe('ai_blocked')
    expect(
      (await failure(gateway().callFunction({ prompt: 'x', functions: fns, mode: 'any' }))).code
    ).toBe('ai_empty')
  })
})

describe('replaying a function-calling turn (thought signatures)', () => {
  const replay = (modelTurn: Turn): Turn[] => [
    { role: 'user', text: 'audit nike.com' },
    modelTurn,
    {
      role: 'user',
      parts: [{ functionResponse: { name: 'route_request', response: { routed: true } } }],
    },
  ]

  test('the model turn comes back with the signature Gemini 3 issued', async () => {
    gemini.enqueue(call({ intent: 'SEO', query: 'nike.com' }))
    const { modelTurn } = await gateway().callFunction({
      prompt: 'audit',
      functions: fns,
      mode: 'any',
    })
    expect('parts' in modelTurn && modelTurn.parts[0]?.thoughtSignature).toBeTruthy()
  })

  test('a replayed turn keeps its signature, and Gemini 3 accepts it', async () => {
    gemini.enqueue(call({ intent: 'SEO', query: 'nike.com' }), { text: 'Routed to SEO.' })
    const first = await gateway().callFunction({
      prompt: 'audit nike.com',
      functions: fns,
      mode: 'any',
    })
    const [, modelTurn, response] = replay(first.modelTurn)
    const second = await gateway().callFunction({
      history: [{ role: 'user', text: 'audit nike.com' }, modelTurn!],
      prompt: 'parts' in response! ? [...response.parts] : 'x',
      functions: fns,
    })
    expect(second.text).toBe('Routed to SEO.')
    const sent = gemini.last()!.body.contents[1].parts[0]
    expect(sent.thoughtSignature).toBe(
      ('parts' in first.modelTurn && first.modelTurn.parts[0]?.thoughtSignature) || ''
    )
  })

  test('a hand-built replay without the signature is refused by the service (502)', async () => {
    const unsigned: Turn = {
      role: 'model',
      parts: [{ functionCall: { name: 'route_request', args: {} } }],
    }
    const [, modelTurn, response] = replay(unsigned)
    const error = await failure(
      gateway().callFunction({
        history: [{ role: 'user', text: 'audit nike.com' }, modelTurn!],
        prompt: 'parts' in response! ? [...response.parts] : 'x',
        functions: fns,
      })
    )
    expect([error.status, error.code]).toEqual([502, 'upstream_rejected'])
    expect(gemini.calls()).toHaveLength(1)
  })
})
