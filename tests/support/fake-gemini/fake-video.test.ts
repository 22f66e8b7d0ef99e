import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { GenerateVideosOperation, GoogleGenAI } from '@google/genai'
import { startFakeGcs } from '../fake-gcs'
import { writeVertexCredentials } from '../vertex-credentials'
import { startFakeGemini } from '.'

// The fake's video services, driven by the real SDK with its own defaults (no gateway between).
const gemini = await startFakeGemini()
const gcs = await startFakeGcs()
gemini.video.connectStorage(gcs)
afterAll(() => {
  gemini.stop()
  gcs.stop()
})
beforeEach(() => {
  gemini.reset()
  gcs.reset()
})

const OMNI = 'gemini-omni-1.1-flash'
const VEO = 'veo-3.1-generate-001'
const dev = () =>
  new GoogleGenAI({ apiKey: 'k', httpOptions: { baseUrl: gemini.url, apiVersion: 'v1beta' } })
const vertex = (location: string) =>
  new GoogleGenAI({
    vertexai: true,
    project: 'p',
    location,
    googleAuthOptions: writeVertexCredentials(gemini).googleAuthOptions,
    httpOptions: { baseUrl: gemini.url },
  })
const png = { imageBytes: Buffer.from('png').toString('base64'), mimeType: 'image/png' }

/** The HTTP status the SDK's error carries, wherever it keeps it. */
async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call
  } catch (error) {
    const e = error as { status?: number; message: string }
    if (typeof e.status === 'number') return e.status
    return (JSON.parse(e.message) as { error: { code: number } }).error.code
  }
  throw new Error('expected a refusal')
}

const omniVideo = (extra: Record<string, unknown> = {}) => ({
  model: OMNI,
  input: 'a marble run',
  response_format: { type: 'video' as const, aspect_ratio: '16:9', duration: '8s', ...extra },
  background: true,
})

describe('Interactions API', () => {
  test('a background interaction runs for the scripted polls, then carries the video in its steps', async () => {
    gemini.video.script({ polls: 2 })
    const created = await dev().interactions.create(omniVideo(), { maxRetries: 0 })
    expect(gemini.last()?.path).toBe('/v1beta/interactions')
    const get = () => dev().interactions.get(created.id)
    expect((await get()).status).toBe('in_progress')
    expect((await get()).status).toBe('in_progress')
    const done = await get()
    expect(done.status).toBe('completed')
    const video = done.steps?.[0] as { content: { type: string; data?: string }[] }
    expect(video.content[0]?.type).toBe('video')
    expect(Buffer.from(video.content[0]?.data ?? '', 'base64')).toEqual(
      Buffer.from(gemini.video.jobs[0]!.video)
    )
  })

  test('a Developer API link downloads only with the key in the header', async () => {
    const created = await dev().interactions.create(omniVideo({ delivery: 'uri' }))
    await dev().interactions.get(created.id)
    const done = await dev().interactions.get(created.id)
    const uri = (done.steps as { content: { uri: string }[] }[])[0]!.content[0]!.uri
    expect((await fetch(uri)).status).toBe(403)
    const ok = await fetch(uri, { headers: { 'x-goog-api-key': 'k' } })
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(Buffer.from(gemini.video.jobs[0]!.video))
  })

  test('a duration outside the model’s range is 400', async () => {
    expect(
      await statusOf(dev().interactions.create(omniVideo({ duration: '12s' }), { maxRetries: 0 }))
    ).toBe(400)
  })

  test('on Vertex AI a link needs a gcs_uri', async () => {
    const call = vertex('global').interactions.create(omniVideo({ delivery: 'uri' }), {
      maxRetries: 0,
    })
    expect(await statusOf(call)).toBe(400)
  })

  test('on Vertex AI Omni is served from global only', async () => {
    expect(
      await statusOf(vertex('us-central1').interactions.create(omniVideo(), { maxRetries: 0 }))
    ).toBe(404)
  })

  test('extending an unknown interaction is 404', async () => {
    const body = {
      ...omniVideo(),
      previous_interaction_id: 'int-nope',
      generation_config: { video_config: { task: 'extend' } },
    }
    expect(await statusOf(dev().interactions.create(body, { maxRetries: 0 }))).toBe(404)
  })

  test('cancel stops a running interaction', async () => {
    gemini.video.script({ outcome: 'never' })
    const created = await dev().interactions.create(omniVideo())
    expect((await dev().interactions.cancel(created.id)).status).toBe('cancelled')
    expect(gemini.video.jobs[0]?.cancelled).toBe(true)
  })
})

