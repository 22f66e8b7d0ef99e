import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { silentLogger } from '../../server/core/logger'
import { MORE_PAGES_LIMITS, readMorePages } from '../../server/features/brand/more-pages'
import { MAX_MORE_PAGE_HTML, readPage } from '../../server/features/brand/page-reader'
import { KIT_SITE } from '../support/fake-kit-site'
import { testPolicy } from '../support/fake-site'
import { analyzeOk, brandApp, fjordAnalysis, KIT_HOST, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
})

const P = site.port
const kitOrigin = site.origin(KIT_HOST)
const pagesOf = (host: string) =>
  site.hits(host).filter((r) => !/\.(?:css|png|svg|ico|jpg|gif|xml|txt)$/.test(r.path))

/** The English text of each note (the code and parameters are checked where they matter). */
const texts = (notes: readonly { message: string }[]) => notes.map((n) => n.message)
const text = (words: string) => `<p>${`${words} `.repeat(30)}</p>`
/** A small page: a header with these links, and enough text to be usable. */
function pageHtml(title: string, links: string[], body = text(`${title} says something.`)) {
  const nav = links.map((href) => `<a href="${href}">${href}</a>`).join(' ')
  return `<html lang="en"><head><title>${title}</title></head><body><header><nav>${nav}</nav></header><main><h1>${title}</h1>${body}</main></body></html>`
}
const serve = (host: string, path: string, body: string, status = 200) =>
  site.route(
    host,
    path,
    () => new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
  )
const serveText = (host: string, path: string, body: string, type: string) =>
  site.route(host, path, () => new Response(body, { headers: { 'Content-Type': type } }))

