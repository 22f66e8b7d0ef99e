/**
 * `bun run verify-deploy`: against a running app behind a stand-in of Cloud Run's IAM front
 * (fake Gemini and fake Cloud Storage behind it, API keys required) every check passes; against
 * a proxy that breaks one thing, the check for that thing fails by name and the others pass;
 * the command line exits 0, 1 or 2 and keeps secrets out of its output.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { REPO_ROOT } from '../../scripts/build-server'
import { modelsIn, substitutionsIn, valueAt } from '../../scripts/verify-deploy/capabilities'
import { type Options, parseOptions } from '../../scripts/verify-deploy/cli'
import { runChecks } from '../../scripts/verify-deploy/run'
import { type CloudRunFront, startCloudRunFront } from '../support/cloud-run-front'
import { type Deployment, startDeployment } from '../support/deployment'
import { type Breaker, startBreakingProxy, withHeader, withJson } from './support/breaking-proxy'

const API_KEY = 'smoke-key-0123456789'
const TOKEN = 'identity-token-abc'
const SCRIPT = join(REPO_ROOT, 'scripts', 'verify-deploy.ts')
let deployment: Deployment
let front: CloudRunFront

beforeAll(async () => {
  deployment = await startDeployment({ ai: true, gcs: true, apiKey: API_KEY })
  front = startCloudRunFront({ upstream: deployment.url, token: TOKEN })
}, 30_000)

afterAll(async () => {
  front?.stop()
  await deployment?.stop()
})

const options = (url: string, extra: Partial<Options> = {}): Options => ({
  ...parseOptions([url, '--expect', 'ai=developer,storage=gcs'], {}),
  apiKey: API_KEY,
  identityToken: TOKEN,
  timeoutMs: 5_000,
  ...extra,
})

async function cli(args: string[], env: Record<string, string> = {}) {
  const proc = Bun.spawn([process.execPath, SCRIPT, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  return { stdout, stderr, code }
}

describe('verify-deploy against a good deployment', () => {
  test('every check passes, with credentials and expectations, in the order of the table', async () => {
    const results = await runChecks(options(front.url))
    expect(results.filter((r) => !r.ok)).toEqual([])
    expect(results.map((r) => r.name)).toEqual([
      'health',
      'ui',
      'deep-link',
      'asset',
      'missing-asset',
      'api-404',
      'security-headers',
      'capabilities',
      'api-key',
      'api-key-required',
      'iam',
      'expect ai=developer',
      'expect storage=gcs',
    ])
    const caps = results.find((r) => r.name === 'capabilities')!
    expect(caps.detail).toMatch(/^ai=developer storage=gcs models: \S+/)
    expect(results.every((r) => r.ms >= 0 && Number.isFinite(r.ms))).toBe(true)
  })

  test('the command prints the table and exits 0; secrets from the environment stay out of it', async () => {
    const { stdout, code } = await cli([front.url, '--expect', 'ai=developer,storage=gcs'], {
      VERIFY_API_KEY: API_KEY,
      VERIFY_IDENTITY_TOKEN: TOKEN,
    })
    expect(code).toBe(0)
    expect(stdout).toMatch(/^check\s+result\s+time\s+detail$/m)
    expect(stdout).toMatch(/^iam\s+ok\s+\d+ ms\s+403 without, 200 with the token$/m)
    expect(stdout).toContain('13 passed, 0 failed')
    expect(stdout).not.toContain(API_KEY)
    expect(stdout).not.toContain(TOKEN)
  })

  test('without credentials the local app passes the base checks (no IAM, no key checks)', async () => {
    const open = await startDeployment()
    try {
      const { stdout, code } = await cli([open.url, '--expect=ai=none', '--expect=storage=local'])
      expect(code).toBe(0)
      expect(stdout).toContain('10 passed, 0 failed')
      expect(stdout).not.toMatch(/^(iam|api-key)\s/m)
    } finally {
      await open.stop()
    }
  }, 30_000)
})

const assetPath = '/assets/index-0a1b2c3d.js'
const BREAKERS: Breaker[] = [
  {
    name: '/health is down',
    fails: ['health'],
    response: (p, a) => (p === '/health' && a.ok ? withJson(a, { status: 'starting' }, 503) : a),
  },
  {
    name: 'index.html is cacheable',
    fails: ['ui'],
    response: (p, a) => (p === '/' ? withHeader(a, 'Cache-Control', 'public, max-age=3600') : a),
  },
  {
    name: 'deep links are not routed to the UI',
    fails: ['deep-link'],
    response: (p, a) => (p === '/seo/diagnosis' ? withJson(a, { error: 'nope' }, 404) : a),
  },
  {
    name: 'assets are sent uncompressed',
    fails: ['asset'],
    request: (p, h) => (p === assetPath ? h.delete('Accept-Encoding') : undefined),
  },
  {
    name: 'assets are not immutable',
    fails: ['asset'],
    response: (p, a) => (p === assetPath ? withHeader(a, 'Cache-Control', 'no-cache') : a),
  },
  {
    name: 'a missing asset gets the UI',
    fails: ['missing-asset'],
    response: async (p, a) =>
      p.includes('missing') ? new Response('<!doctype html>', { headers: HTML }) : a,
  },
  {
    name: 'unknown API paths get HTML',
    fails: ['api-404'],
    response: (p, a) =>
      p === '/api/verify-deploy-unknown' ? new Response('not found', { status: 404 }) : a,
  },
  {
    name: 'no Content-Security-Policy on the UI',
    fails: ['security-headers'],
    response: (p, a) => (p === '/' ? withHeader(a, 'Content-Security-Policy', null) : a),
  },
  {
    name: 'no nosniff on the API',
    fails: ['security-headers'],
    response: (p, a) =>
      p === '/api/capabilities' ? withHeader(a, 'X-Content-Type-Options', null) : a,
  },
  {
    name: 'capabilities without backends',
    fails: ['capabilities', 'expect ai=developer', 'expect storage=gcs'],
    response: (p, a) => (p === '/api/capabilities' ? withJson(a, { webSearch: true }) : a),
  },
  {
    name: 'a revision without its Gemini secret',
    fails: ['expect ai=developer'],
    response: async (p, a) =>
      p === '/api/capabilities' ? withJson(a, { ...(await a.json()), ai: 'none' }) : a,
  },
  {
    name: 'the key is refused',
    fails: ['api-key'],
    request: (p, h) => (p.startsWith('/api/library/') ? h.delete('X-Api-Key') : undefined),
  },
  {
    name: 'the API is open without a key',
    fails: ['api-key-required'],
    request: (p, h) => (p.startsWith('/api/library/') ? h.set('X-Api-Key', API_KEY) : undefined),
  },
  {
    name: 'the service is public',
    fails: ['iam'],
    request: (_, h) =>
      h.has('Authorization') ? undefined : h.set('Authorization', `Bearer ${TOKEN}`),
  },
]
const HTML = { 'Content-Type': 'text/html; charset=utf-8' }

describe('verify-deploy against a deployment with one thing broken', () => {
  test.each(BREAKERS.map((b) => [b.name, b] as const))('%s', async (_, breaker) => {
    const proxy = startBreakingProxy(front.url, breaker)
    try {
      const results = await runChecks(options(proxy.url))
      const failed = results.filter((r) => !r.ok)
      expect(failed.map((r) => r.name)).toEqual(breaker.fails)
      for (const r of failed) expect(r.detail.length).toBeGreaterThan(0)
    } finally {
      proxy.stop()
    }
  })

  test('the command names the failed check, exits 1, and still runs the rest', async () => {
    const proxy = startBreakingProxy(front.url, BREAKERS[0]!)
    try {
      const { stdout, code } = await cli([proxy.url, `--api-key=${API_KEY}`], {
        VERIFY_IDENTITY_TOKEN: TOKEN,
      })
      expect(code).toBe(1)
      expect(stdout).toMatch(/^health\s+FAIL\s+\d+ ms\s+\/health: expected 200, got 503/m)
      expect(stdout).toContain('10 passed, 1 failed')
    } finally {
      proxy.stop()
    }
  })

  test('nothing listening: every check fails with the reason, exit 1', async () => {
    const gone = startBreakingProxy(front.url, { name: 'gone', fails: [] })
    gone.stop()
    const { stdout, code } = await cli([gone.url, '--timeout=2000'])
    expect(code).toBe(1)
    expect(stdout).toMatch(/^health\s+FAIL\s+\d+ ms\s+request failed: /m)
    expect(stdout).toContain('0 passed, 8 failed')
  })
})

describe('verify-deploy command line', () => {
  test.each([
    [[]],
    [['http://a.test', 'http://b.test']],
    [['ftp://a.test']],
    [['http://a.test/path']],
    [['http://a.test', '--expect', 'ai']],
    [['http://a.test', '--timeout=soon']],
    [['http://a.test', '--nope']],
  ])('usage error for %j: exit 2 with the usage', async (args) => {
    const { stderr, code } = await cli(args)
    expect(code).toBe(2)
    expect(stderr).toContain('Usage: bun run verify-deploy <url>')
  })

  test('the API key checks ask for a key when the API needs one and none was given', async () => {
    const results = await runChecks(options(front.url, { apiKey: undefined, expect: [] }))
    const api404 = results.find((r) => r.name === 'api-404')!
    expect(api404.ok).toBe(false)
    expect(api404.detail).toContain('--api-key')
  })
})

describe('reading capabilities it does not know yet', () => {
  const older = {
    ai: 'vertex',
    storage: 'gcs',
    image: { models: { banana: { id: 'gemini-3.1-flash-image', ratios: ['1:1'] } } },
    video: { models: [{ role: 'veo', id: 'veo-3.1-generate-001' }] },
    upscale: { method: 'imagen', model: 'imagen-4.0-upscale-001' },
    somethingNew: { id: 'not-a-model', nested: [1, 2] },
  }
  const resolved = {
    ...older,
    models: {
      list: { state: 'read' },
      roles: {
        text: { configured: 'gemini-3.8-flash', inUse: 'gemini-3.8-flash', substituted: false },
        fast: {
          configured: 'gemini-3.5-flash-lite',
          inUse: 'gemini-3.6-flash-lite',
          substituted: true,
        },
        video: { configured: 'gemini-omni-1.1-flash', inUse: 'gemini-omni-1.1-flash' },
        future: { inUse: 'gemini-9', weight: 3 },
      },
    },
  }

  test("models in use: each role's id in use, and the substitutions the service made", () => {
    expect(modelsIn(resolved)).toEqual([
      'gemini-3.6-flash-lite',
      'gemini-3.8-flash',
      'gemini-9',
      'gemini-omni-1.1-flash',
    ])
    expect(substitutionsIn(resolved)).toEqual(['fast gemini-3.5-flash-lite->gemini-3.6-flash-lite'])
  })

  test('without resolved roles: ids under anything named models, and model fields; nothing else', () => {
    expect(modelsIn(older)).toEqual([
      'gemini-3.1-flash-image',
      'imagen-4.0-upscale-001',
      'veo-3.1-generate-001',
    ])
    expect(substitutionsIn(older)).toEqual([])
  })

  test('expectations read any dotted field', () => {
    expect(valueAt(resolved, 'ai')).toBe('vertex')
    expect(valueAt(resolved, 'models.roles.text.inUse')).toBe('gemini-3.8-flash')
    expect(valueAt(resolved, 'video.models.0.role')).toBe('veo')
    expect(valueAt(resolved, 'somethingNew.nested')).toBe('[1,2]')
    expect(valueAt(resolved, 'missing.path')).toBeUndefined()
  })
})
