/**
 * A fake website on loopback for the safe fetcher and brand analysis: one Bun server answers
 * for any number of host names (told apart by the `Host` header, as the safe fetcher dials the
 * address and sends the name), records every request, and serves brand home pages with
 * logos, icons and images plus the awkward cases: redirects (to internal targets, in loops),
 * big and slow answers, non-images, blocked and empty pages; and a multi-page brand-kit site
 * (fake-kit-site.ts).
 *
 * @example
 * const site = await startFakeSite()
 * site.addBrand('brand-a.test', { name: 'Acme Roasters', seed: 'a' })
 * // resolve brand-a.test to 127.0.0.1 in the test policy, then fetch site.origin('brand-a.test')
 */
import { deflateSync } from 'node:zlib'
import type { FetchPolicy } from '../../server/core/safe-fetch'
import { kitSiteRoutes } from './fake-kit-site'

export interface SiteRequest {
  host: string
  path: string
  headers: Record<string, string>
}

export type SiteHandler = (request: Request, url: URL) => Response | Promise<Response>

export interface FakeSite {
  readonly port: number
  /** `http(s)://<host>:<port>` */
  origin(host: string): string
  readonly requests: SiteRequest[]
  /** Recorded requests, optionally for one host name and path. */
  hits(host?: string, path?: string): SiteRequest[]
  /** Serves `path` for `host` (`*`: any host); replaces an earlier route. */
  route(host: string, path: string, handler: SiteHandler): void
  /** A brand's home page and assets on `host`. */
  addBrand(host: string, brand: BrandPage): void
  /** The multi-page brand-kit site (fake-kit-site.ts) on `host`. */
  addKitSite(host: string): void
  /** Forgets the recorded requests (routes stay). */
  clear(): void
  stop(): void
}

export interface BrandPage {
  name: string
  /** Makes this brand's image bytes differ from every other brand's. */
  seed: string
  /** Extra HTML inside `<main>` (e.g. images that must fail). */
  extraMain?: string
}

export const HUGE_IMAGE_BYTES = 6 * 1024 * 1024

export async function startFakeSite(options: { tls?: { cert: string; key: string } } = {}) {
  const routes = new Map<string, SiteHandler>()
  const requests: SiteRequest[] = []
  const scheme = options.tls ? 'https' : 'http'

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    idleTimeout: 0,
    ...(options.tls ? { tls: options.tls } : {}),
    async fetch(req) {
      const url = new URL(req.url)
      const host = (req.headers.get('host') ?? '').replace(/:\d+$/, '')
      requests.push({ host, path: url.pathname, headers: Object.fromEntries(req.headers) })
      const handler = routes.get(`${host} ${url.pathname}`) ?? routes.get(`* ${url.pathname}`)
      if (handler) return handler(req, url)
      return new Response('<html><body><h1>Not found</h1></body></html>', {
        status: 404,
        headers: { 'Content-Type': 'text/html' },
      })
    },
  })

  const site: FakeSite = {
    port: server.port as number,
    origin: (host) => `${scheme}://${host}:${server.port}`,
    requests,
    hits: (host, path) =>
      requests.filter((r) => (!host || r.host === host) && (!path || r.path === path)),
    route: (host, path, handler) => {
      routes.set(`${host} ${path}`, handler)
    },
    addBrand: (host, brand) => {
      for (const [path, handler] of Object.entries(brandRoutes(brand)))
        site.route(host, path, handler)
    },
    addKitSite: (host) => {
      for (const [path, handler] of Object.entries(kitSiteRoutes(site.origin(host))))
        site.route(host, path, handler)
    },
    clear: () => {
      requests.length = 0
    },
    stop: () => server.stop(true),
  }
  for (const [path, handler] of Object.entries(utilityRoutes())) site.route('*', path, handler)
  return site
}

export interface TestPolicyOptions {
  /** Extra name -> addresses answers (e.g. a name that resolves to 10.0.0.1). */
  names?: Record<string, string[]>
  /** No exception for the fake site: the production rules exactly. */
  strict?: boolean
  /** CA certificate for a TLS fake site. */
  ca?: string
}

/**
 * A fetch policy for tests: names ending in `.test` resolve to 127.0.0.1 and, unless `strict`,
 * only that pair (a `.test` name on 127.0.0.1) is let through, so the fake site is reachable by
 * name while every literal or other-name form of loopback stays refused. The site's port is
 * allowed. `lookups` records every name resolved.
 */
export function testPolicy(
  site: Pick<FakeSite, 'port'>,
  options: TestPolicyOptions = {}
): FetchPolicy & { lookups: string[] } {
  const lookups: string[] = []
  return {
    allowedPorts: [site.port],
    lookups,
    resolve: async (hostname) => {
      lookups.push(hostname)
      const answer =
        options.names?.[hostname] ?? (hostname.endsWith('.test') ? ['127.0.0.1'] : undefined)
      if (!answer)
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
      return answer
    },
    ...(options.strict
      ? {}
      : {
          allowAddress: (address: string, hostname: string) =>
            address === '127.0.0.1' && hostname.endsWith('.test'),
        }),
    ...(options.ca ? { ca: options.ca } : {}),
  }
}

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })

