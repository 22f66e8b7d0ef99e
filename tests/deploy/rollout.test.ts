/**
 * cloudbuild.yaml's rollout, run step by step on this machine with a stand-in `gcloud` that
 * records its arguments and keeps the service's revisions and traffic, and the real
 * verify-deploy smoke-testing the new revision (the real app behind a stand-in of Cloud Run's IAM
 * front, or one that fails). A failed smoke test never moves traffic, a passed one moves it to
 * the tag, canary shares go in order and a failing share goes back; the tag is always removed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { REPO_ROOT } from '../../scripts/build-server'
import { deployFlags } from '../../scripts/deploy/flags'
import { readService } from '../../scripts/deploy/spec'
import { type CloudRunFront, startCloudRunFront } from '../support/cloud-run-front'
import { type Deployment, SMOKE_BUCKET, startDeployment } from '../support/deployment'
import { createFakeGcloud, type FakeGcloud, identityTokenFor } from '../support/fake-gcloud'
import { startBreakingProxy, withJson } from './support/breaking-proxy'
import { BUILT_IN, runCloudBuild } from './support/cloud-build'

const API_KEY = 'rollout-key-0123456789'
const SERVICE_URL = 'https://ais-studio-x7f3kq-ew.a.run.app'
const TAG = `c-${BUILT_IN.SHORT_SHA}`
const OLD = 'ais-studio-00001-old'
const SUBSTITUTIONS = {
  _API_KEYS_SECRET: 'ais-api-keys',
  _BUCKET: SMOKE_BUCKET,
  _EXPECT: 'ai=developer',
}
let deployment: Deployment
let front: CloudRunFront
const stops: (() => void)[] = []

beforeAll(async () => {
  deployment = await startDeployment({ ai: true, gcs: true, apiKey: API_KEY })
  front = startCloudRunFront({ upstream: deployment.url, token: identityTokenFor(SERVICE_URL) })
}, 30_000)

afterAll(async () => {
  for (const stop of stops) stop()
  front?.stop()
  await deployment?.stop()
})

/** A service with one revision serving all traffic, and where the next revision will answer. */
function existingService(
  nextRevisionUrl: string,
  change: Partial<Parameters<typeof createFakeGcloud>[0]> = {}
) {
  return createFakeGcloud({
    serviceUrl: SERVICE_URL,
    nextRevisionUrl,
    exists: true,
    revisions: [{ name: OLD, url: 'http://127.0.0.1:9', args: [] }],
    traffic: [{ revisionName: OLD, percent: 100 }],
    secrets: { 'ais-api-keys': `smoke:${API_KEY}` },
    ...change,
  })
}

const build = (gcloud: FakeGcloud, substitutions: Record<string, string> = {}) =>
  runCloudBuild({
    substitutions: { ...SUBSTITUTIONS, ...substitutions },
    env: gcloud.env,
    bin: gcloud.bin,
  })

/** The `update-traffic` calls, as their traffic flag. */
const trafficCalls = (calls: string[][]) =>
  calls
    .filter((c) => c[2] === 'update-traffic')
    .map((c) => c.find((a) => a.startsWith('--to-tags=') || a.startsWith('--remove-tags='))!)

const tokenCalls = (calls: string[][]) => calls.filter((c) => c[1] === 'print-identity-token')

/** A revision that answers like the app but whose /health fails (it never became healthy). */
function brokenRevision(when: () => Promise<boolean> | boolean = () => true) {
  const proxy = startBreakingProxy(front.url, {
    name: 'unhealthy',
    fails: ['health'],
    response: async (path, answer) =>
      path === '/health' && answer.ok && (await when())
        ? withJson(answer, { status: 'down' }, 503)
        : answer,
  })
  stops.push(proxy.stop)
  return proxy.url
}

