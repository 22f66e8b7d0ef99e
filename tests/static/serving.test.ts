import { afterAll, describe, expect, test } from 'bun:test'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { buildTestApp } from '../support/app'

// A dist laid out like the Vite build, with a secret file next to it that must stay unreachable.
const base = mkdtempSync(join(tmpdir(), 'ais-serve-'))
const dist = join(base, 'client', 'dist')
mkdirSync(join(dist, 'assets'), { recursive: true })
const INDEX =
  '<!doctype html><html><head><title>AIS Studio</title></head><body><div id="app"></div></body></html>'
const APP_JS = 'console.log("app");'.repeat(50)
writeFileSync(join(dist, 'index.html'), INDEX)
writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(INDEX))
writeFileSync(join(dist, 'assets', 'index-B4x9kQ2a.js'), APP_JS)
writeFileSync(join(dist, 'assets', 'index-B4x9kQ2a.js.br'), brotliCompressSync(APP_JS))
writeFileSync(join(dist, 'assets', 'index-B4x9kQ2a.js.gz'), gzipSync(APP_JS))
writeFileSync(join(dist, 'assets', 'index-C1a2b3c4.css'), 'body{margin:0}')
writeFileSync(join(dist, 'robots.txt'), 'User-agent: *\n')
writeFileSync(join(dist, '.env'), 'GEMINI_API_KEY=leak')
writeFileSync(join(base, 'client', 'secret.txt'), 'TOP SECRET')
writeFileSync(join(base, 'secret.txt'), 'TOP SECRET')
afterAll(() => rmSync(base, { recursive: true, force: true }))

const { app } = buildTestApp({ deps: { distDir: dist } })
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers })
const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

async function expectJson404(res: Response) {
  expect(res.status).toBe(404)
  expect(res.headers.get('Content-Type')).toStartWith('application/json')
  const body = (await res.json()) as { error: { code: string }; requestId: string }
  expect(body.error.code).toBe('not_found')
  expect(body.requestId).toBeString()
}

describe('index.html', () => {
  test('/ is the SPA shell with no-cache', async () => {
    const res = await get('/', html)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toStartWith('text/html')
    expect(res.headers.get('Cache-Control')).toBe('no-cache')
    expect(await res.text()).toBe(INDEX)
  })

  test('/index.html directly is no-cache too', async () => {
    const res = await get('/index.html', html)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-cache')
  })

  test('served precompressed when the client accepts br', async () => {
    const res = await get('/', { ...html, 'Accept-Encoding': 'gzip, br' })
    expect(res.headers.get('Content-Encoding')).toBe('br')
    expect(res.headers.get('Vary')).toContain('Accept-Encoding')
  })

  test('carries the security headers and the CSP the SPA runs under', async () => {
    const res = await get('/', html)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })
})

describe('the shell in the browser’s language (no flash of the wrong one)', () => {
  // A build with the English shell beside the Chinese one, each precompressed as the build does.
  const localized = join(base, 'localized')
  mkdirSync(localized, { recursive: true })
  const shell = (lang: string) => `<!doctype html><html lang="${lang}"><body></body></html>`
  for (const [file, lang] of [
    ['index.html', 'zh-CN'],
    ['index.en.html', 'en'],
  ] as const) {
    writeFileSync(join(localized, file), shell(lang))
    writeFileSync(join(localized, `${file}.br`), brotliCompressSync(shell(lang)))
    writeFileSync(join(localized, `${file}.gz`), gzipSync(shell(lang)))
  }
  const served = buildTestApp({ deps: { distDir: localized } }).app
  const page = (languages?: string, encoding?: string) =>
    served.request('/seo/diagnosis', {
      headers: {
        ...html,
        ...(languages ? { 'Accept-Language': languages } : {}),
        ...(encoding ? { 'Accept-Encoding': encoding } : {}),
      },
    })

  test.each([
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,de;q=0.8', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en-US,zh-TW;q=0.5', 'zh-CN'],
    [undefined, 'zh-CN'],
  ])('Accept-Language %s gets <html lang="%s">', async (languages, lang) => {
    const res = await page(languages)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(shell(lang))
    expect(res.headers.get('Cache-Control')).toBe('no-cache')
    expect(res.headers.get('Vary')).toContain('Accept-Language')
  })

  test('each language is sent precompressed, brotli then gzip', async () => {
    const br = await page('en-US', 'gzip, br')
    expect(br.headers.get('Content-Encoding')).toBe('br')
    expect(br.headers.get('Vary')).toContain('Accept-Encoding')
    expect(br.headers.get('Vary')).toContain('Accept-Language')
    const body = new Uint8Array(await br.arrayBuffer())
    expect(body).toEqual(new Uint8Array(brotliCompressSync(shell('en'))))
    const gz = await page('zh-CN', 'gzip')
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(new Uint8Array(await gz.arrayBuffer())).toEqual(new Uint8Array(gzipSync(shell('zh-CN'))))
  })

  test('a build without the English shell still serves index.html to everyone', async () => {
    const res = await get('/seo/diagnosis', { ...html, 'Accept-Language': 'en-US' })
    expect(await res.text()).toBe(INDEX)
  })
})

