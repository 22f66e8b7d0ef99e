import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { ROLES } from '../../server/ai/models'
import { FUNCTION_NAME, MAX_HISTORY } from '../../server/features/image/creative-director'
import { startFakeGemini } from '../support/fake-gemini'
import { appFor, base64, MODES, photo, post, stored } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())

const call = (args: Record<string, unknown>) => ({ functionCall: { name: FUNCTION_NAME, args } })
const declaration = () => gemini.last()!.body.tools[0].functionDeclarations[0]

describe.each(MODES)('POST /api/image/creative-director (%s)', (mode) => {
  const app = appFor(gemini, mode)

  test('EDIT_IMAGE: the model’s call targets the selected image, which it was shown', async () => {
    const selected = await stored(app, photo(20, 20))
    gemini.enqueue(
      call({
        action: 'EDIT_IMAGE',
        prompt: 'the ball, in warm light',
        reasoning: 'Warming it.',
        targetImageId: selected,
      })
    )
    const res = await post(app, 'creative-director', {
      prompt: 'make it warmer',
      selectedImageId: selected,
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      action: 'EDIT_IMAGE',
      prompt: 'the ball, in warm light',
      reasoning: 'Warming it.',
      targetImageId: selected,
    })
    const req = gemini.last()!
    expect(req.model).toBe(ROLES.text.defaultId)
    expect(req.body.toolConfig.functionCallingConfig.mode).toBe('ANY')
    const parts = req.body.contents.at(-1).parts
    expect(parts[0].inlineData).toEqual({ mimeType: 'image/png', data: base64(photo(20, 20)) })
    expect(declaration().parametersJsonSchema.properties.targetImageId.enum).toEqual([selected])
  })

  test('NEW_CREATION from a real call', async () => {
    gemini.enqueue(
      call({
        action: 'NEW_CREATION',
        prompt: 'a lighthouse at dusk, oil painting',
        reasoning: 'A new scene.',
      })
    )
    const body = await (
      await post(app, 'creative-director', { prompt: 'paint a lighthouse' })
    ).json()
    expect(body).toEqual({
      action: 'NEW_CREATION',
      prompt: 'a lighthouse at dusk, oil painting',
      reasoning: 'A new scene.',
    })
  })

  test('ANSWER_QUESTION carries the answer in prompt', async () => {
    gemini.enqueue(
      call({ action: 'ANSWER_QUESTION', prompt: '16:9 suits a banner.', reasoning: 'A question.' })
    )
    const body = await (
      await post(app, 'creative-director', { prompt: 'which ratio for a banner?' })
    ).json()
    expect(body).toMatchObject({ action: 'ANSWER_QUESTION', prompt: '16:9 suits a banner.' })
    expect(body.targetImageId).toBeUndefined()
  })
})

describe('creative-director bounds what the model may choose', () => {
  const app = appFor(gemini, 'developer')

  test('without any image, EDIT_IMAGE is not offered and there is no targetImageId', async () => {
    gemini.enqueue(call({ action: 'NEW_CREATION', prompt: 'p', reasoning: 'r' }))
    await post(app, 'creative-director', { prompt: 'a cat' })
    const schema = declaration().parametersJsonSchema
    expect(schema.properties.action.enum).toEqual(['NEW_CREATION', 'ANSWER_QUESTION'])
    expect(schema.properties.targetImageId).toBeUndefined()
  })

  test('an edit without a target edits the selected image', async () => {
    const selected = await stored(app, photo(12, 12))
    gemini.enqueue(call({ action: 'EDIT_IMAGE', prompt: 'p', reasoning: 'r' }))
    const body = await (
      await post(app, 'creative-director', { prompt: 'brighter', selectedImageId: selected })
    ).json()
    expect(body.targetImageId).toBe(selected)
  })

  test('an image id the request never named is re-asked, then refused (502)', async () => {
    const selected = await stored(app, photo(12, 12))
    const stranger = `${'c'.repeat(64)}.png`
    gemini.enqueue(
      call({ action: 'EDIT_IMAGE', prompt: 'p', reasoning: 'r', targetImageId: stranger }),
      call({ action: 'EDIT_IMAGE', prompt: 'p', reasoning: 'r', targetImageId: stranger })
    )
    const res = await post(app, 'creative-director', { prompt: 'x', selectedImageId: selected })
    expect(res.status).toBe(502)
    expect((await res.json()).error.code).toBe('ai_invalid_output')
    expect(gemini.calls('generateContent')).toHaveLength(2)
  })

  test('the history is bounded, its images named by id', async () => {
    const id = await stored(app, photo(9, 9))
    const history = Array.from({ length: 20 }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      text: `message ${i}`,
      imageIds: i === 19 ? [id] : [],
    }))
    gemini.enqueue(call({ action: 'EDIT_IMAGE', prompt: 'p', reasoning: 'r', targetImageId: id }))
    const body = await (await post(app, 'creative-director', { prompt: 'again', history })).json()
    expect(body.targetImageId).toBe(id)
    const text = gemini.last()!.promptText
    expect(text).not.toContain('message 11')
    expect(text).toContain(`message ${20 - MAX_HISTORY}`)
    expect(text).toContain(`[image ${id}]`)
  })

  test('an answer without the function call is re-asked, then 502', async () => {
    gemini.enqueue({ text: 'Sure!' }, { text: 'Sure!' })
    const res = await post(app, 'creative-director', { prompt: 'x' })
    expect(res.status).toBe(502)
  })

  test('a missing prompt is 400', async () => {
    const res = await post(app, 'creative-director', {})
    expect(res.status).toBe(400)
  })
})