describe('a rollout whose smoke test passes', () => {
  test("deploys without traffic with service.yaml's settings, verifies the tag, moves all traffic, removes the tag", async () => {
    const gcloud = await existingService(front.url)
    const run = await build(gcloud)
    expect(run.steps.map((s) => `${s.id}:${s.code}`)).toEqual([
      'pull-cache:0',
      'build-stage:0',
      'build:0',
      'push:0',
      'tools:0',
      'deploy:0',
      'verify:0',
      'traffic:0',
    ])
    const { calls, traffic, history } = await gcloud.state()

    const deploy = calls.find((c) => c[0] === 'run' && c[1] === 'deploy')!
    const image = `europe-west1-docker.pkg.dev/${BUILT_IN.PROJECT_ID}/ais-studio/ais-studio:${BUILT_IN.SHORT_SHA}`
    const spec = readService(await Bun.file(join(REPO_ROOT, 'service.yaml')).text(), {
      SERVICE: 'ais-studio',
      IMAGE: image,
      GEMINI_SECRET: 'gemini-api-key',
      API_KEYS_SECRET: 'ais-api-keys',
      SECRETS_KEY_SECRET: '',
      BUCKET: SMOKE_BUCKET,
      RUNTIME_SERVICE_ACCOUNT: '',
    })
    expect(deploy).toEqual([
      'run',
      'deploy',
      'ais-studio',
      '--region=europe-west1',
      '--platform=managed',
      ...deployFlags(spec),
      '--no-allow-unauthenticated',
      `--tag=${TAG}`,
      '--no-traffic',
    ])
    // The new revision had no traffic until it was verified.
    expect(history[0]).toEqual([
      { revisionName: OLD, percent: 100 },
      { revisionName: 'ais-studio-00002-new', percent: 0, tag: TAG },
    ])
    expect(tokenCalls(calls)).toEqual([
      ['auth', 'print-identity-token', `--audiences=${SERVICE_URL}`],
    ])
    const verified = calls.findIndex((c) => c[1] === 'print-identity-token')
    const moved = calls.findIndex((c) => c[2] === 'update-traffic')
    expect(moved).toBeGreaterThan(verified)
    expect(trafficCalls(calls)).toEqual([`--to-tags=${TAG}=100`, `--remove-tags=${TAG}`])
    expect(traffic).toEqual([{ revisionName: 'ais-studio-00002-new', percent: 100 }])
    expect(run.steps.find((s) => s.id === 'verify')!.output).toMatch(/\d+ passed, 0 failed/)
    // The smoke test went through the IAM front with the token and the app's key.
    expect(front.requests.some((r) => r.authorized)).toBe(true)
  }, 60_000)

  test('canary shares are taken in order, each verified again, then 100 %', async () => {
    const gcloud = await existingService(front.url)
    const run = await build(gcloud, { _CANARY_PERCENT: '10,50', _CANARY_WAIT: '0' })
    expect(run.ok).toBe(true)
    const { calls, traffic, history } = await gcloud.state()
    expect(trafficCalls(calls)).toEqual([
      `--to-tags=${TAG}=10`,
      `--to-tags=${TAG}=50`,
      `--to-tags=${TAG}=100`,
      `--remove-tags=${TAG}`,
    ])
    expect(history.slice(1, 3).map((t) => t.map((x) => x.percent))).toEqual([
      [90, 10],
      [50, 50],
    ])
    // The first smoke test, then one after each share.
    expect(tokenCalls(calls)).toHaveLength(3)
    expect(traffic).toEqual([{ revisionName: 'ais-studio-00002-new', percent: 100 }])
  }, 60_000)

  test('the first deploy of a service takes the traffic (nothing to protect) and is verified', async () => {
    const gcloud = await createFakeGcloud({
      serviceUrl: SERVICE_URL,
      nextRevisionUrl: front.url,
      secrets: { 'ais-api-keys': API_KEY },
    })
    const run = await build(gcloud)
    expect(run.ok).toBe(true)
    const { calls, traffic } = await gcloud.state()
    const deploy = calls.find((c) => c[1] === 'deploy')!
    expect(deploy).not.toContain('--no-traffic')
    expect(deploy).toContain(`--tag=${TAG}`)
    expect(run.steps.find((s) => s.id === 'deploy')!.output).toContain('does not exist yet')
    expect(tokenCalls(calls)).toHaveLength(1)
    expect(traffic).toEqual([{ revisionName: 'ais-studio-00001-new', percent: 100 }])
  }, 60_000)
})

