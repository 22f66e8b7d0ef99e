/**
 * @module bench/video-memory
 * How much memory storing one finished video takes, by how the video arrives: a Developer API
 * link (downloaded into one buffer of the announced length), inline base64 in the poll answer
 * (Gemini Omni on Vertex AI without a bucket: the SDK parses the whole JSON), and an object Veo
 * wrote to our bucket (read back from Cloud Storage). Each case finishes a job whose video is
 * `--mb` megabytes with one `GET /api/video/jobs/:id` in a fresh app process, sampling its RSS
 * every 2 ms; the fakes run in a process of their own so their copies are not counted. The
 * figure is the peak above the RSS before the request, as a multiple of the video's size.
 *
 * Run: bun bench/video-memory.ts [--mb=N]   (default 48)
 */
import { fmt } from './harness'

const mb = Number(process.argv.find((a) => a.startsWith('--mb='))?.split('=')[1] ?? 48)
const CASES = ['link', 'inline', 'bucket'] as const
type Case = (typeof CASES)[number]
const role = process.env.VIDEO_MEMORY_ROLE

if (role === 'fakes') await serveFakes()
else if (role === 'app')
  await measure(process.env.VIDEO_MEMORY_CASE as Case, JSON.parse(process.env.FAKES ?? '{}'))
else await orchestrate()

interface FakeUrls {
  gemini: string
  tokenUrl: string
  gcs: string
  control: string
}

async function orchestrate() {
  console.log(`storing one ${mb} MB video (app process RSS, peak above the start of the request)`)
  for (const which of CASES) {
    const fakes = Bun.spawn([process.execPath, import.meta.path, `--mb=${mb}`], {
      env: { ...process.env, VIDEO_MEMORY_ROLE: 'fakes' },
      stdout: 'pipe',
      stderr: 'inherit',
    })
    const reader = fakes.stdout.getReader()
    const { value } = await reader.read()
    const urls = new TextDecoder().decode(value).trim()
    const app = Bun.spawn([process.execPath, import.meta.path, `--mb=${mb}`], {
      env: { ...process.env, VIDEO_MEMORY_ROLE: 'app', VIDEO_MEMORY_CASE: which, FAKES: urls },
      stdout: 'pipe',
      stderr: 'inherit',
    })
    console.log((await new Response(app.stdout).text()).trim())
    await app.exited
    fakes.kill()
    await fakes.exited
  }
}

/** The fakes, with a control port: trust a subject token, and the next job's video. */
async function serveFakes() {
  const { startFakeGcs } = await import('../tests/support/fake-gcs')
  const { fakeMp4, startFakeGemini } = await import('../tests/support/fake-gemini')
  const gemini = await startFakeGemini()
  const gcs = await startFakeGcs()
  gemini.video.connectStorage(gcs)
  gemini.video.script({ polls: 0, video: fakeMp4(mb * 1024 * 1024) })
  const control = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(req) {
      gemini.trustSubjectToken(await req.text())
      return new Response('ok')
    },
  })
  const urls: FakeUrls = {
    gemini: gemini.url,
    tokenUrl: gemini.tokenUrl,
    gcs: gcs.url,
    control: `http://127.0.0.1:${control.port}`,
  }
  console.log(JSON.stringify(urls))
  await new Promise(() => {})
}

async function measure(which: Case, urls: FakeUrls) {
  const { started, textJob, videoApp } = await import('../tests/video/support')
  const trusted: Promise<unknown>[] = []
  const gemini = {
    url: urls.gemini,
    tokenUrl: urls.tokenUrl,
    trustSubjectToken: (token: string) => {
      trusted.push(fetch(urls.control, { method: 'POST', body: token }))
    },
  }
  const { app } = videoApp({
    // Only what the harness reads of the fake: its URLs and the token it trusts.
    gemini: gemini as unknown as Parameters<typeof videoApp>[0]['gemini'],
    vertex: which !== 'link',
    ...(which === 'bucket'
      ? { gcs: { url: urls.gcs } as Parameters<typeof videoApp>[0]['gcs'] }
      : {}),
  })
  await Promise.all(trusted)
  const job = await started(app, { ...textJob, model: which === 'bucket' ? 'veo' : 'video' })
  Bun.gc(true)
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 2)
  const t = performance.now()
  const res = await app.request(`/api/video/jobs/${job.id}`)
  const body = (await res.json()) as { status: string }
  const ms = performance.now() - t
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  const extra = (peak - before) / 1024 / 1024
  console.log(
    `${which.padEnd(7)} ${body.status.padEnd(10)} peak +${fmt(extra, 0)} MB (${fmt(extra / mb, 2)}x the video) in ${fmt(ms, 0)} ms`
  )
  process.exit(0)
}
