/**
 * @module bench/image-endpoints
 * Time of each image-studio endpoint through `app.request`, on both backends, with the fake
 * Gemini answering at once (replies precomputed, Imagen `:predict` answers included, so the
 * figures are the server's own work: validation, media reads and writes, turn records, pixel
 * work, the SDK's request and response handling). Baselines in the same run: `GET
 * /api/capabilities` (the API's per-request floor) and one bare `ai.image` call through the
 * gateway (the SDK round trip every image endpoint pays). Scenarios are interleaved run by run.
 *
 * Run: bun bench/image-endpoints.ts [--runs=N]   (default 20 runs after a warm-up)
 */

import { FUNCTION_NAME } from '../server/features/image/creative-director'
import { chooseKeyColor } from '../server/media/chroma-key'
import { encodePng } from '../server/media/encode'
import { decodeImage } from '../server/media/pixels'
import { saveMedia } from '../server/storage/media'
import { appFor, MODES, type Mode, photo, post, type TestApp } from '../tests/image/support'
import { type RecordedRequest, type Reply, startFakeGemini } from '../tests/support/fake-gemini'
import { discPng, discRgba } from '../tests/support/synthetic-images'
import { fmt, median, quantile } from './harness'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 20)

const SOURCE = {
  width: 256,
  height: 192,
  subject: [220, 30, 40] as [number, number, number],
  background: [255, 255, 255] as [number, number, number],
}
const sourcePng = discPng(SOURCE)
const key = chooseKeyColor(discRgba(SOURCE))
const onKey = discPng({ ...SOURCE, background: [...key.key] as [number, number, number] })
const rendered = photo(256, 256)
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

// Imagen answers, computed once so the fake answers at once.
const decoded = await decodeImage(sourcePng, 'image/png')
const upscaled = b64(
  await encodePng({ width: 512, height: 384, data: new Uint8Array(512 * 384 * 4).fill(200) })
)
const mask = b64(
  await encodePng({ ...decoded, data: decoded.data.map((v, i) => (i % 4 === 3 ? 255 : 255 - v)) })
)

const option = (t: string) => ({
  title: t,
  description: `${t} idea`,
  tags: ['a', 'b', 'c'],
  fullPrompt: `${t} prompt`,
})
const plan = (t: string) => ({
  title: t,
  description: 'd',
  prompt: `${t} prompt`,
  referenceImagePrompt: `${t} ref`,
})

function answer(req: RecordedRequest): Reply {
  if (req.action === 'predict') {
    return req.model?.includes('upscale')
      ? { raw: { predictions: [{ mimeType: 'image/png', bytesBase64Encoded: upscaled }] } }
      : {
          raw: {
            predictions: [
              {
                mimeType: 'image/png',
                bytesBase64Encoded: mask,
                labels: [{ label: 'foreground', score: 1 }],
              },
            ],
          },
        }
  }
  const config = req.body?.generationConfig ?? {}
  if (config.responseModalities?.includes('IMAGE')) {
    return { image: { data: req.promptText.includes(key.hex) ? onKey : rendered } }
  }
  if (req.body?.tools?.[0]?.functionDeclarations) {
    return {
      functionCall: {
        name: FUNCTION_NAME,
        args: { action: 'NEW_CREATION', prompt: 'a lighthouse', reasoning: 'new' },
      },
    }
  }
  const props = config.responseJsonSchema?.properties ?? {}
  if (props.options) return { json: { options: [option('a'), option('b'), option('c')] } }
  if (props.plans)
    return {
      json: { plans: [plan('a'), plan('b'), plan('c')] },
      sources: [{ url: 'https://trends.example/a' }],
      queries: ['q'],
    }
  return { json: { title: 'A short title' } }
}

const gemini = await startFakeGemini()
gemini.setHandler(answer)

interface Setup {
  mode: Mode
  app: TestApp
  sourceId: string
  lastId: string
}

async function setUp(mode: Mode): Promise<Setup> {
  const app = appFor(gemini, mode, { LOG_LEVEL: 'error' })
  const sourceId = (await saveMedia(app.deps.store, sourcePng, 'image/png')).id
  const first = await (await post(app, 'generate', { prompt: 'a red ball' })).json()
  return { mode, app, sourceId, lastId: first.image.id }
}

