import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import type { AnalyzeResponse } from '../../server/features/brand/schemas'
import { png } from '../support/fake-site'
import { acmeAnalysis, analyze, brandApp, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site, cse } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
  cse.reset()
})

async function analyzed(app: ReturnType<typeof brandApp>['app'], url: string) {
  gemini.enqueue({ json: acmeAnalysis() })
  const res = await analyze(app, { url })
  expect(res.status).toBe(200)
  return (await res.json()) as AnalyzeResponse
}

describe('brand assets in the store', () => {
  test('two brands with the same asset paths never overwrite each other', async () => {
    const { app, deps } = brandApp(fakes)
    const a = await analyzed(app, `${site.origin('brand-a.test')}/`)
    const b = await analyzed(app, `${site.origin('brand-b.test')}/`)

    const logoA = a.assets.logos.find((x) => x.sourceUrl.endsWith('/logo.png'))
    const logoB = b.assets.logos.find((x) => x.sourceUrl.endsWith('/logo.png'))
    expect(logoA?.media.id).toBeString()
    expect(logoB?.media.id).toBeString()
    expect(logoA?.media.id).not.toBe(logoB?.media.id)
    // Brand A's object still holds brand A's bytes after brand B was stored.
    expect(await deps.store.read(`media/${logoA?.media.id}`)).toEqual(png(64, 32, 'logo-a'))
    expect(await deps.store.read(`media/${logoB?.media.id}`)).toEqual(png(64, 32, 'logo-b'))

    const idsA = new Set([...a.assets.logos, ...a.assets.images].map((x) => x.media.id))
    const idsB = [...b.assets.logos, ...b.assets.images].map((x) => x.media.id)
    expect(idsB.filter((id) => idsA.has(id))).toEqual([])
  })

  test('analysing the same brand twice reuses the same objects', async () => {
    const { app, deps } = brandApp(fakes)
    const first = await analyzed(app, `${site.origin('brand-b.test')}/`)
    const before = (await deps.store.list('media/')).items.length
    const second = await analyzed(app, `${site.origin('brand-b.test')}/`)
    expect(second.assets.logos.map((x) => x.media.id)).toEqual(
      first.assets.logos.map((x) => x.media.id)
    )
    expect((await deps.store.list('media/')).items.length).toBe(before)
  })

  test('the same bytes found under two addresses are listed once', async () => {
    const bytes = png(200, 200, 'shared')
    for (const path of ['/same-1.png', '/same-2.png']) {
      site.route(
        'dup.test',
        path,
        () => new Response(bytes, { headers: { 'Content-Type': 'image/png' } })
      )
    }
    site.addBrand('dup.test', {
      name: 'Dup',
      seed: 'dup',
      extraMain:
        '<img src="/same-1.png" width="400" height="400"><img src="/same-2.png" width="400" height="400">',
    })
    const body = await analyzed(brandApp(fakes).app, `${site.origin('dup.test')}/`)
    const shared = body.assets.images.filter((x) => x.sourceUrl.includes('/same-'))
    expect(shared).toHaveLength(1)
    expect(shared[0]?.sourceUrl).toEndWith('/same-1.png')
  })

  test('downloads run concurrently, at most 4 at a time', async () => {
    let inFlight = 0
    let peak = 0
    const links: string[] = []
    for (let i = 0; i < 10; i++) {
      const path = `/slow-image-${i}.png`
      links.push(`${site.origin('brand-b.test')}${path}`)
      site.route('brand-b.test', path, async () => {
        inFlight++
        peak = Math.max(peak, inFlight)
        await Bun.sleep(40)
        inFlight--
        return new Response(png(120, 120, `slow-${i}`), {
          headers: { 'Content-Type': 'image/png' },
        })
      })
    }
    cse.setLinks(links)
    const body = await analyzed(
      brandApp(fakes, { cse: true }).app,
      `${site.origin('brand-b.test')}/`
    )
    // Concurrent (a sequential loop never has two in flight), never more than four at once. A
    // count, not a time: a bound of 400 ms failed on a busy machine.
    expect(peak).toBe(4)
    // Page images come first; the image list is capped at 10.
    expect(body.assets.images).toHaveLength(10)
    expect(body.assets.images[0]?.sourceUrl).toEndWith('/og.png')
  })
})
