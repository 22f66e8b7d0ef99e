/**
 * Shared set-up for the brand analysis tests: the fake Gemini, a fake website with two
 * single-page brands (same paths, different bytes) and the multi-page brand-kit site, a fake
 * Custom Search and a fake Jina Reader, and an app built on them with a fetch policy that lets
 * only the fake site's `.test` names through.
 */
import type { AppDeps } from '../../server/deps'
import type { AnalyzeResponse, BrandAnalysis } from '../../server/features/brand/schemas'
import { buildTestApp, postJson } from '../support/app'
import { type FakeCse, startFakeCse } from '../support/fake-cse'
import { type FakeGemini, startFakeGemini } from '../support/fake-gemini'
import { type FakeJina, startFakeJina } from '../support/fake-jina'
import { type FakeSite, startFakeSite, testPolicy } from '../support/fake-site'

export const CSE_KEY = 'cse-test-key-0123456789'
/** Where the multi-page brand-kit site (support/fake-kit-site.ts) is served. */
export const KIT_HOST = 'fjord.test'
export const JINA_KEY = 'jina-test-key-0123456789'

// Candidates on brand A's page that must each fail with a warning, not fail the analysis.
export const FAILING_IMAGES = `
<img src="/huge.png" alt="Huge" width="800" height="600">
<img src="/not-an-image.png" alt="Page" width="800" height="600">
<img src="/spoofed.png" alt="Spoofed" width="800" height="600">
<img src="/vector.svg" alt="Vector" width="800" height="600">
<img src="http://10.0.0.1/internal.png" alt="Internal" width="800" height="600">
<img src="/missing.png" alt="Missing" width="800" height="600">`

export interface BrandFakes {
  gemini: FakeGemini
  site: FakeSite
  cse: FakeCse
  jina: FakeJina
  stop(): void
}

export async function startBrandFakes(): Promise<BrandFakes> {
  const [gemini, site, cse, jina] = await Promise.all([
    startFakeGemini(),
    startFakeSite(),
    startFakeCse(),
    startFakeJina(),
  ])
  site.addBrand('brand-a.test', { name: 'Acme Roasters', seed: 'a', extraMain: FAILING_IMAGES })
  site.addBrand('brand-b.test', { name: 'Birch Studio', seed: 'b' })
  site.addKitSite(KIT_HOST)
  return {
    gemini,
    site,
    cse,
    jina,
    stop: () => {
      gemini.stop()
      site.stop()
      cse.stop()
      jina.stop()
    },
  }
}

export interface BrandAppOptions {
  /** Configure the fake Gemini (default true). */
  ai?: boolean
  cse?: boolean
  jina?: boolean
  deps?: Partial<AppDeps>
  /** Extra name -> addresses answers for the test fetch policy. */
  names?: Record<string, string[]>
}

export function brandApp(fakes: BrandFakes, options: BrandAppOptions = {}) {
  return buildTestApp({
    geminiUrl: options.ai === false ? undefined : fakes.gemini.url,
    env: {
      ...(options.cse
        ? { GCP_CSE_API_KEY: CSE_KEY, GCP_CSE_ID: 'cx-test', CSE_ENDPOINT: fakes.cse.endpoint }
        : {}),
      ...(options.jina ? { JINA_API_KEY: JINA_KEY, JINA_READER_URL: fakes.jina.url } : {}),
    },
    deps: {
      fetchPolicy: testPolicy(fakes.site, { names: { 'unknown.example': [], ...options.names } }),
      ...options.deps,
    },
  })
}

export const analyze = (app: Parameters<typeof postJson>[0], body: Record<string, unknown>) =>
  postJson(app, '/api/analyze', body)

/** Analyses `url` with `answer` as the model's reply; fails the test on any status but 200. */
export async function analyzeOk(
  app: Parameters<typeof postJson>[0],
  gemini: FakeGemini,
  url: string,
  answer: BrandAnalysis = acmeAnalysis(),
  uiLanguage?: 'en' | 'zh-CN'
): Promise<AnalyzeResponse> {
  gemini.enqueue({ json: answer })
  const res = await analyze(app, { url, ...(uiLanguage ? { uiLanguage } : {}) })
  if (res.status !== 200) throw new Error(`analysis answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as AnalyzeResponse
}

/** A complete, valid model answer for the brand-kit site. */
export function fjordAnalysis(over: Partial<BrandAnalysis> = {}): BrandAnalysis {
  return acmeAnalysis({
    brandName: 'Fjord & Pine',
    industry: 'Outdoor clothing',
    suggestedTargetKeywords: ['waxed cotton jacket', 'jacket repair service'],
    ...over,
  })
}

/** A complete, valid model answer for brand A. */
export function acmeAnalysis(over: Partial<BrandAnalysis> = {}): BrandAnalysis {
  return {
    brandName: 'Acme Roasters',
    industry: 'Specialty coffee',
    overview: 'An independent roaster selling direct-trade, roast-to-order coffee.',
    values: ['Direct trade', 'Freshness', 'Compostable packaging'],
    audience: 'Home brewers and specialty cafés who value traceability.',
    voice: { tone: 'Warm and knowledgeable', style: 'Short paragraphs and lists' },
    productsAndServices: ['Single-origin beans', 'Roast-to-order subscriptions'],
    marketPosition: 'Premium small-batch roaster competing on freshness.',
    suggestedTargetKeywords: ['single origin coffee beans', 'fresh roasted coffee delivery'],
    limitedInformation: { isLimited: false, reason: '' },
    ...over,
  }
}
