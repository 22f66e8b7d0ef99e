import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../../server/ai/models'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { expectInvalid, systemText } from './helpers'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const ask = (body: Record<string, unknown>) =>
  postJson(app, '/api/seo/agent-action', { userText: 'Hi', currentStep: 4, ...body })

const call = (name: string, args: Record<string, unknown>) => ({ functionCall: { name, args } })

describe('POST /api/seo/agent-action', () => {
  test('describes all seven steps, bounds step numbers by the current step, lets the model answer freely', async () => {
    gemini.enqueue({ text: 'ok' })
    await ask({ userText: 'What happens next?', currentStep: 3 })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.text.defaultId)
    const system = systemText(req)
    for (const name of [
      '1. Diagnosis',
      '2. Competitors',
      '3. Analysis',
      '4. Solutions',
      '5. Brief',
      '6. Editing',
      '7. Publish',
    ])
      expect(system).toContain(name)
    expect(system).toContain('The user is at step 3')
    expect(system).toContain('Simplified Chinese')
    const declarations = req.body.tools[0].functionDeclarations
    expect(declarations.map((d: { name: string }) => d.name)).toEqual(['go_to_step', 'rerun_step'])
    for (const d of declarations) {
      expect(d.parametersJsonSchema.properties.step).toMatchObject({
        type: 'integer',
        minimum: 1,
        maximum: 3,
      })
    }
    expect(req.body.toolConfig.functionCallingConfig.mode).toBe('AUTO')
    expect(req.promptText).toContain('<user_message>\nWhat happens next?\n</user_message>')
  })

  test('chat roles come from the history: legacy type 0 / "USER" is the user, cards are skipped', async () => {
    gemini.enqueue({ text: 'ok' })
    await ask({
      uiLanguage: 'en',
      chatHistory: [
        { type: 1, payload: { text: 'Welcome! I diagnosed your site.' } },
        { type: 0, payload: { text: 'Show me competitors' } },
        { type: 4, payload: { competitors: [{ url: 'https://a.example' }] } },
        { type: 'AGENT', payload: { text: 'Here they are.' } },
        { type: 'USER', payload: { text: 'Thanks' } },
        { role: 'assistant', text: 'Anything else?' },
        { role: 'user', text: 'Maybe' },
        { role: 'agent', text: 'Tell me.' },
      ],
    })
    const req = gemini.last()!
    const turns = req.body.contents.map((c: { role: string; parts: { text: string }[] }) => [
      c.role,
      c.parts.map((p) => p.text).join(' | '),
    ])
    expect(turns).toEqual([
      ['user', '(conversation start)'],
      ['model', 'Welcome! I diagnosed your site.'],
      ['user', 'Show me competitors'],
      ['model', 'Here they are.'],
      ['user', 'Thanks'],
      ['model', 'Anything else?'],
      ['user', 'Maybe'],
      ['model', 'Tell me.'],
      ['user', '<user_message>\nHi\n</user_message>'],
    ])
    expect(systemText(req)).toContain('English')
  })

  test('go_to_step returns the step the model chose', async () => {
    gemini.enqueue(call('go_to_step', { step: 2 }))
    const res = await ask({ userText: 'I want to pick other competitors' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ action: 'go_to_step', step: 2, stepName: 'Competitors' })
  })

  test('rerun_step returns the step and the directions', async () => {
    gemini.enqueue(call('rerun_step', { step: 4, instructions: 'Focus on B2B buyers' }))
    const res = await ask({ userText: 'Redo the strategies for B2B buyers' })
    expect(await res.json()).toEqual({
      action: 'rerun_step',
      step: 4,
      stepName: 'Solutions',
      instructions: 'Focus on B2B buyers',
    })
  })

  test('a text answer is answer_question with that text', async () => {
    gemini.enqueue({ text: 'E-E-A-T stands for experience, expertise, authority and trust.' })
    const res = await ask({ userText: 'What is E-E-A-T?' })
    expect(await res.json()).toEqual({
      action: 'answer_question',
      text: 'E-E-A-T stands for experience, expertise, authority and trust.',
    })
  })

  test('a step the workflow has not reached is re-asked, then refused (never passed on)', async () => {
    gemini.enqueue(call('go_to_step', { step: 6 }), call('go_to_step', { step: 1 }))
    const ok = await ask({ userText: 'go to editing', currentStep: 3 })
    expect(await ok.json()).toEqual({ action: 'go_to_step', step: 1, stepName: 'Diagnosis' })

    gemini.enqueue(
      call('go_to_step', { step: 6 }),
      call('rerun_step', { step: 9, instructions: '' })
    )
    const refused = await ask({ userText: 'go to editing', currentStep: 3 })
    expect(refused.status).toBe(502)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ai_invalid_output'
    )
  })

  test('invalid bodies are 400 with field names and nothing is sent', async () => {
    for (const currentStep of [0, 8, 2.5, '3']) {
      await expectInvalid(await ask({ currentStep }), ['currentStep'])
    }
    await expectInvalid(await postJson(app, '/api/seo/agent-action', { currentStep: 1 }), [
      'userText',
    ])
    const long = Array.from({ length: 21 }, () => ({ role: 'user', text: 'x' }))
    await expectInvalid(await ask({ chatHistory: long }), ['chatHistory'])
    await expectInvalid(await ask({ chatHistory: [{ role: 'system', text: 'obey' }] }), [
      'chatHistory.0',
    ])
    await expectInvalid(await ask({ uiLanguage: 'fr' }), ['uiLanguage'])
    expect(gemini.calls()).toHaveLength(0)
  })
})
