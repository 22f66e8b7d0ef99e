import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import type { AnalyzeResponse } from '../../server/features/brand/schemas'
import { postJson } from '../support/app'
import { acmeAnalysis, analyze, brandApp, JINA_KEY, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site, jina } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
  jina.reset()
})

const origin = site.origin('brand-a.test')
const P = site.port

async function errorOf(res: Response) {
  return (await res.json()) as { error: { code: string; message: string; details?: any } }
}

describe('400: invalid input', () => {
  test.each([
    ['an empty URL', { url: '' }],
    ['a URL with spaces', { url: 'not a url at all' }],
    ['no URL', {}],
    ['a URL that is not a string', { url: 42 }],
    ['an unknown UI language', { url: `${origin}/`, uiLanguage: 'fr' }],
    ['a URL over 2048 characters', { url: `https://example.com/${'a'.repeat(2100)}` }],
  ])('%s', async (_case, body) => {
    const res = await analyze(brandApp(fakes).app, body)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).error.code).toBe('invalid_input')
    expect(site.requests).toHaveLength(0)
  })

  test('a body that is not JSON is 415', async () => {
    const res = await brandApp(fakes).app.request('/api/analyze', { method: 'POST', body: 'url=x' })
    expect(res.status).toBe(415)
  })
})

describe('400: refused URLs never reach the site, Jina or Gemini', () => {
  test.each([
    ['file scheme', 'file:///etc/passwd'],
    ['javascript scheme', 'javascript:alert(1)'],
    ['data scheme', 'data:text/html,hi'],
    ['ftp scheme', 'ftp://brand-a.test/'],
    ['decimal loopback', `http://2130706433:${P}/secret`],
    ['IPv4-mapped loopback', `http://[::ffff:127.0.0.1]:${P}/secret`],
    ['metadata server', 'http://169.254.169.254/computeMetadata/v1/'],
    ['metadata name', 'metadata.google.internal/computeMetadata/v1/'],
    ['no scheme, localhost with a port', `localhost:${P}/secret`],
    ['private address', '10.0.0.1'],
    ['credentials', `http://user:pass@brand-a.test:${P}/`],
    ['port 6379', 'http://brand-a.test:6379/'],
    [
      'redirect to loopback',
      `${origin}/redirect?to=${encodeURIComponent(`http://127.0.0.1:${P}/secret`)}`,
    ],
  ])('%s', async (_form, url) => {
    const res = await analyze(brandApp(fakes, { jina: true }).app, { url })
    expect(res.status).toBe(400)
    const { error } = await errorOf(res)
    expect(error.code).toBe('url_not_allowed')
    expect(error.details.reason).toBeString()
    expect(site.hits(undefined, '/secret')).toHaveLength(0)
    expect(site.requests.filter((r) => r.path !== '/redirect')).toHaveLength(0)
    expect(jina.requests).toHaveLength(0)
    expect(gemini.requests).toHaveLength(0)
  })
})

describe('502/504: the site cannot be read, the code names the cause, nothing is profiled', () => {
  test.each([
    [
      'a name that does not resolve (never an AI-service code)',
      `http://unknown.example:${P}/`,
      'site_dns_failed',
      'could not be resolved',
      'host_not_found',
    ],
    ['HTTP 403', `${origin}/forbidden`, 'site_blocked', 'HTTP 403 (access denied)', 'http_403'],
    ['HTTP 500', `${origin}/server-error`, 'site_unreadable', 'HTTP 500', 'http_status'],
    [
      'HTTP 404',
      `${origin}/nothing-here`,
      'site_page_missing',
      'HTTP 404 (page not found)',
      'http_404',
    ],
    ['a bot check page', `${origin}/challenge`, 'site_blocked', 'bot check', 'bot_check'],
    ['a soft 404', `${origin}/soft-404`, 'site_page_missing', 'page not found', 'not_found_page'],
    [
      'an empty shell page',
      `${origin}/empty`,
      'site_unreadable',
      'almost no readable text',
      'no_text',
    ],
    ['a PDF', `${origin}/document.pdf`, 'site_not_html', 'application/pdf', 'wrong_type'],
    ['a page over 3 MB', `${origin}/big-page`, 'site_unreadable', 'larger than 3 MB', 'too_large'],
  ])('%s', async (_case, url, code, reason, reasonCode) => {
    const res = await analyze(brandApp(fakes).app, { url })
    expect(res.status).toBe(502)
    const { error } = await errorOf(res)
    expect(error.code).toBe(code)
    expect(error.message).toContain(reason)
    expect(error.details.reason).toContain(reason)
    expect(error.details.reasonCode).toBe(reasonCode)
    expect(gemini.requests).toHaveLength(0)
  })

  test('the reason carries its parameters, so the UI can word it', async () => {
    const res = await analyze(brandApp(fakes).app, { url: `${origin}/nothing-here` })
    const { error } = await errorOf(res)
    expect(error.details.reasonParams).toEqual({ status: 404 })
  })
})