describe('Veo operations on Vertex AI', () => {
  const generate = (config: Record<string, unknown>, source: Record<string, unknown> = {}) =>
    vertex('us-central1').models.generateVideos({
      model: VEO,
      source: { prompt: 'a lighthouse', ...source },
      config: { numberOfVideos: 1, ...config },
    })

  test('an operation rebuilt from its name is polled with fetchPredictOperation until done', async () => {
    gemini.video.script({ polls: 1, progress: [40] })
    const started = await generate({ durationSeconds: 8 })
    const op = new GenerateVideosOperation()
    op.name = started.name
    const ai = vertex('us-central1')
    const first = await ai.operations.getVideosOperation({ operation: op })
    expect([first.done, first.metadata?.progressPercent]).toEqual([false, 40])
    expect(gemini.last()?.action).toBe('fetchPredictOperation')
    const done = await ai.operations.getVideosOperation({ operation: op })
    expect(done.response?.generatedVideos?.[0]?.video?.videoBytes).toBeString()
  })

  test('with storageUri the video is written to the bucket and named by gcsUri', async () => {
    gemini.video.script({ polls: 0 })
    const started = await generate({ outputGcsUri: 'gs://media/out/' })
    const op = Object.assign(new GenerateVideosOperation(), { name: started.name })
    const done = await vertex('us-central1').operations.getVideosOperation({ operation: op })
    const uri = done.response?.generatedVideos?.[0]?.video?.uri ?? ''
    expect(uri).toStartWith('gs://media/out/')
    const stored = gcs.objects.get(uri.slice('gs://'.length))?.bytes
    expect(Buffer.from(stored ?? [])).toEqual(Buffer.from(gemini.video.jobs[0]!.video))
  })

  test('Veo on the global location is 404', async () => {
    const call = vertex('global').models.generateVideos({ model: VEO, source: { prompt: 'x' } })
    expect(await statusOf(call)).toBe(404)
  })

  test('a duration Veo does not make is 400', async () => {
    expect(await statusOf(generate({ durationSeconds: 5 }))).toBe(400)
  })

  test('a last frame without a first frame is 400', async () => {
    expect(await statusOf(generate({ lastFrame: png }))).toBe(400)
  })

  test('reference images with a first frame, in 9:16 or for 4 s are 400', async () => {
    const refs = { referenceImages: [{ image: png, referenceType: 'ASSET' }] }
    expect(await statusOf(generate(refs, { image: png }))).toBe(400)
    expect(await statusOf(generate({ ...refs, aspectRatio: '9:16' }))).toBe(400)
    expect(await statusOf(generate({ ...refs, durationSeconds: 4 }))).toBe(400)
  })

  test('an extension above 720p is 400', async () => {
    const video = { video: { videoBytes: 'AAAA', mimeType: 'video/mp4' } }
    expect(await statusOf(generate({ resolution: '1080p' }, video))).toBe(400)
  })

  test('Veo on the Developer API is refused by the service as well as by the SDK', async () => {
    const response = await fetch(`${gemini.url}/v1beta/models/${VEO}:predictLongRunning`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'k' },
      body: JSON.stringify({ instances: [{ prompt: 'x' }] }),
    })
    expect(response.status).toBe(404)
  })
})
