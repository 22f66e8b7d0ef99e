/**
 * @module bench/video-poll
 * The overhead of one status poll of a video job: `GET /api/video/jobs/:id` of a running job,
 * through `app.request`, with the fake Gemini answering at once (so nearly all of the figure is
 * ours: routing, auth, the record read, the SDK's request and its parsing, the JSON answer).
 * Beside it, in the same interleaved runs, its two parts alone as baselines: the SDK's own
 * `interactions.get` against the fake, and a bare `store.readWithMeta` of the job record. Also a
 * poll that writes (a Veo job whose reported progress changes each time, on Vertex AI with ADC).
 * Both stores: local disk, and Cloud Storage through the real library and the fake JSON API.
 *
 * Run: bun bench/video-poll.ts [--runs=N]   (default 300 runs of each after a warm-up)
 */
import { GoogleGenAI } from '@google/genai'
import { startFakeGcs } from '../tests/support/fake-gcs'
import { startFakeGemini } from '../tests/support/fake-gemini'
import { started, textJob, videoApp } from '../tests/video/support'
import { printTimes } from './harness'

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 300)

const gemini = await startFakeGemini()
const gcs = await startFakeGcs()
gemini.video.connectStorage(gcs)
// Jobs that never finish: every poll is a "still running" answer.
const forever = () => gemini.video.script({ outcome: 'never' })

const sdk = new GoogleGenAI({
  apiKey: 'bench-key',
  httpOptions: { baseUrl: gemini.url, apiVersion: 'v1beta' },
})

type App = ReturnType<typeof videoApp>['app']

interface Setup {
  name: string
  /** The Developer API app (Omni) and the Vertex AI app (Veo), on one store. */
  app: App
  vertexApp: App
  store: ReturnType<typeof videoApp>['deps']['store']
  omni: { id: string; interaction: string }
  veo: string
}

async function setUp(name: string, withGcs: boolean): Promise<Setup> {
  forever()
  const dev = videoApp({ gemini, ...(withGcs ? { gcs } : {}) })
  const omniJob = await started(dev.app, textJob)
  const interaction = gemini.video.jobs.at(-1)?.id ?? ''
  // Veo reports a new percent on every poll, so each poll writes the record.
  gemini.video.script({
    outcome: 'never',
    progress: Array.from({ length: 10_000 }, (_, i) => i % 99),
  })
  const vertex = videoApp({
    gemini,
    vertex: true,
    dataDir: dev.dataDir,
    ...(withGcs ? { gcs } : {}),
  })
  const veoJob = await started(vertex.app, textJob)
  return {
    name,
    app: dev.app,
    vertexApp: vertex.app,
    store: dev.deps.store,
    omni: { id: omniJob.id, interaction },
    veo: veoJob.id,
  }
}

const timed = async (run: () => Promise<unknown>) => {
  const t = performance.now()
  await run()
  return performance.now() - t
}

async function get(app: App, id: string) {
  const res = await app.request(`/api/video/jobs/${id}`)
  if (res.status !== 200) throw new Error(`poll answered ${res.status}: ${await res.text()}`)
  await res.arrayBuffer()
}

type Scenario = { label: string; run: (s: Setup) => Promise<number> }
const scenarios: Scenario[] = [
  {
    label: 'baseline: SDK interactions.get alone',
    run: (s) => timed(() => sdk.interactions.get(s.omni.interaction)),
  },
  {
    label: 'baseline: store.readWithMeta of the record',
    run: (s) => timed(() => s.store.readWithMeta(`jobs/video/default/${s.omni.id}.json`)),
  },
  { label: 'poll: GET /jobs/:id (Omni, no write)', run: (s) => timed(() => get(s.app, s.omni.id)) },
  {
    label: 'poll: GET /jobs/:id (Veo, progress written)',
    run: (s) => timed(() => get(s.vertexApp, s.veo)),
  },
]

const setups = [await setUp('local disk', false), await setUp('Cloud Storage (fake)', true)]
const times = new Map<string, number[]>()
for (let i = -20; i < runs; i++) {
  for (const setup of setups) {
    for (const scenario of scenarios) {
      const ms = await scenario.run(setup)
      if (i >= 0) {
        const key = `${setup.name}|${scenario.label}`
        times.set(key, [...(times.get(key) ?? []), ms])
      }
    }
  }
}

printTimes({
  title: `video job status poll, ${runs} interleaved runs (ms)`,
  setups,
  scenarios,
  times,
  q: 0.99,
  labelWidth: 46,
})
gemini.stop()
gcs.stop()