describe('further pages of the site', () => {
  test('the given page and five more, from the navigation and the sitemap named by robots.txt, are all listed as sources', async () => {
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${kitOrigin}/`, fjordAnalysis())
    expect(body.sources.map((s) => new URL(s.url).pathname)).toEqual(['/', ...KIT_SITE.morePages])
    expect(body.sources[1]?.title).toBe(`About us | ${KIT_SITE.name}`)
    expect(site.hits(KIT_HOST, '/robots.txt')).toHaveLength(1)
    expect(site.hits(KIT_HOST, '/sitemap-index.xml')).toHaveLength(1)
    expect(site.hits(KIT_HOST, '/sitemap-pages.xml')).toHaveLength(1)
    for (const path of KIT_SITE.morePages) expect(site.hits(KIT_HOST, path)).toHaveLength(1)
    expect(body.warnings).toEqual([])
  })

  test('the model reads them all: the given page in <page>, the others in <more_pages>', async () => {
    await analyzeOk(brandApp(fakes).app, gemini, `${kitOrigin}/`, fjordAnalysis())
    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(1)
    const prompt = calls[0]?.promptText ?? ''
    const page = prompt.slice(prompt.indexOf('<page>'), prompt.indexOf('</page>'))
    const more = prompt.slice(prompt.indexOf('<more_pages>'), prompt.indexOf('</more_pages>'))
    expect(page).toContain('HOME-PAGE-TEXT')
    for (const marker of ['ABOUT', 'PRODUCTS', 'SERVICES', 'JOURNAL', 'CONTACT']) {
      expect(more).toContain(`${marker}-PAGE-TEXT`)
    }
    expect(more).toContain(`## About us | ${KIT_SITE.name} (${kitOrigin}/about)`)
  })

  test('pages robots.txt forbids, other-language versions, legal pages and pages past the budget are never fetched', async () => {
    await analyzeOk(brandApp(fakes).app, gemini, `${kitOrigin}/`, fjordAnalysis())
    for (const path of [...KIT_SITE.notFetched, '/privacy']) {
      expect(site.hits(KIT_HOST, path)).toHaveLength(0)
    }
    expect(pagesOf(KIT_HOST)).toHaveLength(1 + MORE_PAGES_LIMITS.maxPages)
  })

  test('never more than five further pages, each read up to 1 MB', async () => {
    const host = 'many-pages.test'
    const links = Array.from({ length: 30 }, (_, i) => `/page-${i}`)
    serve(host, '/', pageHtml('Many Pages', links))
    for (const path of links) serve(host, path, pageHtml(path, []))
    site.route(host, '/page-0', () => {
      const filler = '<p>filler text </p>'.repeat(Math.ceil((MAX_MORE_PAGE_HTML + 1) / 18))
      return new Response(`<html><body>${filler}</body></html>`, {
        headers: { 'Content-Type': 'text/html' },
      })
    })
    serveText(host, '/robots.txt', `Sitemap: ${site.origin(host)}/sitemap.xml`, 'text/plain')
    const listed = Array.from(
      { length: 200 },
      (_, i) => `<url><loc>${site.origin(host)}/listed-${i}</loc></url>`
    )
    serveText(host, '/sitemap.xml', `<urlset>${listed.join('')}</urlset>`, 'application/xml')

    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(pagesOf(host)).toHaveLength(1 + 5)
    expect(site.hits(host, '/sitemap.xml')).toHaveLength(0) // the navigation filled every place
    expect(body.sources).toHaveLength(1 + 4)
    expect(texts(body.warnings)).toContain(
      `Skipped the page ${site.origin(host)}/page-0: the answer is larger than 1 MB.`
    )
  })

  test('further pages that answer 404 or 500 still give a profile, with a warning for each', async () => {
    const host = 'broken-links.test'
    serve(host, '/', pageHtml('Broken Links', ['/about', '/products']))
    serve(host, '/products', '<html><body>Oops</body></html>', 500)
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(body.sources.map((s) => s.url)).toEqual([`${site.origin(host)}/`])
    expect(texts(body.warnings)).toContain(
      `Skipped the page ${site.origin(host)}/about: the site answered HTTP 404 (page not found).`
    )
    expect(texts(body.warnings)).toContain(
      `Skipped the page ${site.origin(host)}/products: the site answered HTTP 500.`
    )
    expect(texts(body.warnings)).toContain(
      'Only the first page of the site could be read; the profile rests on it alone.'
    )
    // Coded, so the UI can word them in the user's language.
    expect(body.warnings).toContainEqual({
      code: 'page_skipped',
      params: { url: `${site.origin(host)}/about`, status: 404, reason: 'http_404' },
      message: `Skipped the page ${site.origin(host)}/about: the site answered HTTP 404 (page not found).`,
    })
    expect(body.warnings).toContainEqual({
      code: 'only_first_page',
      params: {},
      message: 'Only the first page of the site could be read; the profile rests on it alone.',
    })
  })

  test('without robots.txt, /sitemap.xml is tried, and well-known paths are guessed for missing topics; a missed guess is silent', async () => {
    const host = 'bare-site.test'
    serve(host, '/', pageHtml('Bare Site', ['/shop']))
    serve(host, '/shop', pageHtml('Shop', []))
    serve(host, '/blog', pageHtml('Blog', []))
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(site.hits(host, '/robots.txt')).toHaveLength(1)
    expect(site.hits(host, '/sitemap.xml')).toHaveLength(1)
    for (const guess of ['/about', '/services', '/blog'])
      expect(site.hits(host, guess)).toHaveLength(1)
    expect(site.hits(host, '/products')).toHaveLength(0) // /shop is the products page
    expect(body.sources.map((s) => new URL(s.url).pathname)).toEqual(['/', '/shop', '/blog'])
    expect(body.warnings.filter((w) => w.code === 'page_skipped')).toEqual([])
  })

  test('a link that redirects to another site is not used as a page of this one', async () => {
    const host = 'moved-shop.test'
    serve(host, '/', pageHtml('Moved Shop', ['/shop']))
    site.route(
      host,
      '/shop',
      () =>
        new Response(null, {
          status: 301,
          headers: { Location: `${site.origin('brand-b.test')}/` },
        })
    )
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(body.sources.map((s) => s.url)).toEqual([`${site.origin(host)}/`])
    expect(texts(body.warnings)).toContain(
      `Skipped the page ${site.origin(host)}/shop: it redirected to another site.`
    )
  })

  test('robots.txt can forbid a page the navigation links to', async () => {
    const host = 'private-about.test'
    serve(host, '/', pageHtml('Private About', ['/about', '/team']))
    serve(host, '/about', pageHtml('About', []))
    serve(host, '/team', pageHtml('Team', []))
    serveText(host, '/robots.txt', 'User-agent: *\nDisallow: /about\n', 'text/plain')
    const body = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(site.hits(host, '/about')).toHaveLength(0)
    expect(body.sources.map((s) => new URL(s.url).pathname)).toContain('/team')
  })

  test('a further page that does not answer in time is a warning, and the others are still read', async () => {
    const host = 'slow-page.test'
    serve(host, '/', pageHtml('Slow Page', ['/about', '/products']))
    serve(host, '/products', pageHtml('Products', []))
    site.route(host, '/about', async () => {
      await Bun.sleep(2_000)
      return new Response(pageHtml('About', []), { headers: { 'Content-Type': 'text/html' } })
    })
    const ctx = { policy: testPolicy(site), log: silentLogger }
    const first = await readPage(`${site.origin(host)}/`, {
      ...ctx,
      config: { jinaReaderUrl: 'http://127.0.0.1:9' },
    })
    const started = performance.now()
    const more = await readMorePages(first, ctx, { ...MORE_PAGES_LIMITS, pageTimeoutMs: 200 })
    expect(performance.now() - started).toBeLessThan(1_500)
    expect(more.pages.map((p) => new URL(p.url).pathname)).toEqual(['/products'])
    expect(texts(more.warnings)).toContain(
      `Skipped the page ${site.origin(host)}/about: no complete answer within 0.2 s.`
    )
  })
})

