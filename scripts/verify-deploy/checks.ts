/**
 * @module scripts/verify-deploy/checks
 * The post-deploy checklist as a table: each check has a name, says what it proves, and either
 * returns a one-line detail or throws `Failed` with what it saw. Answers several checks share
 * (the home page, the capabilities) are fetched once per run.
 */

import { backendsOf, type Json, modelsIn, substitutionsIn, valueAt } from './capabilities'
import type { Expectation } from './cli'
import { type Answer, errorCodeOf, jsonOf, type Probe, type Target } from './probe'

export class Failed extends Error {
  override name = 'Failed'
}

export interface CheckContext {
  target: Target
  probe: Probe
  deepLink: string
  /** `GET /` as a browser asks for it (memoised). */
  home(): Promise<Answer>
  /** `GET /api/capabilities` parsed (memoised); throws `Failed` when it is not JSON. */
  capabilities(): Promise<Json>
}

export interface Check {
  name: string
  /** What passing proves, for the table. */
  what: string
  run(ctx: CheckContext): Promise<string>
}

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8'
/** Hashed Vite assets: `/assets/<name>-<hash>.<ext>`. */
const ASSET = /\/assets\/[\w.-]+-[\w-]{6,}\.(?:js|css)\b/

const fail = (message: string): never => {
  throw new Failed(message)
}
const header = (a: Answer, name: string) => a.headers.get(name) ?? ''
const statusLine = (a: Answer) => `${a.status} ${header(a, 'Content-Type').split(';')[0] || '-'}`

function expectStatus(a: Answer, status: number, what: string) {
  if (a.status !== status) fail(`${what}: expected ${status}, got ${statusLine(a)}`)
}

/** The UI shell: HTML that loads hashed assets, revalidated on every visit. */
function expectShell(a: Answer, what: string) {
  expectStatus(a, 200, what)
  if (!header(a, 'Content-Type').includes('text/html')) fail(`${what}: ${statusLine(a)}, not HTML`)
  if (!ASSET.test(a.text)) fail(`${what}: HTML without a hashed /assets/ script or style`)
  const cache = header(a, 'Cache-Control')
  if (!/no-cache|no-store/.test(cache)) fail(`${what}: Cache-Control "${cache}", not no-cache`)
}

export const BASE_CHECKS: readonly Check[] = [
  {
    name: 'health',
    what: 'GET /health answers {"status":"ok"}',
    async run({ probe }) {
      const a = await probe('/health')
      expectStatus(a, 200, '/health')
      const body = jsonOf(a) as { status?: unknown } | undefined
      if (body?.status !== 'ok') fail(`/health answered ${a.text.slice(0, 80)}`)
      return `${statusLine(a)} {"status":"ok"}`
    },
  },
  {
    name: 'ui',
    what: 'GET / is the UI, no-cache',
    async run({ home }) {
      const a = await home()
      expectShell(a, '/')
      return `${statusLine(a)}, ${header(a, 'Cache-Control')}`
    },
  },
  {
    name: 'deep-link',
    what: 'a deep link is the same UI, no-cache',
    async run({ probe, home, deepLink }) {
      const a = await probe(deepLink, { accept: HTML })
      expectShell(a, deepLink)
      if (a.text !== (await home()).text) fail(`${deepLink}: not the same HTML as /`)
      return `${deepLink} ${statusLine(a)}, ${header(a, 'Cache-Control')}`
    },
  },
  {
    name: 'asset',
    what: 'a hashed asset is immutable and compressed',
    async run({ probe, home }) {
      const path = (await home()).text.match(ASSET)?.[0] ?? fail('no hashed asset named in /')
      const a = await probe(path, { encoding: 'br, gzip' })
      expectStatus(a, 200, path)
      const cache = header(a, 'Cache-Control')
      const maxAge = Number(cache.match(/max-age=(\d+)/)?.[1] ?? 0)
      if (!cache.includes('immutable') || maxAge < 31_536_000) {
        fail(`${path}: Cache-Control "${cache}", not immutable for a year`)
      }
      const encoding = header(a, 'Content-Encoding')
      if (!/^(br|gzip|zstd)$/.test(encoding)) fail(`${path}: sent uncompressed`)
      return `${path} ${encoding}, ${cache}`
    },
  },
  {
    name: 'missing-asset',
    what: 'a missing hashed asset is a 404, never the UI',
    async run({ probe }) {
      const path = '/assets/verify-deploy-missing-0a1b2c3d.js'
      const a = await probe(path)
      expectStatus(a, 404, path)
      if (header(a, 'Content-Type').includes('text/html')) fail(`${path}: a 404 in HTML`)
      return statusLine(a)
    },
  },
  {
    name: 'api-404',
    what: 'an unknown /api/ path is a JSON 404',
    async run({ probe, target }) {
      const a = await probe('/api/verify-deploy-unknown')
      if (a.status === 401 && !target.apiKey) {
        fail('401: the API asks for a key here; pass --api-key')
      }
      expectStatus(a, 404, '/api/verify-deploy-unknown')
      const code = errorCodeOf(a) ?? fail(`not the JSON error envelope: ${statusLine(a)}`)
      return `${statusLine(a)} ${code}`
    },
  },
  {
    name: 'security-headers',
    what: 'CSP, nosniff, frame, referrer and HSTS headers',
    async run({ probe, home }) {
      const answers: [string, Answer][] = [
        ['/', await home()],
        ['/api/capabilities', await probe('/api/capabilities')],
      ]
      const missing = answers.flatMap(([path, a]) =>
        missingSecurityHeaders(a).map((h) => `${h} on ${path}`)
      )
      if (missing.length > 0) fail(`missing or weak: ${missing.join(', ')}`)
      return 'all present on / and /api/capabilities'
    },
  },
  {
    name: 'capabilities',
    what: 'GET /api/capabilities: AI, storage, models',
    async run({ capabilities }) {
      const caps = await capabilities()
      const backends = backendsOf(caps) ?? fail('no "ai" and "storage" fields')
      const models = modelsIn(caps)
      const swapped = substitutionsIn(caps)
      const modelText = models.length > 0 ? models.join(' ') : 'none'
      const swappedText = swapped.length > 0 ? `; substituted: ${swapped.join(', ')}` : ''
      return `ai=${backends.ai} storage=${backends.storage} models: ${modelText}${swappedText}`
    },
  },
]

