/**
 * @module scripts/test-container
 * The real image, tested as CI runs it (`.ci/container`; not part of `bun test`: it needs root,
 * buildah and debootstrap). Builds the Dockerfile with buildah on local stand-ins of the base
 * images (scripts/make-base-images.sh, as no registry can be reached here), then:
 *   - the image: at most 140 MB above the OS base, a non-root user, /app holding only the
 *     binary and the client build;
 *   - start-up in the container: the app against a compiled bare `Bun.serve` copied into the same
 *     container, spawn -> first 200 on /health, interleaved;
 *   - run with no credentials: `verify-deploy` (ai=none, storage=local), idle RSS, uid, SIGTERM
 *     -> exit within 8 s;
 *   - run with the fake Gemini and fake Cloud Storage behind it, API keys required and a stand-in
 *     of Cloud Run's IAM front before it: spawn -> first AI answer, `verify-deploy --api-key
 *     --identity-token --expect ai=developer,storage=gcs`, SIGTERM -> exit within 8 s.
 * Each check (every verify-deploy row among them) is counted; the last line is
 * "container: N passed, N failed". Cleans up its container and image.
 *
 * Usage: bun run scripts/test-container.ts [--keep] (keep the image)  [--runs=N] (7 start-ups each)
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fmt, median, quantile, rssMb } from '../bench/harness'
import { startCloudRunFront } from '../tests/support/cloud-run-front'
import { SMOKE_BUCKET } from '../tests/support/deployment'
import { startFakeGcs } from '../tests/support/fake-gcs'
import { startFakeGemini } from '../tests/support/fake-gemini'
import { REPO_ROOT } from './build-server'
import { appFiles, buildImage, copyInto, inspect, makeBaseImages, sh } from './container/buildah'
import { type ContainerProcess, startInContainer } from './container/container-process'
import { createTally } from './container/tally'
import { parseOptions } from './verify-deploy/cli'
import { formatTable, runChecks } from './verify-deploy/run'

const IMAGE = `localhost/ais-studio:container-test-${process.pid}`
const RUNTIME_BASE = 'gcr.io/distroless/base-nossl-debian12:nonroot'
const APP = '/app/dist/server'
const BARE = '/tmp/bare-server'
const MB = 1024 * 1024
const BUDGET_ADDED_MB = 140
const BUDGET_RSS_MB = 80
const SHUTDOWN_MS = 8_000
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 7)
const tally = createTally()
const tables: string[] = []

async function main() {
  if (process.getuid?.() !== 0) throw new Error('run as root (buildah with vfs/chroot)')
  const stageStarted = performance.now()
  await makeBaseImages()
  let t = performance.now()
  try {
    await buildImage(IMAGE)
  } catch (error) {
    console.error(error)
    tally.check(false, 'the Dockerfile builds')
    return
  }
  tally.figure('image build (buildah, vfs)', `${fmt((performance.now() - t) / 1000)} s`)
  await checkImage()

  const ctr = await sh(['buildah', 'from', IMAGE])
  try {
    const files = await appFiles(ctr)
    tally.figure('files under /app', String(files.length))
    tally.check(
      files.every((f) => f === APP || f.startsWith('/app/client/dist/')),
      '/app holds only dist/server and client/dist'
    )
    tally.check(!files.some((f) => f.includes('node_modules')), 'no node_modules in the image')
    await coldStarts(ctr)
    await plainRun(ctr)
    await backedRun(ctr)
  } finally {
    await sh(['buildah', 'rm', ctr]).catch(() => {})
    if (!process.argv.includes('--keep')) await sh(['buildah', 'rmi', IMAGE]).catch(() => {})
  }
  t = performance.now() - stageStarted
  tally.figure('container test in all (base images, build, runs)', `${fmt(t / 1000)} s`)
}

async function checkImage() {
  const base = await inspect(RUNTIME_BASE)
  const image = await inspect(IMAGE)
  tally.check(
    base.layers.every((l, i) => image.layers[i] === l),
    `the image sits on ${RUNTIME_BASE}`
  )
  const added = image.layerBytes.slice(base.layers.length).reduce((a, b) => a + b, 0)
  const baseBytes = base.layerBytes.reduce((a, b) => a + b, 0)
  tally.figure('runtime base (stand-in)', `${fmt(baseBytes / MB)} MB`)
  tally.figure('added above the base', `${fmt(added / MB)} MB`)
  tally.check(added / MB <= BUDGET_ADDED_MB, `adds at most ${BUDGET_ADDED_MB} MB above the OS base`)
  tally.check(!/^(0|root)?(:|$)/.test(image.user), `runs as non-root (USER ${image.user})`)
}

/** The app and a compiled bare Bun.serve in the same container, started in turn. */
async function coldStarts(ctr: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ais-bare-'))
  const built = await Bun.build({
    entrypoints: [join(REPO_ROOT, 'bench', 'bare-server.ts')],
    compile: { outfile: join(dir, 'bare-server'), autoloadBunfig: false },
    bytecode: true,
    minify: true,
    format: 'esm',
    target: 'bun',
  })
  if (!built.success) throw new Error(built.logs.join('\n'))
  await copyInto(ctr, join(dir, 'bare-server'), BARE)
  const samples: Record<string, number[]> = { [APP]: [], [BARE]: [] }
  for (let run = 0; run < runs; run++) {
    for (const program of run % 2 ? [BARE, APP] : [APP, BARE]) {
      const p = await startInContainer({ ctr, program, env: { NODE_ENV: 'production' } })
      samples[program]!.push(p.readyMs)
      await p.stop('SIGKILL', 5_000)
    }
  }
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${fmt(median(xs), 0)} ms | ${fmt(quantile(xs, 0.9), 0)} ms | ${fmt(median(xs) / median(samples[BARE]!), 2)}x |`
  tables.push(
    [
      `In the container: buildah run -> first 200 on /health, ${runs} runs each, interleaved`,
      '',
      '| program | median | p90 | ratio |',
      '|---|---:|---:|---:|',
      row('app (/app/dist/server)', samples[APP]!),
      row('bare Bun.serve, compiled (bytecode)', samples[BARE]!),
    ].join('\n')
  )
  tally.figure('in-container cold start, app (median)', `${fmt(median(samples[APP]!), 0)} ms`)
}

/** No credentials at all: what a fresh deployment without secrets serves. */
async function plainRun(ctr: string) {
  const app = await startInContainer({ ctr, program: APP })
  try {
    await verify('no credentials', app.url, ['--expect', 'ai=none,storage=local'])
    await Bun.sleep(1500)
    const pid = app.pid()
    if (!tally.check(pid !== undefined, 'found the server process')) return
    const rss = rssMb(pid!)
    const uid = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^Uid:\s+(\d+)/m)?.[1]
    tally.figure('RSS at idle', `${fmt(rss)} MB`)
    tally.check(rss < BUDGET_RSS_MB, `idle RSS under ${BUDGET_RSS_MB} MB`)
    tally.check(uid === '65532', `the process runs as uid 65532 (got ${uid})`)
    await stopsOnSigterm(app, 'no credentials')
  } finally {
    app.kill()
  }
}

/** The fake Gemini and Cloud Storage behind it, keys required, Cloud Run's IAM front before it. */
async function backedRun(ctr: string) {
  const gemini = await startFakeGemini()
  gemini.setHandler(() => ({
    functionCall: { name: 'route_user_request', args: { intent: 'SEO', query: 'audit my site' } },
  }))
  const gcs = await startFakeGcs()
  const apiKey = `ci-key-${crypto.randomUUID()}`
  const token = `ci-identity-${crypto.randomUUID()}`
  let app: ContainerProcess | undefined
  try {
    app = await startInContainer({
      ctr,
      program: APP,
      env: {
        GEMINI_API_KEY: 'ci-gemini-key',
        GEMINI_BASE_URL: gemini.url,
        GCP_STORAGE_BUCKET_NAME: SMOKE_BUCKET,
        GCS_ENDPOINT: gcs.url,
        API_KEYS: apiKey,
      },
      // Spawn -> first AI answer: the first request the instance gets is a model call.
      ready: {
        path: '/api/seo/analyze-intent',
        init: {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
          body: JSON.stringify({ prompt: 'audit northwind.com' }),
        },
      },
    })
    tally.figure('buildah run -> first AI answer (fake Gemini)', `${fmt(app.readyMs, 0)} ms`)
    const front = startCloudRunFront({ upstream: app.url, token })
    try {
      await verify('fake Gemini and Cloud Storage, behind IAM', front.url, [
        '--expect',
        'ai=developer,storage=gcs',
        `--api-key=${apiKey}`,
        `--identity-token=${token}`,
      ])
    } finally {
      front.stop()
    }
    tally.check(gemini.requests.length > 0, 'the container called the fake Gemini')
    tally.check(gcs.requests.length > 0, 'the container used the fake Cloud Storage')
    await stopsOnSigterm(app, 'with backends')
  } finally {
    app?.kill()
    gemini.stop()
    gcs.stop()
  }
}

async function verify(label: string, url: string, args: string[]) {
  const results = await runChecks(parseOptions([url, ...args], {}))
  tables.push(`verify-deploy, ${label}:\n\n${formatTable(url, results)}`)
  for (const r of results) tally.check(r.ok, `verify-deploy (${label}): ${r.name} ${r.detail}`)
}

async function stopsOnSigterm(app: ContainerProcess, label: string) {
  const { exited, ms } = await app.stop('SIGTERM', SHUTDOWN_MS)
  tally.figure(`SIGTERM -> exit (${label})`, exited ? `${fmt(ms, 0)} ms` : 'did not exit')
  tally.check(exited, `exits within ${SHUTDOWN_MS / 1000} s of SIGTERM (${label})`)
}

try {
  await main()
} catch (error) {
  console.error(error)
  tally.check(false, `the container test ran to its end (${String(error).split('\n')[0]})`)
}
console.log(`\n${tables.join('\n\n')}\n\n${tally.report()}`)
process.exit(tally.failures.length ? 1 : 0)