describe('further pages and the SSRF rules', () => {
  test('every further address is checked: off-site entries are dropped, same-site names that resolve inside, other ports and redirects inside are refused, never fetched', async () => {
    const host = 'ssrf-site.test'
    const origin = site.origin(host)
    serve(host, '/', pageHtml('SSRF Site', []))
    serve(host, '/careers', pageHtml('Careers', []))
    site.route(
      host,
      '/services',
      () =>
        new Response(null, { status: 302, headers: { Location: `http://127.0.0.1:${P}/secret` } })
    )
    serveText(
      host,
      '/robots.txt',
      `Sitemap: ${origin}/sitemap.xml\nSitemap: http://169.254.169.254/latest/sitemap.xml\n`,
      'text/plain'
    )
    const listed = [
      `http://127.0.0.1:${P}/secret`,
      `http://[::1]:${P}/secret`,
      `http://www.${host}:${P}/about`,
      `http://${host}:6379/products`,
      `${origin}/services`,
      `${origin}/careers`,
    ]
    serveText(
      host,
      '/sitemap.xml',
      `<urlset>${listed.map((u) => `<url><loc>${u}</loc></url>`).join('')}</urlset>`,
      'application/xml'
    )
    const { app, deps } = brandApp(fakes, { names: { [`www.${host}`]: ['10.0.0.1'] } })
    const body = await analyzeOk(app, gemini, `${origin}/`)

    expect(site.hits(undefined, '/secret')).toHaveLength(0)
    expect(site.hits(`www.${host}`)).toHaveLength(0)
    expect(site.hits(host, '/products')).toHaveLength(0)
    expect(texts(body.warnings)).toContain(
      `Skipped the page http://www.${host}:${P}/about: the host name resolves to a private network address.`
    )
    expect(texts(body.warnings)).toContain(
      `Skipped the page http://${host}:6379/products: port 6379 is not allowed.`
    )
    expect(texts(body.warnings)).toContain(
      `Skipped the page ${origin}/services: the address is a loopback address.`
    )
    expect(body.sources.map((s) => s.url)).toEqual([`${origin}/`, `${origin}/careers`])
    // The name was checked (looked up) before anything was dialled.
    expect((deps.fetchPolicy as ReturnType<typeof testPolicy>).lookups).toContain(`www.${host}`)
  })
})