let counter = 0
const expectOk = async (res: Response | Promise<Response>) => {
  const r = await res
  if (r.status !== 200) throw new Error(`answered ${r.status}: ${await r.text()}`)
  return r.json()
}

type Scenario = { label: string; run: (s: Setup) => Promise<unknown> }
const scenarios: Scenario[] = [
  {
    label: 'baseline: GET /api/capabilities',
    run: (s) => expectOk(s.app.app.request('/api/capabilities')),
  },
  {
    label: 'baseline: ai.image through the gateway',
    run: (s) => s.app.deps.ai.image({ prompt: 'a red ball' }),
  },
  {
    label: 'generate (text to image)',
    run: (s) => expectOk(post(s.app, 'generate', { prompt: 'a red ball', aspectRatio: '4:3' })),
  },
  {
    label: 'generate (edit, turn replayed)',
    run: async (s) => {
      const body = await expectOk(
        post(s.app, 'generate', { prompt: 'make it warmer', sourceImageId: s.lastId })
      )
      if (!body.continued) throw new Error('the edit did not continue the conversation')
    },
  },
  {
    label: 'creative-director',
    run: (s) =>
      expectOk(
        post(s.app, 'creative-director', { prompt: 'a lighthouse', selectedImageId: s.sourceId })
      ),
  },
  {
    label: 'enhance-prompt',
    run: (s) => expectOk(post(s.app, 'enhance-prompt', { prompt: 'fog in the hills' })),
  },
  {
    label: 'design-plan',
    run: (s) => expectOk(post(s.app, 'design-plan', { topic: 'coffee festival' })),
  },
  {
    label: 'reference-image',
    run: (s) => expectOk(post(s.app, 'reference-image', { prompt: 'a mood board' })),
  },
  {
    label: 'upscale x2',
    run: (s) => expectOk(post(s.app, 'upscale', { image: { mediaId: s.sourceId }, factor: 2 })),
  },
  {
    label: 'summarize-prompt',
    run: (s) => expectOk(post(s.app, 'summarize-prompt', { prompt: 'a misty valley at dawn' })),
  },
  {
    label: 'remove-background',
    run: (s) => expectOk(post(s.app, 'remove-background', { image: { mediaId: s.sourceId } })),
  },
  {
    label: 'inspiration (made)',
    run: (s) => expectOk(post(s.app, 'inspiration', { prompt: `card ${counter++}` })),
  },
  {
    label: 'inspiration (cached)',
    run: (s) => expectOk(post(s.app, 'inspiration', { prompt: 'the same card' })),
  },
]

const setups: Setup[] = []
for (const mode of MODES) setups.push(await setUp(mode))

const times = new Map<string, number[]>()
for (let i = -1; i < runs; i++) {
  for (const setup of setups) {
    for (const scenario of scenarios) {
      const started = performance.now()
      await scenario.run(setup)
      const ms = performance.now() - started
      // Run -1 is the warm-up (lazy imports, first connections, the ADC token).
      if (i >= 0)
        times.set(`${setup.mode}|${scenario.label}`, [
          ...(times.get(`${setup.mode}|${scenario.label}`) ?? []),
          ms,
        ])
    }
  }
}

console.log(`\nimage endpoints, ${runs} interleaved runs, fake Gemini answering at once (ms)`)
console.log(
  `${'endpoint'.padEnd(40)} ${'developer'.padStart(10)} ${'p90'.padStart(7)} ${'vertex'.padStart(10)} ${'p90'.padStart(7)}`
)
for (const scenario of scenarios) {
  const cells = MODES.flatMap((mode) => {
    const values = times.get(`${mode}|${scenario.label}`) ?? []
    return [fmt(median(values), 2).padStart(10), fmt(quantile(values, 0.9), 2).padStart(7)]
  })
  console.log(`${scenario.label.padEnd(40)} ${cells.join(' ')}`)
}
gemini.stop()
