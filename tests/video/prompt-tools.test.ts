import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import {
  DIRECTOR_ACTIONS,
  DIRECTOR_FUNCTION,
} from '../../server/features/video/prompts/creative-director'
import { PROMPT_ASPECTS } from '../../server/features/video/prompts/enhance-prompt'
import { FIRST_FRAME_INSTRUCTION } from '../../server/features/video/prompts/reference-image'
import { buildTestApp, postJson } from '../support/app'
import { redirectFor, startFakeGemini } from '../support/fake-gemini'
import { json, PNG } from './support'

// The video studio's prompt tools, against the strict fake.
const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })
const post = (tool: string, body: unknown) => postJson(app, `/api/video/${tool}`, body)

const option = (n: number) => ({
  title: `Option ${n}`,
  description: 'What it does',
  tags: ['a', 'b', 'c'],
  fullPrompt: `Full prompt ${n}`,
})
const plan = (n: number) => ({
  title: `Plan ${n}`,
  description: 'Why',
  prompt: `Video ${n}`,
  firstFramePrompt: `Still ${n}`,
})
const directorCall = (args: Record<string, unknown>) => ({
  functionCall: { name: DIRECTOR_FUNCTION, args },
})
const JOB_A = `v${'a'.repeat(21)}`
const JOB_B = `v${'b'.repeat(21)}`

describe('enhance-prompt', () => {
  test('answers three options, asking for every aspect of a video prompt with a schema', async () => {
    gemini.enqueue({ json: { options: [option(1), option(2), option(3)] } })
    const res = await post('enhance-prompt', { prompt: 'a cat on a skateboard', uiLanguage: 'en' })
    expect(res.status).toBe(200)
    expect((await json(res)).options.map((o: { title: string }) => o.title)).toEqual([
      'Option 1',
      'Option 2',
      'Option 3',
    ])
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.fast.defaultId)
    expect(req.body.generationConfig.responseMimeType).toBe('application/json')
    const system = JSON.stringify(req.body.systemInstruction)
    for (const aspect of PROMPT_ASPECTS) expect(system).toContain(aspect)
    expect(req.promptText).toContain('<idea>\na cat on a skateboard\n</idea>')
  })

  test('two options instead of three are refused after one retry (502), never passed on', async () => {
    gemini.enqueue(
      { json: { options: [option(1), option(2)] } },
      { json: { options: [option(1)] } }
    )
    const res = await post('enhance-prompt', { prompt: 'x' })
    expect(res.status).toBe(502)
  })

  test('an empty prompt is 400', async () => {
    expect((await post('enhance-prompt', { prompt: ' ' })).status).toBe(400)
  })
})

describe('design-plan', () => {
  test('three plans with first-frame prompts, grounded in Google Search, with sources and suggestions', async () => {
    gemini.enqueue({
      json: { plans: [plan(1), plan(2), plan(3)] },
      sources: [{ url: 'https://example.com/how-to-shoot' }],
      queries: ['product video lighting 2026'],
    })
    const body = await json(
      await post('design-plan', { topic: 'a new running shoe', uiLanguage: 'en' })
    )
    expect(body.plans[0]).toEqual(plan(1))
    expect(body.sources).toEqual([
      { title: 'example.com', url: redirectFor('https://example.com/how-to-shoot') },
    ])
    expect(body.searchQueries).toEqual(['product video lighting 2026'])
    expect(body.searchEntryPoints[0]).toContain('product video lighting 2026')
    expect(gemini.last()?.body.tools).toEqual([{ googleSearch: {} }])
  })
})

