import { afterAll, beforeEach, describe, expect, test } from 'bun:test'
import { charLength, toSlug, trimToLimit } from '../../../server/features/seo/writing/text-limits'
import { buildTestApp, postJson } from '../../support/app'
import { startFakeGemini } from '../../support/fake-gemini'
import { brief, dataUriImage, germanArticle, systemText } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
beforeEach(() => gemini.reset())
const { app } = buildTestApp({ geminiUrl: gemini.url })

const good = {
  seoTitle: 'Espresso zu Hause: der komplette Leitfaden',
  seoDescription:
    'Espresso zu Hause wie im Café: Ausrüstung, Bohnen, Mahlgrad und Extraktion Schritt für Schritt erklärt.',
  slug: 'espresso-zu-hause-leitfaden',
  tags: ['Espresso', 'Kaffee', 'Mahlgrad', 'Barista'],
}
const longTitle =
  'Espresso zu Hause: der komplette Leitfaden für Einsteiger und Fortgeschrittene mit Tipps'
const longDescription = `${'Espresso zu Hause gelingt mit der richtigen Mühle, frischen Bohnen und Geduld beim Einstellen. '.repeat(3)}`

describe('POST /api/seo/generate-metadata', () => {
  test('reads the whole article (images stripped) in JSON mode and returns title, description, slug, tags', async () => {
    const tail = 'Das ist der allerletzte Satz des Artikels.'
    const long = `${germanArticle}\n\n${dataUriImage('Bild', 8)}\n\n${'Mehr Text über Espresso. '.repeat(400)}\n\n${tail}`
    expect(long.length).toBeGreaterThan(10_000)
    gemini.enqueue({ json: good })
    const res = await postJson(app, '/api/seo/generate-metadata', { article: long, brief })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(good)
    const req = gemini.last()!
    expect(req.promptText).toContain(tail)
    expect(req.promptText).not.toContain('data:image')
    expect(req.body.generationConfig.responseJsonSchema.required).toEqual([
      'seoTitle',
      'seoDescription',
      'slug',
      'tags',
    ])
    expect(systemText(req)).toContain('metadata) in German')
    expect(req.promptText).toContain('at most 60 characters')
    expect(req.promptText).toContain('at most 160 characters')
  })

  test('too long twice: re-asked with the exact problem, then trimmed at a word boundary', async () => {
    const answer = { ...good, seoTitle: longTitle, seoDescription: longDescription }
    gemini.enqueue({ json: answer }, { json: answer })
    const res = await postJson(app, '/api/seo/generate-metadata', { article: germanArticle, brief })
    expect(res.status).toBe(200)
    const meta = await res.json()
    const calls = gemini.calls('generateContent')
    expect(calls).toHaveLength(2)
    expect(calls[1]!.promptText).toContain(
      `seoTitle has ${charLength(longTitle)} characters; the maximum is 60.`
    )
    expect(calls[1]!.promptText).toContain('seoDescription has')
    expect(charLength(meta.seoTitle)).toBeLessThanOrEqual(60)
    expect(charLength(meta.seoDescription)).toBeLessThanOrEqual(160)
    expect(meta.seoTitle).toBe('Espresso zu Hause: der komplette Leitfaden für Einsteiger')
    expect(longTitle.startsWith(meta.seoTitle)).toBe(true)
    expect(longTitle[meta.seoTitle.length]).toBe(' ')
    expect(longDescription.startsWith(meta.seoDescription)).toBe(true)
    expect(longDescription[meta.seoDescription.length]).toMatch(/[\s.]/)
  })

  test('a second answer within the limits is used as it is', async () => {
    gemini.enqueue({ json: { ...good, seoTitle: longTitle } }, { json: good })
    const res = await postJson(app, '/api/seo/generate-metadata', { article: germanArticle, brief })
    expect((await res.json()).seoTitle).toBe(good.seoTitle)
  })

  test('a Chinese title is trimmed between characters and the slug comes from ASCII', async () => {
    const zhTitle =
      '在家制作意式浓缩咖啡的完整指南：从选豆、研磨、填压到萃取的每一个步骤详解以及常见问题的解决办法和器具推荐清单'
    const answer = { ...good, seoTitle: zhTitle, slug: '意式浓缩', tags: ['咖啡', '意式浓缩'] }
    gemini.enqueue({ json: answer }, { json: { ...answer, slug: 'Home Espresso Guide!' } })
    const zhBrief = {
      ...brief,
      targetLanguage: 'Chinese',
      mainKeyword: '意式浓缩咖啡',
      secondaryKeywords: ['研磨'],
    }
    const res = await postJson(app, '/api/seo/generate-metadata', {
      article: '# 标题\n\n正文',
      brief: zhBrief,
    })
    const meta = await res.json()
    expect(meta.seoTitle).toBe([...zhTitle].slice(0, 60).join(''))
    expect(meta.slug).toBe('home-espresso-guide')
    expect(meta.tags).toEqual(['咖啡', '意式浓缩', '意式浓缩咖啡'])
    expect(gemini.calls()[1]!.promptText).toContain('slug must be lowercase ASCII')
  })

  test('tags are de-duplicated, at most 5, and completed from the brief keywords', async () => {
    gemini.enqueue({
      json: { ...good, tags: ['#Espresso', 'espresso', 'Kaffee', 'A', 'B', 'C', 'D'] },
    })
    const res = await postJson(app, '/api/seo/generate-metadata', { article: germanArticle, brief })
    expect((await res.json()).tags).toEqual(['Espresso', 'Kaffee', 'A', 'B', 'C'])
  })
})

describe('trimToLimit', () => {
  test('never over the limit; whole words for spaced text, characters for CJK', () => {
    expect(trimToLimit('short title', 60)).toBe('short title')
    expect(trimToLimit('one two three four', 13)).toBe('one two three')
    expect(trimToLimit('one two three, four', 15)).toBe('one two three')
    expect(trimToLimit('咖啡豆的选择与研磨，', 9)).toBe('咖啡豆的选择与研磨')
    expect(charLength(trimToLimit('😀'.repeat(100), 60))).toBe(60)
  })
})

describe('toSlug', () => {
  test('ASCII kebab-case, transliterating Latin letters', () => {
    expect(toSlug('Espresso zu Hause: der Leitfaden', 'German')).toBe(
      'espresso-zu-hause-der-leitfaden'
    )
    expect(toSlug('Größe & Müll', 'German')).toBe('groesse-and-muell')
    expect(toSlug('Crème brûlée façon', 'French')).toBe('creme-brulee-facon')
    expect(toSlug('意式浓缩')).toBe('')
    const long = toSlug('word '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(75)
    expect(long.endsWith('-')).toBe(false)
  })
})
