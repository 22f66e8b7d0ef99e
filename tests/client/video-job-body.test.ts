/**
 * The job request the composer sends, built from the models the server lists: for every mode
 * each model offers, on both backends, the server's dry run accepts it as it is (so no choice
 * the composer offers is refused); inputs go only with the mode that takes them, an edit sends
 * no length, and sound and negative prompts only where the model takes them.
 */
import { afterAll, describe, expect, test } from 'bun:test'
import { type ComposedJob, jobBodyOf } from '../../client/src/features/video/job-body'
import {
  defaultSelection,
  type ModelInfo,
  optionsFor,
  settle,
} from '../../client/src/features/video/options'
import { postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { image, json, PNG_2, settled, started, textJob, videoApp } from '../video/support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())

const composed = (model: ModelInfo, mode: ComposedJob['mode'], source?: any): ComposedJob => {
  const options = optionsFor(model, mode, source)
  return {
    mode,
    prompt: '  A lighthouse at dusk  ',
    role: model.role,
    options,
    selection: settle(defaultSelection(model), model, options),
    negativePrompt: 'text overlays',
    firstFrame: image(),
    lastFrame: image(PNG_2),
    referenceImages: [image()],
    sourceJobId: source?.id,
  }
}

describe('the composer’s request for every mode', () => {
  for (const vertex of [false, true]) {
    test(`is accepted by the dry run of each model that offers it (${vertex ? 'Vertex AI' : 'Developer API'})`, async () => {
      const { app } = videoApp({ gemini, vertex })
      const { video } = await json(await app.request('/api/capabilities'))
      for (const model of video.models as ModelInfo[]) {
        const source = await settled(
          app,
          (await started(app, { ...textJob, model: model.role, resolution: '720p' })).id
        )
        for (const mode of model.modes) {
          const continues = mode === 'extend' || mode === 'edit'
          const body = jobBodyOf(composed(model, mode, continues ? source : undefined))
          const res = await postJson(app, '/api/video/jobs?dryRun=1', body)
          expect([model.role, mode, res.status, await res.text()]).toEqual([
            model.role,
            mode,
            200,
            expect.any(String),
          ])
        }
      }
    }, 30_000)
  }
})

describe('what goes into the request', () => {
  const omni = async () => {
    const { app } = videoApp({ gemini })
    const { video } = await json(await app.request('/api/capabilities'))
    return video.models[0] as ModelInfo
  }

  test('the prompt is trimmed and only the mode’s own inputs are sent', async () => {
    const model = await omni()
    const text = jobBodyOf(composed(model, 'text'))
    expect(text.prompt).toBe('A lighthouse at dusk')
    expect(Object.keys(text)).not.toContainAnyValues([
      'firstFrame',
      'lastFrame',
      'referenceImages',
      'sourceJobId',
    ])
    expect(jobBodyOf(composed(model, 'image'))).toMatchObject({ firstFrame: image() })
    expect(jobBodyOf(composed(model, 'image')).lastFrame).toBeUndefined()
    expect(jobBodyOf(composed(model, 'reference')).referenceImages).toEqual([
      { image: image(), type: 'asset' },
    ])
  })

  test('an edit sends no length: it keeps its source’s', async () => {
    const model = await omni()
    const source = { id: 'vsource', params: { aspectRatio: '16:9', durationSeconds: 6 } }
    const body = jobBodyOf(composed(model, 'edit', source))
    expect(body.durationSeconds).toBeUndefined()
    expect(body.sourceJobId).toBe('vsource')
  })

  test('a model that always makes sound gets no sound field; Omni takes a negative prompt', async () => {
    const body = jobBodyOf(composed(await omni(), 'text'))
    expect(body.audio).toBeUndefined()
    // Folded into Omni's prompt as "Do not …" on the server.
    expect(body.negativePrompt).toBeDefined()
  })
})
