import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { silentLogger } from '../../server/core/logger'
import type { AnalyzeResponse } from '../../server/features/brand/schemas'
import { createGcsStore } from '../../server/storage/gcs-store'
import { startFakeGcs } from '../support/fake-gcs'
import { png } from '../support/fake-site'
import { acmeAnalysis, analyze, brandApp, startBrandFakes } from './harness'

const fakes = await startBrandFakes()
const gcs = await startFakeGcs()
afterAll(() => {
  fakes.stop()
  gcs.stop()
})
beforeEach(() => {
  fakes.gemini.reset()
  gcs.reset()
})

const BUCKET = 'brand-media'
const gcsApp = () =>
  brandApp(fakes, {
    deps: {
      store: createGcsStore({
        bucket: BUCKET,
        endpoint: gcs.url,
        log: silentLogger,
        retry: { minDelayMs: 5 },
      }),
    },
  })

async function analyzed(app: ReturnType<typeof gcsApp>['app'], host: string) {
  fakes.gemini.enqueue({ json: acmeAnalysis() })
  const res = await analyze(app, { url: `${fakes.site.origin(host)}/` })
  expect(res.status).toBe(200)
  return (await res.json()) as AnalyzeResponse
}

describe('POST /api/analyze: happy path on the Cloud Storage store (fake JSON API)', () => {
  test('assets land in the bucket under content-addressed keys, private, and /media serves them', async () => {
    const { app } = gcsApp()
    const body = await analyzed(app, 'brand-a.test')
    const all = [...body.assets.logos, ...body.assets.images]
    expect(body.assets.logos.length).toBe(3)
    expect(body.assets.images.length).toBe(4)

    for (const asset of all) {
      const object = gcs.objects.get(`${BUCKET}/media/${asset.media.id}`)
      expect(object?.contentType).toBe(asset.mimeType)
      expect(object?.bytes.byteLength).toBe(asset.size)
    }
    const logo = body.assets.logos[0]
    expect(gcs.objects.get(`${BUCKET}/media/${logo?.media.id}`)?.bytes).toEqual(
      png(64, 32, 'logo-a')
    )

    // Nothing is made public: no ACL on uploads, no ACL calls.
    for (const request of gcs.requests) {
      expect(request.query.get('predefinedAcl')).toBeNull()
      expect(request.path).not.toContain('/acl')
    }

    const media = await app.request(logo?.media.url ?? '')
    expect(media.status).toBe(200)
    expect(new Uint8Array(await media.arrayBuffer())).toEqual(png(64, 32, 'logo-a'))
    expect(media.headers.get('cache-control')).toContain('immutable')

    // The SVG found on the page (it carries a <script>) is never served as a live document: a
    // download, under a policy where inline script cannot run.
    const svg = body.assets.images.find((a) => a.mimeType === 'image/svg+xml')
    const svgResponse = await app.request(svg?.media.url ?? '')
    expect(svgResponse.headers.get('content-disposition')).toBe('attachment')
    const csp = svgResponse.headers.get('content-security-policy') ?? ''
    expect(csp === 'sandbox' || /script-src 'self'(;|$)/.test(csp)).toBe(true)
  })

  test('two brands with the same asset paths keep separate objects in the bucket', async () => {
    const { app } = gcsApp()
    const a = await analyzed(app, 'brand-a.test')
    const b = await analyzed(app, 'brand-b.test')
    const idA = a.assets.logos[0]?.media.id
    const idB = b.assets.logos[0]?.media.id
    expect(idA).not.toBe(idB)
    expect(gcs.objects.get(`${BUCKET}/media/${idA}`)?.bytes).toEqual(png(64, 32, 'logo-a'))
    expect(gcs.objects.get(`${BUCKET}/media/${idB}`)?.bytes).toEqual(png(64, 32, 'logo-b'))
  })
})