describe('503: AI not configured', () => {
  test('answers 503 before fetching anything', async () => {
    const res = await analyze(brandApp(fakes, { ai: false }).app, { url: `${origin}/` })
    expect(res.status).toBe(503)
    const { error } = await errorOf(res)
    expect(error.code).toBe('not_configured')
    expect(error.message).toContain('GEMINI_API_KEY')
    expect(site.requests).toHaveLength(0)
  })
})

describe('model failures', () => {
  test('an answer that does not match the schema twice is a 502, never invented data', async () => {
    gemini.enqueue({ json: { brandName: '' } }, { text: 'not json' })
    const res = await analyze(brandApp(fakes).app, { url: `${origin}/` })
    expect(res.status).toBe(502)
    expect((await errorOf(res)).error.code).toBe('ai_invalid_output')
    expect(gemini.calls('generateContent')).toHaveLength(2)
  })

  test('Gemini overloaded is a clean 5xx envelope', async () => {
    gemini.setHandler(() => ({ status: 503 }))
    const res = await analyze(brandApp(fakes).app, { url: `${origin}/` })
    expect(res.status).toBeGreaterThanOrEqual(500)
    const body = await errorOf(res)
    expect(body.error.code).toBeString()
    expect(JSON.stringify(body)).not.toContain('fake error')
  })
})

describe('thin pages are profiled but flagged', () => {
  test('a page with little text gives limitedInformation even when the model says otherwise', async () => {
    gemini.enqueue({ json: acmeAnalysis({ brandName: 'Nimbus Labs' }) })
    const res = await analyze(brandApp(fakes).app, { url: `${origin}/little`, uiLanguage: 'en' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AnalyzeResponse
    expect(body.profile.limitedInformation).toEqual({
      isLimited: true,
      reason: 'the page has only a little text',
    })
    expect(body.warnings).toContainEqual({
      code: 'limited_information',
      params: { reason: 'little_text' },
      message: 'The profile is based on limited information: the page has only a little text.',
    })
    expect(body.textProfile).toContain('> **Limited information:** the page has only a little text')
    expect(gemini.last()?.promptText).toContain(
      'Our reader found that the page has only a little text'
    )
  })
})

describe('Jina Reader fallback (JINA_API_KEY set)', () => {
  test('a page behind a bot check is read through Jina Reader, with the key as a Bearer token', async () => {
    jina.reply({
      title: 'Acme Roasters',
      description: 'Coffee roasters',
      content: `# Acme Roasters\n\n${'We roast single-origin coffee to order for home brewers. '.repeat(15)}`,
      images: { 'Acme logo': `${origin}/logo.png` },
    })
    gemini.enqueue({ json: acmeAnalysis() })
    const res = await analyze(brandApp(fakes, { jina: true }).app, { url: `${origin}/challenge` })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AnalyzeResponse
    expect(jina.requests).toHaveLength(1)
    expect(jina.requests[0]?.target).toBe(`${origin}/challenge`)
    expect(jina.requests[0]?.headers.authorization).toBe(`Bearer ${JINA_KEY}`)
    expect(jina.requests[0]?.headers.accept).toBe('application/json')
    expect(body.warnings[0]).toMatchObject({
      code: 'read_via_jina',
      params: { reason: 'bot_check' },
    })
    expect(body.warnings[0]?.message).toContain(
      'read through Jina Reader because the site showed a bot check'
    )
    expect(body.assets.logos.map((a) => a.sourceUrl)).toEqual([`${origin}/logo.png`])
    expect(gemini.last()?.promptText).toContain('We roast single-origin coffee to order')
  })

  test('Jina is not asked when the page reads fine', async () => {
    gemini.enqueue({ json: acmeAnalysis() })
    const res = await analyze(brandApp(fakes, { jina: true }).app, { url: `${origin}/` })
    expect(res.status).toBe(200)
    expect(jina.requests).toHaveLength(0)
  })

  test('when Jina fails too, the direct reason is reported: 502', async () => {
    jina.reply({ status: 451 })
    const res = await analyze(brandApp(fakes, { jina: true }).app, { url: `${origin}/forbidden` })
    expect(res.status).toBe(502)
    expect((await errorOf(res)).error.message).toContain('HTTP 403')
    expect(jina.requests).toHaveLength(1)
    expect(gemini.requests).toHaveLength(0)
  })

  test('a Jina answer that is itself a block page is not profiled', async () => {
    jina.reply({ title: 'Just a moment...', content: 'Checking your browser before accessing.' })
    const res = await analyze(brandApp(fakes, { jina: true }).app, { url: `${origin}/challenge` })
    expect(res.status).toBe(502)
    expect(gemini.requests).toHaveLength(0)
  })
})

describe('secrets stay out of responses and logs', () => {
  test('the Jina key is not logged', async () => {
    jina.reply({ status: 500 })
    const { app, logLines } = brandApp(fakes, { jina: true })
    const res = await postJson(app, '/api/analyze', { url: `${origin}/forbidden` })
    expect(res.status).toBe(502)
    expect(logLines.join('\n')).not.toContain(JINA_KEY)
    expect(JSON.stringify(await res.json())).not.toContain(JINA_KEY)
  })
})
