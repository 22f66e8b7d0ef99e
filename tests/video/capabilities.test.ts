/**
 * `GET /api/capabilities` `video`: the models this backend runs with what each takes, read from
 * the model catalogue, so the studio's selectors can offer nothing a job would be refused for.
 */
import { afterAll, describe, expect, test } from 'bun:test'
import { ROLES, specOf } from '../../server/ai/models'
import { buildTestApp, postJson } from '../support/app'
import { startFakeGemini } from '../support/fake-gemini'
import { json, textJob, videoApp } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const videoOf = async (app: { request: (p: string) => Response | Promise<Response> }) =>
  (await (await app.request('/api/capabilities')).json()).video

describe('GET /api/capabilities: the video models of this backend', () => {
  test('Developer API: only Gemini Omni, with the options of its catalogue entry', async () => {
    const video = await videoOf(videoApp({ gemini }).app)
    const { typicalSeconds: _, ...support } = specOf(ROLES.video.defaultId).video ?? {}
    expect(video).toEqual({
      defaultModel: 'video',
      models: [{ role: 'video', id: ROLES.video.defaultId, api: 'interactions', ...support }],
    })
  })

  test('Vertex AI: Veo first (the default), then Omni and Veo Fast', async () => {
    const video = await videoOf(videoApp({ gemini, vertex: true }).app)
    expect(video.defaultModel).toBe('veo')
    expect(video.models.map((m: { role: string }) => m.role)).toEqual(['veo', 'video', 'veoFast'])
    expect(video.models[0]).toMatchObject({
      id: ROLES.veo.defaultId,
      api: 'predictLongRunning',
      durations: specOf(ROLES.veo.defaultId).video?.durations,
      modeLimits: specOf(ROLES.veo.defaultId).video?.modeLimits,
    })
  })

  test('the default model named is the one a job without a model runs on', async () => {
    for (const vertex of [false, true]) {
      const { app } = videoApp({ gemini, vertex })
      const estimate = await json(await postJson(app, '/api/video/jobs?dryRun=1', textJob))
      expect(estimate.model.role).toBe((await videoOf(app)).defaultModel)
    }
  })

  test('without AI there are no video models', async () => {
    expect(await videoOf(buildTestApp().app)).toBeNull()
  })
})