describe('creative-director', () => {
  test('without a video to change, only a new video or an answer can be chosen', async () => {
    gemini.enqueue(
      directorCall({ action: 'NEW_VIDEO', prompt: 'A sunrise', reasoning: 'New idea' })
    )
    const body = await json(await post('creative-director', { userPrompt: 'make a sunrise' }))
    expect(body).toEqual({ action: 'NEW_VIDEO', prompt: 'A sunrise', reasoning: 'New idea' })
    const declaration = gemini.last()?.body.tools[0].functionDeclarations[0]
    expect(declaration.parametersJsonSchema.properties.action.enum).toEqual([
      'NEW_VIDEO',
      'ANSWER_QUESTION',
    ])
    expect(gemini.last()?.body.toolConfig.functionCallingConfig.mode).toBe('ANY')
  })

  test('with videos, edit and extend are offered and the target is one of them', async () => {
    gemini.enqueue(
      directorCall({
        action: 'EXTEND_VIDEO',
        prompt: 'Then night falls',
        reasoning: 'Continue',
        targetJobId: JOB_B,
      })
    )
    const body = await json(
      await post('creative-director', {
        userPrompt: 'continue it',
        selectedJobId: JOB_A,
        lastJobId: JOB_B,
      })
    )
    expect(body).toMatchObject({ action: 'EXTEND_VIDEO', targetJobId: JOB_B })
    const schema = gemini.last()?.body.tools[0].functionDeclarations[0].parametersJsonSchema
    expect(schema.properties.action.enum).toEqual([...DIRECTOR_ACTIONS])
    expect(schema.properties.targetJobId.enum).toEqual([JOB_A, JOB_B])
  })

  test('an edit without a named target applies to the selected video', async () => {
    gemini.enqueue(
      directorCall({ action: 'EDIT_VIDEO', prompt: 'Make it rain', reasoning: 'Edit' })
    )
    const body = await json(
      await post('creative-director', { userPrompt: 'add rain', selectedJobId: JOB_A })
    )
    expect(body.targetJobId).toBe(JOB_A)
  })

  test('an answer carries the text as the prompt', async () => {
    gemini.enqueue(
      directorCall({ action: 'ANSWER_QUESTION', prompt: 'Up to 10 seconds.', reasoning: '' })
    )
    const body = await json(
      await post('creative-director', { userPrompt: 'how long can videos be?' })
    )
    expect(body).toEqual({ action: 'ANSWER_QUESTION', prompt: 'Up to 10 seconds.', reasoning: '' })
  })

  test('a function call the schema does not allow is 502, never a made-up default', async () => {
    const call = directorCall({ action: 'EDIT_VIDEO', prompt: 'x', reasoning: 'y' })
    gemini.enqueue(call, call, call)
    expect((await post('creative-director', { userPrompt: 'edit it' })).status).toBe(502)
  })
})

describe('summarize-prompt', () => {
  test('answers the title from the fast model', async () => {
    gemini.enqueue({ json: { summary: 'Cat skateboards downtown' } })
    const body = await json(
      await post('summarize-prompt', { prompt: 'A cat on a skateboard in a city' })
    )
    expect(body).toEqual({ summary: 'Cat skateboards downtown' })
    expect(gemini.last()?.model).toBe(ROLES.fast.defaultId)
  })
})

describe('reference-image', () => {
  test('makes a 9:16 first frame, stores it and answers it by reference', async () => {
    gemini.enqueue({ image: { data: PNG, mimeType: 'image/png' } })
    const body = await json(
      await post('reference-image', { prompt: 'a lighthouse', aspectRatio: '9:16' })
    )
    expect(body.aspectRatio).toBe('9:16')
    expect(body.image).toMatchObject({ mimeType: 'image/png', url: `/media/${body.image.id}` })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.image.defaultId)
    expect(req.body.generationConfig.imageConfig.aspectRatio).toBe('9:16')
    expect(req.promptText).toContain(FIRST_FRAME_INSTRUCTION)
    expect((await app.request(body.image.url)).status).toBe(200)
  })

  test('another ratio is 400', async () => {
    expect((await post('reference-image', { prompt: 'x', aspectRatio: '1:1' })).status).toBe(400)
  })
})
