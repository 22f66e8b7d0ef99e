import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { CUSTOM_SEARCH_ENDS_ON } from '../../server/features/brand/custom-search'
import { analyzeOk, brandApp, fjordAnalysis, KIT_HOST, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const { gemini, site, cse } = fakes
afterAll(() => fakes.stop())
beforeEach(() => {
  gemini.reset()
  site.clear()
  cse.reset()
})

const kitUrl = `${site.origin(KIT_HOST)}/`

describe('Custom Search is an option, not the source of brand assets', () => {
  test('without its variables no request goes to it, and the assets come from the site itself', async () => {
    const body = await analyzeOk(brandApp(fakes).app, gemini, kitUrl, fjordAnalysis())
    expect(cse.requests).toHaveLength(0)
    expect(body.assets.logos.length).toBeGreaterThan(0)
    expect(body.kit.logo).toBeDefined()
  })

  test('with its variables it is asked once per analysis', async () => {
    await analyzeOk(brandApp(fakes, { cse: true }).app, gemini, kitUrl, fjordAnalysis())
    expect(cse.requests).toHaveLength(1)
  })

  test('from the day the API ends it is no longer asked, even with its variables set', async () => {
    const ended = new Date(`${CUSTOM_SEARCH_ENDS_ON}T00:00:00Z`)
    const { app } = brandApp(fakes, { cse: true, deps: { clock: () => ended } })
    await analyzeOk(app, gemini, kitUrl, fjordAnalysis())
    expect(cse.requests).toHaveLength(0)
  })

  test('/api/capabilities says whether it is set and when it ends', async () => {
    const off = await (await brandApp(fakes).app.request('/api/capabilities')).json()
    expect(off).toMatchObject({ imageSearch: false, imageSearchEndsOn: '2027-01-01' })
    const on = await (await brandApp(fakes, { cse: true }).app.request('/api/capabilities')).json()
    expect(on).toMatchObject({ imageSearch: true, imageSearchEndsOn: CUSTOM_SEARCH_ENDS_ON })
  })
})
