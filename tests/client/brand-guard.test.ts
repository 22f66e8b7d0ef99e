/**
 * The brand check in the client: issues and fixes rendered from their codes in both languages
 * (never the server's English sentence), the "Fix it" instruction, the summary a series item
 * keeps (valid for the saved document), the report, and the store that runs each check once per
 * asset and brand against the real app in-process and the fake Gemini, however often it is asked.
 */
import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { createPinia, setActivePinia } from 'pinia'
import * as v from 'valibot'
import { checkBrand } from '../../client/src/api/brand'
import {
  brandReport,
  fixInstruction,
  fixText,
  issueText,
  keptSummary,
  profileKeyOf,
  scoreTone,
} from '../../client/src/features/brand-guard/check-view'
import { guardMessages } from '../../client/src/features/brand-guard/i18n'
import { articleImages, replaceImage } from '../../client/src/features/seo/article/article-images'
import type { Locale } from '../../client/src/i18n'
import { translateIn } from '../../client/src/i18n/translate'
import { MAX_PARALLEL, useBrandGuardStore } from '../../client/src/stores/brand-guard'
import { KeptBrandCheck } from '../../server/features/library/schemas/brand-check'
import { saveMedia } from '../../server/storage/media'
import {
  ALL_FAIL,
  ALL_PASS,
  captionedPng,
  offPalettePng,
  POOR_CAPTION,
  profileWith,
} from '../brand-guard/support'
import { appFor } from '../image/support'
import { startFakeGemini } from '../support/fake-gemini'

const gemini = await startFakeGemini()
const realFetch = globalThis.fetch
afterAll(() => {
  globalThis.fetch = realFetch
  gemini.stop()
})

let app: ReturnType<typeof appFor>
beforeEach(() => {
  gemini.reset()
  app = appFor(gemini, 'developer')
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    typeof input === 'string' && input.startsWith('/')
      ? app.app.request(input, init)
      : realFetch(input, init)) as typeof fetch
  setActivePinia(createPinia())
})

const tIn = (locale: Locale) => (key: string, params?: Record<string, string | number>) =>
  translateIn(guardMessages, locale, key as never, params)

async function failingCheck() {
  const imageId = (await saveMedia(app.deps.store, captionedPng(POOR_CAPTION), 'image/png')).id
  const offId = (await saveMedia(app.deps.store, offPalettePng(), 'image/png')).id
  gemini.enqueue({ json: ALL_FAIL }, { json: ALL_FAIL })
  return {
    onWithText: await checkBrand({ imageId, profile: profileWith() }),
    off: await checkBrand({ imageId: offId, profile: profileWith() }),
  }
}

