/** What counts as an embedded image in a saved document (the refusal itself: library-contract). */
import { expect, test } from 'bun:test'
import {
  BASE64_RUN_ANYWHERE,
  BASE64_RUN_IN_IMAGE_FIELD,
  findInlineMedia,
} from '../../server/features/library/schemas/inline-media'
import { renderedContentFor } from '../support/fake-gemini'
import { realisticSearchSuggestions } from '../support/search-entry-point'

const fields = (value: unknown) => findInlineMedia(value).map((i) => i.field)

test('a data: URL anywhere, in any field, is found with its path', () => {
  expect(fields({ a: { b: ['ok', 'see data:image/svg+xml,<svg/>'] } })).toEqual(['a.b.1'])
  expect(fields({ note: 'DATA:image/png;base64,AAAA' })).toEqual(['note'])
})

test('a long base64 run in an image field is found; a shorter one is not', () => {
  const run = (n: number) => 'A'.repeat(n)
  expect(fields({ logo: run(BASE64_RUN_IN_IMAGE_FIELD) })).toEqual(['logo'])
  expect(fields({ imageData: run(BASE64_RUN_IN_IMAGE_FIELD - 1) })).toEqual([])
})

test('outside image fields only a very long run counts', () => {
  expect(fields({ summary: 'A'.repeat(BASE64_RUN_IN_IMAGE_FIELD * 2) })).toEqual([])
  expect(fields({ summary: 'A'.repeat(BASE64_RUN_ANYWHERE) })).toEqual(['summary'])
})

test('ordinary content is not flagged: links, media ids, long prose in any script', () => {
  expect(
    fields({
      src: 'https://cdn.example.com/images/2026/11/hero-image-final-version.png?w=1200&h=630',
      mediaId: `${'a'.repeat(64)}.png`,
      markdown: `![hero](/media/${'b'.repeat(64)}.webp)\n\n${'这是一段很长的中文内容。'.repeat(500)}`,
      text: 'word '.repeat(5000),
    })
  ).toEqual([])
})

test('Google’s search suggestions are markup, not embedded media: the fake’s and a full-size one', () => {
  const queries = ['pour over coffee', '手冲咖啡 比例', 'best pour over kettle 2026']
  const full = realisticSearchSuggestions(queries)
  expect(full.length).toBeGreaterThan(4000)
  expect(full).toContain('<svg')
  expect(
    fields({
      steps: {
        diagnosis: { searchEntryPoints: [renderedContentFor(queries), full] },
        research: { searchEntryPoints: [full] },
      },
    })
  ).toEqual([])
})