const bytes = (data: Uint8Array<ArrayBuffer>, type: string) =>
  new Response(data, { headers: { 'Content-Type': type } })

/** A brand's home page: noise to strip (scripts, styles, nav, footer) around real content. */
export function brandHomeHtml(brand: BrandPage): string {
  return `<!doctype html>
<html lang="en"><head>
<title>${brand.name} | Home</title>
<meta name="description" content="${brand.name} roasts single-origin coffee in small batches.">
<meta property="og:image" content="/og.png">
<meta name="twitter:image" content="/twitter.jpg">
<link rel="icon" href="/favicon.ico">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
<style>body { color: red } .secret-style { display: none }</style>
<script>window.trackingSecret = 'SCRIPT-NOISE-${brand.seed}'</script>
</head><body>
<header><a href="/"><img class="site-logo" src="/logo.png" alt="${brand.name} logo"></a>
<nav><a href="/shop">NAV-NOISE Shop</a> <a href="/about">About</a></nav></header>
<main>
<h1>${brand.name}: coffee roasted with care</h1>
<p>${brand.name} is an independent roaster sourcing beans directly from farmers in Ethiopia,
Colombia and Guatemala. Every batch is roasted to order and shipped within 48 hours.</p>
<h2>Our values</h2>
<ul><li>Direct trade and fair prices for growers</li><li>Freshness above all</li>
<li>Compostable packaging</li></ul>
<p>We serve home brewers and specialty cafés who care about flavour and traceability.</p>
<h2>What we offer</h2>
<p>Single-origin beans in 250 g and 1 kg bags, a roast-to-order subscription that adapts to
your brewing method, and wholesale programmes with barista training for cafés. Our tasting
notes describe each lot honestly, and every bag carries the farm, the altitude and the harvest
date, so you always know where your coffee comes from and when it was picked.</p>
<img src="/hero.png" alt="Roastery" width="1200" height="600">
<img src="/pixel.gif" width="1" height="1" alt="">
${brand.extraMain ?? ''}
</main>
<footer>FOOTER-NOISE © ${brand.name} <noscript>NOSCRIPT-NOISE</noscript></footer>
</body></html>`
}

function brandRoutes(brand: BrandPage): Record<string, SiteHandler> {
  return {
    '/': () => html(brandHomeHtml(brand)),
    '/logo.png': () => bytes(png(64, 32, `logo-${brand.seed}`), 'image/png'),
    '/favicon.ico': () => bytes(ico(`favicon-${brand.seed}`), 'image/x-icon'),
    '/apple-touch-icon.png': () => bytes(png(180, 180, `touch-${brand.seed}`), 'image/png'),
    '/og.png': () => bytes(png(1200, 630, `og-${brand.seed}`), 'image/png'),
    '/twitter.jpg': () => bytes(jpeg(`twitter-${brand.seed}`), 'image/jpeg'),
    '/hero.png': () => bytes(png(1200, 600, `hero-${brand.seed}`), 'image/png'),
    '/pixel.gif': () => bytes(gif(), 'image/gif'),
  }
}

/** Pages any host serves: the awkward cases. */
function utilityRoutes(): Record<string, SiteHandler> {
  return {
    // Where SSRF tests point internal-looking URLs: a hit here means a refusal failed.
    '/secret': () => new Response('internal secret', { headers: { 'Content-Type': 'text/plain' } }),
    '/redirect': (_req, url) =>
      new Response(null, { status: 302, headers: { Location: url.searchParams.get('to') ?? '/' } }),
    '/loop': (_req, url) => {
      const n = Number(url.searchParams.get('n') ?? '0')
      return new Response(null, { status: 302, headers: { Location: `/loop?n=${n + 1}` } })
    },
    '/slow': async (_req, url) => {
      await Bun.sleep(Number(url.searchParams.get('ms') ?? '3000'))
      return html('<html><body><p>finally</p></body></html>')
    },
    '/huge.png': () => streamed(HUGE_IMAGE_BYTES, 'image/png'),
    '/huge-declared.png': () =>
      new Response(new Uint8Array(HUGE_IMAGE_BYTES), { headers: { 'Content-Type': 'image/png' } }),
    '/not-an-image.png': () => html('<html><body>I am a web page</body></html>'),
    '/spoofed.png': () =>
      new Response('<html><script>alert(1)</script></html>', {
        headers: { 'Content-Type': 'image/png' },
      }),
    '/vector.svg': () =>
      new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
        headers: { 'Content-Type': 'image/svg+xml' },
      }),
    '/document.pdf': () =>
      new Response('%PDF-1.7 fake', { headers: { 'Content-Type': 'application/pdf' } }),
    '/forbidden': () => html('<html><body><h1>Access denied</h1></body></html>', 403),
    '/server-error': () => html('<html><body>Oops</body></html>', 500),
    '/challenge': () =>
      html(
        '<html><head><title>Just a moment...</title></head><body><h1>Checking your browser before accessing the site.</h1><p>Enable JavaScript and cookies to continue.</p></body></html>'
      ),
    '/soft-404': () =>
      html(
        '<html><head><title>Page not found</title></head><body><h1>404 - Page not found</h1><p>Sorry, we could not find that page.</p></body></html>'
      ),
    '/empty': () =>
      html('<html><head><title></title></head><body><div id="app"></div></body></html>'),
    '/little': () =>
      html(
        '<html><head><title>Nimbus Labs</title></head><body><h1>Nimbus Labs</h1><p>Cloud tools for small teams. Coming soon: sign up for early access to our scheduling assistant.</p></body></html>'
      ),
    '/big-page': () => streamed(4 * 1024 * 1024, 'text/html', '<p>filler text </p>'),
  }
}

