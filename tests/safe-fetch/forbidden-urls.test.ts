import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { AppError } from '../../server/core/errors'
import {
  createFetchPolicy,
  FETCH_REASONS,
  type FetchPolicy,
  safeFetch,
  systemResolver,
} from '../../server/core/safe-fetch'
import { startFakeSite, testPolicy } from '../support/fake-site'

// One counting site answers for every name and path: if any refusal below failed, the request
// would land here (most forms point at its port, and /secret exists on every host).
const site = await startFakeSite()
site.addBrand('brand-a.test', { name: 'Acme Roasters', seed: 'a' })
afterAll(() => site.stop())
beforeEach(() => site.clear())

const P = site.port
const policy = () =>
  testPolicy(site, {
    names: {
      'rebind.example': ['127.0.0.1'],
      'mixed.example': ['93.184.216.34', '10.0.0.5'],
      'mapped.example': ['::ffff:127.0.0.1'],
      'metadata-alias.example': ['169.254.169.254'],
      'ula.example': ['fd12:3456::1'],
    },
  })

async function refusal(url: string, p: FetchPolicy = policy()): Promise<AppError> {
  try {
    await safeFetch(url, {
      policy: p,
      accept: ['text/html', 'text/plain'],
      maxBytes: 1e6,
      timeoutMs: 2_000,
    })
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error(`expected ${url} to be refused`)
}

// [form, url, words the reason must contain]
const FORBIDDEN: [string, string, string][] = [
  ['decimal IPv4', `http://2130706433:${P}/secret`, 'loopback'],
  ['hex IPv4', `http://0x7f000001:${P}/secret`, 'loopback'],
  ['octal IPv4', `http://0177.0.0.1:${P}/secret`, 'loopback'],
  ['short IPv4', `http://127.1:${P}/secret`, 'loopback'],
  ['mixed hex short IPv4', `http://0x7f.1:${P}/secret`, 'loopback'],
  ['full-width digits', `http://①②⑦.0.0.1:${P}/secret`, 'loopback'],
  ['dotted loopback', `http://127.0.0.1:${P}/secret`, 'loopback'],
  ['IPv6 loopback', `http://[::1]:${P}/secret`, 'loopback'],
  ['IPv4-mapped IPv6', `http://[::ffff:127.0.0.1]:${P}/secret`, 'loopback'],
  ['IPv4-mapped IPv6, hex', `http://[::ffff:7f00:1]:${P}/secret`, 'loopback'],
  ['IPv4-compatible IPv6', `http://[::127.0.0.1]:${P}/secret`, 'loopback'],
  ['NAT64 of loopback', `http://[64:ff9b::7f00:1]:${P}/secret`, 'loopback'],
  ['6to4 of loopback', `http://[2002:7f00:1::]:${P}/secret`, 'loopback'],
  ['unspecified IPv6', `http://[::]:${P}/secret`, 'unspecified'],
  ['metadata server by address', 'http://169.254.169.254/computeMetadata/v1/', 'link-local'],
  ['metadata server by name', 'http://metadata.google.internal/computeMetadata/v1/', 'internal'],
  ['metadata name with trailing dot', 'http://metadata.google.internal./', 'internal'],
  ['metadata short name', 'http://metadata/computeMetadata/v1/', 'internal'],
  ['private 10/8', 'http://10.0.0.1/', 'private'],
  ['private 172.16/12', 'http://172.16.0.1/', 'private'],
  ['private 192.168/16', 'http://192.168.0.1/', 'private'],
  ['CGNAT 100.64/10', 'http://100.64.0.1/', 'carrier-grade NAT'],
  ['0.0.0.0', `http://0.0.0.0:${P}/secret`, 'unspecified'],
  ['bare 0', `http://0:${P}/secret`, 'unspecified'],
  ['IPv6 unique local', 'http://[fd00::1]/', 'unique local'],
  ['IPv6 link-local', 'http://[fe80::1]/', 'link-local'],
  ['multicast', 'http://224.0.0.1/', 'multicast'],
  ['broadcast', 'http://255.255.255.255/', 'broadcast'],
  ['reserved 240/4', 'http://240.0.0.1/', 'reserved'],
  ['credentials', `http://user:pass@brand-a.test:${P}/secret`, 'credentials'],
  ['user name only', `http://user@brand-a.test:${P}/secret`, 'credentials'],
  ['file scheme', 'file:///etc/passwd', 'http and https'],
  ['ftp scheme', 'ftp://brand-a.test/', 'http and https'],
  ['gopher scheme', `gopher://brand-a.test:${P}/_secret`, 'http and https'],
  ['javascript scheme', 'javascript:alert(1)', 'http and https'],
  ['data scheme', 'data:text/html,<h1>hi</h1>', 'http and https'],
  ['websocket scheme', `ws://brand-a.test:${P}/secret`, 'http and https'],
  ['ssh port 22', 'http://brand-a.test:22/', 'port 22'],
  ['redis port 6379', 'http://brand-a.test:6379/', 'port 6379'],
  ['https on an odd port', 'https://brand-a.test:8443/', 'port 8443'],
  ['localhost', `http://localhost:${P}/secret`, 'internal'],
  ['subdomain of localhost', `http://app.localhost:${P}/secret`, 'internal'],
  ['name resolving to loopback', `http://rebind.example:${P}/secret`, 'resolves to a loopback'],
  [
    'name with one private address among public ones',
    `http://mixed.example:${P}/secret`,
    'private',
  ],
  ['name resolving to a mapped loopback', `http://mapped.example:${P}/secret`, 'loopback'],
  ['name resolving to the metadata server', 'http://metadata-alias.example/', 'link-local'],
  ['name resolving to IPv6 ULA', 'http://ula.example/', 'unique local'],
  ['not a URL', 'http//brand-a.test', 'not a valid URL'],
]

describe('safeFetch refuses every forbidden URL form before any request', () => {
  test(`the table has at least 25 forms (${FORBIDDEN.length})`, () => {
    expect(FORBIDDEN.length).toBeGreaterThanOrEqual(25)
  })

  test.each(FORBIDDEN)('%s: %s', async (_form, url, reason) => {
    const p = policy()
    const error = await refusal(url, p)
    expect(error.status).toBe(400)
    expect(error.code).toBe('url_not_allowed')
    expect(error.message).toContain(reason)
    // A coded reason the UI words in the user's language.
    expect(Object.keys(FETCH_REASONS.texts)).toContain(
      (error.details as { reasonCode: string }).reasonCode
    )
    // Client-facing text never names the address a name resolved to.
    expect(error.message).not.toMatch(/127\.0\.0\.1|10\.0\.0\.5|169\.254/)
    expect(site.requests).toHaveLength(0)
  })

  test('names refused by name are never even resolved', async () => {
    const p = policy()
    await refusal('http://metadata.google.internal/computeMetadata/v1/', p)
    await refusal(`http://localhost:${P}/secret`, p)
    expect(p.lookups).toEqual([])
  })

  test('IP literals are not sent to the resolver', async () => {
    const p = policy()
    await refusal(`http://2130706433:${P}/secret`, p)
    expect(p.lookups).toEqual([])
  })

  test('the same fake site is reachable through its test name, so the refusals above are real', async () => {
    const response = await safeFetch(`http://brand-a.test:${P}/secret`, {
      policy: policy(),
      accept: ['text/plain'],
      maxBytes: 1e6,
      timeoutMs: 2_000,
    })
    expect(new TextDecoder().decode(response.body)).toBe('internal secret')
    expect(site.hits('brand-a.test', '/secret')).toHaveLength(1)
  })

  test('the strict policy (no exception) refuses the fake site too', async () => {
    const error = await refusal(`http://brand-a.test:${P}/`, testPolicy(site, { strict: true }))
    expect(error.message).toContain('resolves to a loopback address')
    expect(site.requests).toHaveLength(0)
  })
})

describe('the production policy (system DNS, no exceptions)', () => {
  const production = createFetchPolicy({ fetchAllowedPorts: [P] })

  test.each([
    `http://127.0.0.1:${P}/secret`,
    `http://2130706433:${P}/secret`,
    `http://[::ffff:127.0.0.1]:${P}/secret`,
    `http://localhost:${P}/secret`,
    'http://metadata.google.internal/computeMetadata/v1/',
  ])('refuses %s', async (url) => {
    const error = await refusal(url, production)
    expect(error.code).toBe('url_not_allowed')
    expect(site.requests).toHaveLength(0)
  })

  test('allows only the configured extra ports', () => {
    expect(production.allowedPorts).toEqual([P])
    expect(production.allowAddress).toBeUndefined()
  })

  test('the system resolver returns every address of a name', async () => {
    const addresses = await systemResolver('localhost')
    expect(addresses.length).toBeGreaterThan(0)
    expect(addresses.every((a) => a === '127.0.0.1' || a === '::1')).toBe(true)
  })
})

describe('redirects are re-checked at every hop', () => {
  const start = (to: string) => `http://brand-a.test:${P}/redirect?to=${encodeURIComponent(to)}`

  test.each([
    ['loopback literal', `http://127.0.0.1:${P}/secret`],
    ['decimal loopback', `http://2130706433:${P}/secret`],
    ['IPv4-mapped loopback', `http://[::ffff:127.0.0.1]:${P}/secret`],
    ['metadata server', 'http://169.254.169.254/computeMetadata/v1/'],
    ['metadata name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['localhost', `http://localhost:${P}/secret`],
    ['name resolving to loopback', `http://rebind.example:${P}/secret`],
    ['private address', 'http://10.0.0.1/'],
    ['file scheme', 'file:///etc/passwd'],
    ['credentials', `http://admin:admin@brand-a.test:${P}/secret`],
    ['forbidden port', 'http://brand-a.test:6379/'],
  ])('a redirect to %s is refused', async (_form, target) => {
    const error = await refusal(start(target))
    expect(error.status).toBe(400)
    expect(error.code).toBe('url_not_allowed')
    expect(site.hits(undefined, '/redirect')).toHaveLength(1)
    expect(site.hits(undefined, '/secret')).toHaveLength(0)
  })

  test('more than 5 redirects are refused after exactly 6 requests', async () => {
    const error = await refusal(`http://brand-a.test:${P}/loop`)
    expect(error.message).toContain('redirected more than 5 times')
    expect(site.hits('brand-a.test', '/loop')).toHaveLength(6)
  })

  test('a relative redirect resolves against the host name, not the dialled address', async () => {
    const response = await safeFetch(start('/secret'), {
      policy: policy(),
      accept: ['text/plain'],
      maxBytes: 1e6,
      timeoutMs: 2_000,
    })
    expect(response.url).toBe(`http://brand-a.test:${P}/secret`)
    expect(response.redirects).toBe(1)
    expect(site.hits('brand-a.test', '/secret')).toHaveLength(1)
  })

  test('a host that re-resolves to an internal address on the next hop is refused', async () => {
    let calls = 0
    const p = {
      ...policy(),
      resolve: async () => (++calls === 1 ? ['127.0.0.1'] : ['10.0.0.9']),
    }
    const error = await refusal(start(`http://brand-a.test:${P}/secret`), p)
    expect(error.message).toContain('private')
    expect(calls).toBe(2)
    expect(site.hits(undefined, '/secret')).toHaveLength(0)
  })
})