describe('a rollout that fails', () => {
  test('a failed smoke test never moves traffic: the build fails at verify and the tag is removed', async () => {
    const gcloud = await existingService(brokenRevision())
    const run = await build(gcloud)
    expect(run.ok).toBe(false)
    expect(run.failedAt).toBe('verify')
    expect(run.steps.map((s) => s.id)).not.toContain('traffic')
    const verify = run.steps.find((s) => s.id === 'verify')!.output
    expect(verify).toMatch(/^health\s+FAIL/m)
    expect(verify).toContain('the traffic stays where it was')
    const { calls, traffic, history } = await gcloud.state()
    expect(trafficCalls(calls)).toEqual([`--remove-tags=${TAG}`])
    expect(history.every((t) => t.every((x) => x.revisionName === OLD || x.percent === 0))).toBe(
      true
    )
    expect(traffic).toEqual([{ revisionName: OLD, percent: 100 }])
  }, 60_000)

  test('a canary share that fails its smoke test goes back, and 100 % is never given', async () => {
    let gcloud: FakeGcloud | undefined
    // The revision breaks once it carries half the traffic.
    const url = brokenRevision(async () => {
      const state = await gcloud!.state()
      return (state.traffic.find((t) => t.tag === TAG)?.percent ?? 0) >= 50
    })
    gcloud = await existingService(url)
    const run = await build(gcloud, { _CANARY_PERCENT: '10,50', _CANARY_WAIT: '0' })
    expect(run.failedAt).toBe('traffic')
    expect(run.steps.at(-1)!.output).toContain('the canary failed')
    const { calls, traffic } = await gcloud.state()
    expect(trafficCalls(calls)).toEqual([
      `--to-tags=${TAG}=10`,
      `--to-tags=${TAG}=50`,
      `--to-tags=${TAG}=0`,
      `--remove-tags=${TAG}`,
    ])
    expect(traffic).toEqual([{ revisionName: OLD, percent: 100 }])
  }, 60_000)

  test('a revision that never gets ready fails the deploy step; nothing is verified or moved', async () => {
    const gcloud = await existingService(front.url, { deployFails: true })
    const run = await build(gcloud)
    expect(run.failedAt).toBe('deploy')
    const { calls, traffic } = await gcloud.state()
    expect(tokenCalls(calls)).toEqual([])
    expect(trafficCalls(calls)).toEqual([`--remove-tags=${TAG}`])
    expect(traffic).toEqual([{ revisionName: OLD, percent: 100 }])
  }, 60_000)

  test.each([['50,10'], ['10,100'], ['ten']])(
    '_CANARY_PERCENT=%s is refused before any share moves',
    async (shares) => {
      const gcloud = await existingService(front.url)
      const run = await build(gcloud, { _CANARY_PERCENT: shares, _CANARY_WAIT: '0' })
      expect(run.failedAt).toBe('traffic')
      expect(run.steps.at(-1)!.output).toContain('_CANARY_PERCENT must be rising percentages')
      const { calls, traffic } = await gcloud.state()
      expect(trafficCalls(calls)).toEqual([`--remove-tags=${TAG}`])
      expect(traffic).toEqual([{ revisionName: OLD, percent: 100 }])
    },
    60_000
  )

  test('a manual build without SHORT_SHA stops before deploying', async () => {
    const gcloud = await existingService(front.url)
    const run = await runCloudBuild({
      substitutions: { ...SUBSTITUTIONS, SHORT_SHA: '' },
      env: gcloud.env,
      bin: gcloud.bin,
    })
    expect(run.failedAt).toBe('deploy')
    expect(run.steps.at(-1)!.output).toContain('SHORT_SHA is empty')
    expect((await gcloud.state()).calls).toEqual([])
  }, 60_000)
})