/** A body of `size` bytes sent in chunks without a Content-Length. */
function streamed(size: number, type: string, unit = 'x'): Response {
  const chunk = new TextEncoder().encode(unit.repeat(Math.ceil(65_536 / unit.length)))
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= size) return controller.close()
      controller.enqueue(chunk)
      sent += chunk.byteLength
    },
  })
  return new Response(stream, { headers: { 'Content-Type': type } })
}

/** A valid PNG of the given size; `seed` goes into a text chunk so bytes differ per seed. */
export function png(width: number, height: number, seed: string): Uint8Array<ArrayBuffer> {
  // 8-bit greyscale, every pixel black.
  return encodePng(width, height, 0, new Uint8Array(width * height), seed)
}

export type Rgba = readonly [number, number, number, number]

/** A real RGBA PNG (colour type 6) whose pixel at (x, y) is `pixel(x, y)`. */
export function pngRgba(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
  seed = ''
): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4)
  }
  return encodePng(width, height, 6, data, seed)
}

/** An RGBA PNG of `data` (4 bytes a pixel, rows top to bottom), compressed natively. */
export function pngFromRgba(
  width: number,
  height: number,
  data: Uint8Array
): Uint8Array<ArrayBuffer> {
  return encodePng(width, height, 6, data, '')
}

/** PNG from raw samples (`colorType` 0: grey, 1 byte a pixel; 6: RGBA, 4 bytes), unfiltered. */
function encodePng(
  width: number,
  height: number,
  colorType: 0 | 6,
  samples: Uint8Array,
  seed: string
): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array(4 + data.length)
    body.set(new TextEncoder().encode(type))
    body.set(data, 4)
    const out = new Uint8Array(12 + data.length)
    const view = new DataView(out.buffer)
    view.setUint32(0, data.length)
    out.set(body, 4)
    view.setUint32(8 + data.length, Bun.hash.crc32(body))
    return out
  }
  const ihdr = new Uint8Array(13)
  const v = new DataView(ihdr.buffer)
  v.setUint32(0, width)
  v.setUint32(4, height)
  ihdr.set([8, colorType, 0, 0, 0], 8)
  const rowBytes = width * (colorType === 6 ? 4 : 1)
  const raw = new Uint8Array((rowBytes + 1) * height) // filter byte 0, then the row
  for (let y = 0; y < height; y++) {
    raw.set(samples.subarray(y * rowBytes, (y + 1) * rowBytes), y * (rowBytes + 1) + 1)
  }
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(seed ? [chunk('tEXt', new TextEncoder().encode(`Comment\0${seed}`))] : []),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ]
  return concat(parts)
}

/** JPEG-signed bytes (SOI, APP0 "JFIF", a comment with `seed`, EOI). */
export function jpeg(seed: string): Uint8Array<ArrayBuffer> {
  const comment = new TextEncoder().encode(seed)
  return concat([
    new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0]),
    new Uint8Array([0, 1, 0, 1, 0, 0, 0xff, 0xfe, 0, comment.length + 2]),
    comment,
    new Uint8Array([0xff, 0xd9]),
  ])
}

/** An ICO header with one 16x16 entry pointing at a PNG payload. */
export function ico(seed: string): Uint8Array<ArrayBuffer> {
  const payload = png(16, 16, seed)
  const header = new Uint8Array(22)
  const v = new DataView(header.buffer)
  v.setUint16(2, 1, true) // type: icon
  v.setUint16(4, 1, true) // one image
  header.set([16, 16, 0, 0], 6)
  v.setUint16(10, 1, true)
  v.setUint16(12, 32, true)
  v.setUint32(14, payload.length, true)
  v.setUint32(18, 22, true)
  return concat([header, payload])
}

/** A 1x1 GIF (the classic tracking pixel). */
export function gif(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) =>
    c.charCodeAt(0)
  )
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.concat(parts))
}