describe('SPA fallback: only GET/HEAD navigations', () => {
  test.each(['/seo', '/image', '/video', '/seo/step/3', '/seo?url=https%3A%2F%2Fexample.com&x=1'])(
    'deep link %s gets the shell, no-cache',
    async (path) => {
      const res = await get(path, html)
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-cache')
      expect(await res.text()).toBe(INDEX)
    }
  )

  test('a request without Accept (curl-like) gets the shell', async () => {
    expect((await get('/seo')).status).toBe(200)
  })

  test('HEAD gets headers and no body', async () => {
    const res = await get('/seo', html, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toStartWith('text/html')
    expect(await res.text()).toBe('')
  })

  test('POST to a page path is 405 with Allow, as JSON', async () => {
    const res = await get('/seo', html, 'POST')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('GET, HEAD')
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'method_not_allowed'
    )
  })

  test('Accept: application/json is not a navigation: JSON 404', async () => {
    await expectJson404(await get('/seo', { Accept: 'application/json' }))
  })

  test('a missing file with an extension is 404, not the shell', async () => {
    await expectJson404(await get('/favicon-missing.png', html))
  })
})

describe('assets', () => {
  test('hashed assets are immutable for a year', async () => {
    const res = await get('/assets/index-B4x9kQ2a.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Content-Type')).toContain('javascript')
    expect(await res.text()).toBe(APP_JS)
  })

  test('brotli, then gzip, when accepted', async () => {
    const br = await get('/assets/index-B4x9kQ2a.js', { 'Accept-Encoding': 'gzip, deflate, br' })
    expect(br.headers.get('Content-Encoding')).toBe('br')
    const gz = await get('/assets/index-B4x9kQ2a.js', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    const plain = await get('/assets/index-C1a2b3c4.css', { 'Accept-Encoding': 'br' })
    expect(plain.headers.get('Content-Encoding')).toBeNull()
  })

  test('a missing hashed asset is 404 JSON, never index.html', async () => {
    await expectJson404(await get('/assets/index-missing.js', html))
    await expectJson404(await get('/assets/', html))
  })

  test('other root files get a short cache', async () => {
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600')
  })
})

describe('never outside the dist root, never a dotfile', () => {
  test('dotfiles are 404', async () => {
    await expectJson404(await get('/.env', html))
    await expectJson404(await get('/.env'))
  })

  test('API paths never fall back to HTML', async () => {
    await expectJson404(await get('/api/nope', html))
    await expectJson404(await get('/api', html))
    await expectJson404(await get('/api/seo/unknown', html))
  })
})

describe('traversal over a real socket (no URL normalisation in between)', () => {
  const server = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch })
  afterAll(() => server.stop(true))

  async function raw(path: string): Promise<{ status: number; body: string }> {
    const chunks: string[] = []
    const { promise, resolve } = Promise.withResolvers<void>()
    const socket = await Bun.connect({
      hostname: '127.0.0.1',
      port: server.port as number,
      socket: {
        data: (_s, data) => {
          chunks.push(Buffer.from(data).toString())
        },
        close: () => resolve(),
        error: () => resolve(),
      },
    })
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n`
    )
    await promise
    const text = chunks.join('')
    return { status: Number(text.split(' ')[1]), body: text }
  }

  test.each([
    '/../secret.txt',
    '/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/assets/..\\..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '//secret.txt',
    '/.%2e/secret.txt',
    '/%252e%252e/secret.txt',
  ])('%s does not leak the file next to dist', async (path) => {
    const res = await raw(path)
    expect(res.body).not.toContain('TOP SECRET')
    expect([200, 400, 404]).toContain(res.status)
    // If anything answers 200 it can only be the SPA shell.
    if (res.status === 200) expect(res.body).toContain('<title>AIS Studio</title>')
  })
})

describe('without a client build', () => {
  const { app: bare } = buildTestApp()

  test('/health and the API still work', async () => {
    expect((await bare.request('/health')).status).toBe(200)
    expect((await bare.request('/api/capabilities')).status).toBe(200)
  })

  test('pages answer 503 ui_unavailable without revealing paths', async () => {
    const res = await bare.request('/seo', { headers: html })
    expect(res.status).toBe(503)
    const body = await res.text()
    expect(body).toContain('ui_unavailable')
    expect(body).not.toContain('client/dist')
    expect(body).not.toContain(tmpdir())
  })
})
