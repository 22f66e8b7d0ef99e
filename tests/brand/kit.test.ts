import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { BrandKit } from '../../server/features/brand/profile'
import { KIT_LOGO_SVG, KIT_SITE, kitLogoPng } from '../support/fake-kit-site'
import { analyzeOk, brandApp, fjordAnalysis, KIT_HOST, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
})

const origin = site.origin(KIT_HOST)
const C = KIT_SITE.colors
const analyseKitSite = (app = brandApp(fakes).app) =>
  analyzeOk(app, gemini, `${origin}/`, fjordAnalysis())

describe('the brand kit of the fixture site', () => {
  test('colours: theme-color, named CSS variables, the PNG logo and the stylesheet, each with its role', async () => {
    const { kit } = await analyseKitSite()
    expect(kit.colors).toEqual([
      { hex: C.primary, role: 'primary', source: 'theme-color' },
      { hex: C.logo, role: 'secondary', source: 'logo' },
      { hex: C.accent, role: 'accent', source: 'css-variable' },
      { hex: C.background, role: 'background', source: 'css-variable' },
      { hex: C.text, role: 'text', source: 'stylesheet' },
      { hex: C.grey, role: 'neutral', source: 'stylesheet' },
    ])
  })

  test('fonts: heading and body from the CSS, loaded from Google Fonts; the @font-face file resolved against its stylesheet', async () => {
    const { kit } = await analyseKitSite()
    expect(kit.fonts).toEqual([
      {
        family: KIT_SITE.fonts.heading,
        role: 'heading',
        source: 'google-fonts',
        url: KIT_SITE.googleFontsUrl,
      },
      {
        family: KIT_SITE.fonts.body,
        role: 'body',
        source: 'google-fonts',
        url: KIT_SITE.googleFontsUrl,
      },
      {
        family: KIT_SITE.fonts.other,
        role: 'other',
        source: 'font-face',
        url: `${origin}${KIT_SITE.fontFacePath}`,
      },
    ])
  })

  test('logo: the JSON-LD Organization.logo, stored and referenced by media id only', async () => {
    const { app, deps } = brandApp(fakes)
    const body = await analyseKitSite(app)
    expect(body.kit.logo).toEqual({
      mediaId: expect.stringMatching(/^[a-f0-9]{64}\.png$/),
      mimeType: 'image/png',
      width: KIT_SITE.logoPng.width,
      height: KIT_SITE.logoPng.height,
      sourceUrl: `${origin}${KIT_SITE.logoPng.path}`,
    })
    expect(await deps.store.read(`media/${body.kit.logo?.mediaId}`)).toEqual(kitLogoPng())
    expect(JSON.stringify(body.kit)).not.toContain('base64')
  })

  test('the SVG header logo is kept as SVG among the logos', async () => {
    const { app, deps } = brandApp(fakes)
    const body = await analyseKitSite(app)
    const svg = body.assets.logos.find((l) => l.sourceUrl === `${origin}${KIT_SITE.logoSvgPath}`)
    expect(svg?.mimeType).toBe('image/svg+xml')
    expect(svg?.media.id).toEndWith('.svg')
    expect(
      new TextDecoder().decode(
        (await deps.store.read(`media/${svg?.media.id}`)) ?? new Uint8Array()
      )
    ).toBe(KIT_LOGO_SVG)
    // The header logo comes first among the assets; the kit prefers the declared one.
    expect(body.assets.logos[0]?.sourceUrl).toBe(`${origin}${KIT_SITE.logoSvgPath}`)
  })

  test('social: sameAs first, then profile links from every page read; share buttons and repeats left out', async () => {
    const { kit } = await analyseKitSite()
    expect(kit.social).toEqual([
      { network: 'instagram', url: KIT_SITE.sameAs[0] },
      { network: 'linkedin', url: KIT_SITE.sameAs[1] },
      { network: 'en.wikipedia.org', url: KIT_SITE.sameAs[2] },
      { network: 'facebook', url: KIT_SITE.footerSocial },
      { network: 'youtube', url: KIT_SITE.aboutSocial },
    ])
  })

  test('language and market: <html lang>, its region, the currency of a product page, hreflang', async () => {
    const { kit } = await analyseKitSite()
    expect(kit.language).toBe(KIT_SITE.language)
    expect(kit.market).toEqual({
      region: KIT_SITE.region,
      currency: KIT_SITE.currency,
      hreflang: [...KIT_SITE.hreflang],
    })
  })

  test('the kit in the response is the kit in the brand profile, and valid against BrandKit', async () => {
    const body = await analyseKitSite()
    expect(body.brandProfile.globalInfo.kit).toEqual(body.kit)
    expect(v.safeParse(BrandKit, body.kit).success).toBe(true)
  })

  test('the same site always gives the same kit', async () => {
    const first = await analyseKitSite()
    const second = await analyseKitSite()
    expect(second.kit).toEqual(first.kit)
  })
})

describe('logo colours from an SVG', () => {
  test('an SVG-only logo gives the colours it paints, most used first', async () => {
    const host = 'vector-only.test'
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#0B3D2E"/><rect style="fill:#0b3d2e;stroke:#F2C14E"/><rect fill="none"/></svg>`
    site.route(
      host,
      '/logo.svg',
      () => new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } })
    )
    site.route(
      host,
      '/',
      () =>
        new Response(
          `<html><head><title>Vector Only</title></head><body><header><img class="logo" src="/logo.svg" alt="Vector Only"></header><main><h1>Vector Only</h1><p>${'We draw maps of mountain trails for hikers and ski tourers. '.repeat(12)}</p></main></body></html>`,
          { headers: { 'Content-Type': 'text/html' } }
        )
    )
    const { kit } = await analyzeOk(brandApp(fakes).app, gemini, `${site.origin(host)}/`)
    expect(kit.logo?.mimeType).toBe('image/svg+xml')
    expect(kit.colors).toEqual([
      { hex: '#0b3d2e', role: 'primary', source: 'logo' },
      { hex: '#f2c14e', role: 'secondary', source: 'logo' },
    ])
  })
})
