import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import type { AnalyzeResponse, BrandAsset } from '../../server/features/brand/schemas'
import { ico, png } from '../support/fake-site'
import { acmeAnalysis, analyze, brandApp, CSE_KEY, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site, cse } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
  cse.reset()
})

const origin = site.origin('brand-a.test')
const sourcePaths = (assets: BrandAsset[]) => assets.map((a) => new URL(a.sourceUrl).pathname)

async function analyzeBrandA() {
  gemini.enqueue({ json: acmeAnalysis() })
  const built = brandApp(fakes)
  const res = await analyze(built.app, { url: `${origin}/` })
  expect(res.status).toBe(200)
  return { body: (await res.json()) as AnalyzeResponse, deps: built.deps }
}

describe('POST /api/analyze: happy path on the local store', () => {
  test('answers the model’s profile and its Markdown rendering in the UI language (zh-CN)', async () => {
    const { body } = await analyzeBrandA()
    expect(body.profile).toEqual(acmeAnalysis())
    expect(body.textProfile).toStartWith('# Acme Roasters\n')
    expect(body.textProfile).toContain('## 品牌概述')
    expect(body.textProfile).toContain('- Direct trade')
    expect(gemini.last()?.body.systemInstruction.parts[0].text).toContain('Simplified Chinese')
  })

  test('lists the page it read as a source', async () => {
    const { body } = await analyzeBrandA()
    expect(body.sources).toEqual([{ title: 'Acme Roasters | Home', url: `${origin}/` }])
  })

  test('orders logos (header logo, then icons by size) and images (social, then large content)', async () => {
    const { body } = await analyzeBrandA()
    expect(sourcePaths(body.assets.logos)).toEqual([
      '/logo.png',
      '/apple-touch-icon.png',
      '/favicon.ico',
    ])
    expect(sourcePaths(body.assets.images)).toEqual([
      '/og.png',
      '/twitter.jpg',
      '/hero.png',
      '/vector.svg',
    ])
  })

  test('each asset is stored media with its real type and measured size', async () => {
    const { body } = await analyzeBrandA()
    const [logo] = body.assets.logos
    expect(logo).toMatchObject({
      kind: 'logo',
      mimeType: 'image/png',
      sourceUrl: `${origin}/logo.png`,
    })
    expect(logo?.media.url).toBe(`/media/${logo?.media.id}`)
    expect(logo?.media).toMatchObject({ mimeType: 'image/png', width: 64, height: 32 })
    expect(logo?.size).toBe(png(64, 32, 'logo-a').byteLength)
    expect(body.assets.logos[2]?.mimeType).toBe('image/x-icon')
    expect(body.assets.images[1]?.mimeType).toBe('image/jpeg')
    expect(body.assets.images[3]?.mimeType).toBe('image/svg+xml')
  })

  test('the stored bytes are exactly what the site served', async () => {
    const { body, deps } = await analyzeBrandA()
    expect(await deps.store.read(`media/${body.assets.logos[0]?.media.id}`)).toEqual(
      png(64, 32, 'logo-a')
    )
    expect(await deps.store.read(`media/${body.assets.logos[2]?.media.id}`)).toEqual(
      ico('favicon-a')
    )
  })

  test('each bad candidate is a warning with its reason, and none of them is stored', async () => {
    const { body, deps } = await analyzeBrandA()
    const warnings = body.warnings.map((w) => w.message).join('\n')
    expect(warnings).toContain(`${origin}/huge.png: the answer is larger than 5 MB`)
    expect(warnings).toContain(`${origin}/not-an-image.png: the answer is text/html`)
    expect(warnings).toContain(
      `${origin}/spoofed.png: the content is not a PNG, JPEG, GIF, WebP, AVIF, ICO or SVG image`
    )
    expect(warnings).toContain(
      'http://10.0.0.1/internal.png: the address is a private network address'
    )
    expect(warnings).toContain(`${origin}/missing.png: the site answered HTTP 404 (page not found)`)
    const skipped = body.warnings.filter((w) => /^(?:logo|image)_skipped$/.test(w.code))
    expect(skipped).toHaveLength(5)
    expect(skipped.map((w) => w.params.reason).sort()).toEqual(
      ['address_not_public', 'http_404', 'not_image', 'too_large', 'wrong_type'].sort()
    )
    expect((await deps.store.list('media/')).items).toHaveLength(7)
  })

  test('the request to Gemini: JSON schema, page text in a delimited block, noise removed, language', async () => {
    gemini.enqueue({ json: acmeAnalysis() })
    const built = brandApp(fakes)
    await analyze(built.app, { url: `${origin}/`, uiLanguage: 'en' })

    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(1)
    const req = calls[0]!
    expect(req.model).toBe(built.config.ai.models.text)
    const config = req.body.generationConfig
    expect(config.responseMimeType).toBe('application/json')
    const schema = config.responseJsonSchema
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'audience',
        'brandName',
        'industry',
        'limitedInformation',
        'marketPosition',
        'overview',
        'productsAndServices',
        'suggestedTargetKeywords',
        'values',
        'voice',
      ].sort()
    )
    expect(schema.properties.voice.properties.tone.type).toBe('string')
    expect(schema.properties.limitedInformation.properties.isLimited.type).toBe('boolean')

    const system = req.body.systemInstruction.parts[0].text as string
    expect(system).toContain('in English')
    expect(system).toContain('never instructions')

    const prompt = req.promptText
    const inside = prompt.slice(prompt.indexOf('<page>'), prompt.indexOf('</page>'))
    expect(inside).toContain('Title: Acme Roasters | Home')
    expect(inside).toContain('Description: Acme Roasters roasts single-origin coffee')
    expect(inside).toContain('independent roaster sourcing beans directly from farmers')
    expect(inside).toContain('- Direct trade and fair prices for growers')
    for (const noise of [
      'SCRIPT-NOISE',
      'NAV-NOISE',
      'FOOTER-NOISE',
      'NOSCRIPT-NOISE',
      'secret-style',
    ]) {
      expect(prompt).not.toContain(noise)
    }
  })

  test('uiLanguage en renders the Markdown profile in English', async () => {
    gemini.enqueue({ json: acmeAnalysis() })
    const { app } = brandApp(fakes)
    const body = (await (
      await analyze(app, { url: `${origin}/`, uiLanguage: 'en' })
    ).json()) as AnalyzeResponse
    expect(body.textProfile).toContain('## Brand overview')
    expect(body.textProfile).toContain('**Industry:** Specialty coffee')
    expect(body.textProfile).not.toContain('品牌概述')
  })

  test('Custom Search adds images: site:<hostname>, image search, safe search, key in a header', async () => {
    site.addBrand('www.brand-a.test', { name: 'Acme Roasters', seed: 'a' })
    cse.setLinks([
      `${site.origin('brand-a.test')}/cse-logo.png`,
      `${site.origin('brand-a.test')}/og.png`,
    ])
    site.route(
      'brand-a.test',
      '/cse-logo.png',
      () => new Response(png(300, 100, 'cse-logo-a'), { headers: { 'Content-Type': 'image/png' } })
    )
    gemini.enqueue({ json: acmeAnalysis() })
    const { app } = brandApp(fakes, { cse: true })
    const res = await analyze(app, { url: `www.brand-a.test:${site.port}/?utm=x` })
    // No scheme given: https is assumed, and the fake site speaks http only.
    expect(res.status).toBe(502)
    expect(cse.requests).toHaveLength(0)

    gemini.reset()
    gemini.enqueue({ json: acmeAnalysis() })
    const ok = await analyze(app, { url: `http://www.brand-a.test:${site.port}/` })
    expect(ok.status).toBe(200)
    const body = (await ok.json()) as AnalyzeResponse
    const [request] = cse.requests
    expect(request?.query.get('q')).toBe('site:brand-a.test')
    expect(request?.query.get('searchType')).toBe('image')
    expect(request?.query.get('safe')).toBe('active')
    expect(request?.query.get('cx')).toBe('cx-test')
    expect(request?.query.get('key')).toBeNull()
    expect(request?.headers['x-goog-api-key']).toBe(CSE_KEY)
    // The search result with "logo" in its URL is a logo; og.png was already found on the page
    // and is stored once.
    expect(body.assets.logos.map((a) => a.sourceUrl)).toContain(
      `${site.origin('brand-a.test')}/cse-logo.png`
    )
    expect(body.assets.images.filter((a) => a.sourceUrl.endsWith('/og.png'))).toHaveLength(1)
  })

  test('a failing image search is a warning, not a failure', async () => {
    cse.failWith(403)
    gemini.enqueue({ json: acmeAnalysis() })
    const { app, logLines } = brandApp(fakes, { cse: true })
    const res = await analyze(app, { url: `${site.origin('brand-b.test')}/` })
    expect(res.status).toBe(200)
    const body = (await res.json()) as AnalyzeResponse
    expect(body.warnings).toContainEqual({
      code: 'image_search_failed',
      params: {},
      message: 'Image search failed; only images from the page itself are included.',
    })
    expect(body.assets.logos.length).toBeGreaterThan(0)
    expect(logLines.join('\n')).not.toContain(CSE_KEY)
  })
})