describe('check view', () => {
  test('every issue code renders in both languages, with its params and a fix', async () => {
    const { onWithText, off } = await failingCheck()
    const issues = [...onWithText.issues, ...off.issues]
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set([
        'off_palette_color',
        'low_palette_coverage',
        'low_contrast',
        'logo',
        'typography',
        'voice',
        'forbidden',
      ])
    )
    for (const issue of issues) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = issueText(tIn(locale), issue)
        const fix = fixText(tIn(locale), issue)
        expect(text).not.toContain('{')
        expect(fix).not.toContain('{')
        expect(text).not.toStartWith('guard.')
      }
    }
    const off1 = off.issues.find((i) => i.code === 'off_palette_color')!
    expect(issueText(tIn('en'), off1)).toBe(off1.message)
    expect(fixText(tIn('en'), off1)).toBe(off1.fix)
    expect(fixText(tIn('zh-CN'), off1)).toStartWith('将 #')
    expect(fixText(tIn('zh-CN'), off1)).toMatch(/（(主色|强调色|背景色)）/)
  })

  test('the Fix it instruction lists each fix once, in English, within the edit limit', () => {
    const text = fixInstruction([
      { fix: 'Use #1f6f5c.' },
      { fix: 'Use #1f6f5c.' },
      { fix: ' Add the logo. ' },
    ])
    expect(text).toBe(
      'Fix these brand issues and keep everything else (subject, composition, text content) as it is:\n- Use #1f6f5c.\n- Add the logo.'
    )
    expect(
      fixInstruction(Array.from({ length: 400 }, (_, i) => ({ fix: `Fix number ${i} `.repeat(5) })))
    ).toHaveLength(8000)
  })

  test('the summary an item keeps is a valid saved check; the report carries the score', async () => {
    const { off } = await failingCheck()
    const kept = keptSummary(off, 'northwind')
    expect(v.safeParse(KeptBrandCheck, kept).success).toBe(true)
    expect(kept).toMatchObject({
      profileId: 'northwind',
      profileName: 'Northwind Coffee',
      score: off.score.value,
    })
    const report = brandReport(off, {
      kind: 'image',
      id: off.imageId,
      url: `/media/${off.imageId}`,
    })
    expect(report).toMatchObject({
      format: 'ais-studio.brand-report',
      score: off.score,
      brand: off.profile,
    })
    expect(report.issues[0]).toEqual({
      code: off.issues[0]!.code,
      params: off.issues[0]!.params,
      message: off.issues[0]!.message,
      fix: off.issues[0]!.fix,
    })
  })

  test('tones and profile keys', () => {
    expect([scoreTone(91), scoreTone(65), scoreTone(10), scoreTone(null)]).toEqual([
      'good',
      'fair',
      'poor',
      'none',
    ])
    expect(profileKeyOf(profileWith())).toBe(profileKeyOf(profileWith()))
    expect(profileKeyOf(profileWith())).not.toBe(
      profileKeyOf(profileWith(undefined, { brand_name: 'Other' }))
    )
  })

  test('an article’s illustrations, and one replaced by its fix', () => {
    const a = `${'a'.repeat(64)}.png`
    const b = `${'b'.repeat(64)}.png`
    const md = `# T\n\n![One](/media/${a})\n\ntext ![Two](/media/${b}) and ![One again](/media/${a})\n![remote](https://x.test/p.png)`
    expect(articleImages(md)).toEqual([
      { mediaId: a, alt: 'One' },
      { mediaId: b, alt: 'Two' },
    ])
    const c = `${'c'.repeat(64)}.png`
    expect(articleImages(replaceImage(md, a, c)).map((i) => i.mediaId)).toEqual([c, b])
  })
})

describe('brand-guard store', () => {
  test('a check runs once per key, however often it is asked; a failed one can be retried', async () => {
    const store = useBrandGuardStore()
    const imageId = (await saveMedia(app.deps.store, offPalettePng(), 'image/png')).id
    gemini.enqueue({ json: ALL_PASS })
    const task = () => checkBrand({ imageId, profile: profileWith() })
    const [a, b] = await Promise.all([store.run('k1', task), store.run('k1', task)])
    await store.run('k1', task)
    expect(a.state === 'checking' || a.state === 'done').toBe(true)
    expect(b.state === 'checking' || b.state === 'done').toBe(true)
    expect(store.entry('k1')?.state).toBe('done')
    expect(store.requested).toBe(1)
    expect(gemini.calls('generateContent')).toHaveLength(1)

    gemini.enqueue({ status: 503 }, { status: 503 }, { status: 503 })
    const otherId = (await saveMedia(app.deps.store, captionedPng(POOR_CAPTION), 'image/png')).id
    const other = () => checkBrand({ imageId: otherId, profile: profileWith() })
    expect((await store.run('k2', other)).state).toBe('failed')
    expect((await store.run('k2', other)).state).toBe('failed') // not asked again without retry
    expect(store.requested).toBe(2)
    gemini.enqueue({ json: ALL_PASS })
    expect((await store.run('k2', other, { retry: true })).state).toBe('done')
    expect(store.requested).toBe(3)
  })

  test(`at most ${MAX_PARALLEL} checks run at once`, async () => {
    const store = useBrandGuardStore()
    let running = 0
    let peak = 0
    const slow = () =>
      new Promise<never>((_, reject) => {
        running++
        peak = Math.max(peak, running)
        setTimeout(() => {
          running--
          reject(new Error('x'))
        }, 20)
      })
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => store.run(k, slow)))
    expect(peak).toBe(MAX_PARALLEL)
    expect(store.requested).toBe(5)
  })
})