/** The headers every answer must carry, checked for their safe values. */
function missingSecurityHeaders(a: Answer): string[] {
  const rules: [string, RegExp][] = [
    ['Content-Security-Policy', /default-src/],
    ['X-Content-Type-Options', /^nosniff$/i],
    ['X-Frame-Options', /^(deny|sameorigin)$/i],
    ['Referrer-Policy', /\S/],
    ['Strict-Transport-Security', /max-age=[1-9]/],
  ]
  return rules.filter(([name, ok]) => !ok.test(header(a, name))).map(([name]) => name)
}

/** With `--api-key`: an authenticated call (saved work, so storage answers too), and a 401 without. */
export const API_KEY_CHECKS: readonly Check[] = [
  {
    name: 'api-key',
    what: 'an API call with the key is served',
    async run({ probe }) {
      const path = '/api/library/brand-profiles?limit=1'
      const a = await probe(path)
      expectStatus(a, 200, path)
      if (jsonOf(a) === undefined) fail(`${path}: ${statusLine(a)}, not JSON`)
      return `${path} ${statusLine(a)}`
    },
  },
  {
    name: 'api-key-required',
    what: 'the same call without the key is a 401',
    async run({ probe }) {
      const path = '/api/library/brand-profiles?limit=1'
      const a = await probe(path, { apiKey: false })
      expectStatus(a, 401, `${path} without a key`)
      const code = errorCodeOf(a) ?? fail(`401 without the JSON error envelope`)
      return `${statusLine(a)} ${code}`
    },
  },
]

/** With `--identity-token`: the service is not public, and the token gets through Cloud Run IAM. */
export const IAM_CHECKS: readonly Check[] = [
  {
    name: 'iam',
    what: 'refused without the identity token, let through with it',
    async run({ probe }) {
      const without = await probe('/health', { identity: false, apiKey: false })
      if (without.status !== 401 && without.status !== 403) {
        fail(`/health without a token: expected 401 or 403, got ${without.status} (is it public?)`)
      }
      // With the token any answer from the container will do: /health itself is checked above.
      const withToken = await probe('/health', { apiKey: false })
      if (withToken.status === 401 || withToken.status === 403) {
        fail(`/health with the token: ${withToken.status}; does the caller have roles/run.invoker?`)
      }
      return `${without.status} without, ${withToken.status} with the token`
    },
  },
]

/** `--expect key=value`: a capabilities field (a dotted path) must have this value. */
export const expectationCheck = ({ key, value }: Expectation): Check => ({
  name: `expect ${key}=${value}`,
  what: `capabilities ${key} is ${value}`,
  async run({ capabilities }) {
    const actual = valueAt(await capabilities(), key)
    if (actual !== value) fail(`${key} is ${actual ?? 'absent'}, expected ${value}`)
    return `${key}=${actual}`
  },
})
