/**
 * The exported HTML page escapes the model's title and description and makes media links
 * absolute; file names are safe; Google's search suggestions are read from either place a
 * response may carry them, and shown in a document of their own.
 */
import { describe, expect, test } from 'bun:test'
import {
  searchEntryPointsOf,
  sourceLabel,
  suggestionsDocument,
} from '../../client/src/components/grounding/grounding'
import {
  articleHtmlPage,
  escapeHtml,
  fileNameFor,
  languageTag,
} from '../../client/src/features/seo/publish/export'

describe('article HTML page', () => {
  test('escapes the title, description and language, and resolves /media/ links', () => {
    const page = articleHtmlPage({
      title: '</title><script>alert(1)</script>',
      description: '"><img onerror=x>',
      lang: 'en"><x',
      bodyHtml: '<p><img src="/media/abc.png" alt="a"></p>',
      origin: 'https://studio.example',
    })
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(page).toContain('content="&quot;&gt;&lt;img onerror=x&gt;"')
    expect(page).toContain('<html lang="en&quot;&gt;&lt;x">')
    expect(page).toContain('src="https://studio.example/media/abc.png"')
    expect(page.match(/<script/g)).toBeNull()
  })

  test('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
    )
  })

  test('file names are kebab-case ASCII, never empty', () => {
    expect(fileNameFor('pour-over-coffee', 'md')).toBe('pour-over-coffee.md')
    expect(fileNameFor('../../etc/passwd', 'html')).toBe('etc-passwd.html')
    expect(fileNameFor('咖啡', 'md')).toBe('article.md')
    expect(languageTag('Chinese')).toBe('zh-CN')
    expect(languageTag('Klingon')).toBe('en')
  })
})

describe('grounding display', () => {
  test("suggestions are read from the answer's searchEntryPoints, each once, empty ones left out", () => {
    expect(
      searchEntryPointsOf({ searchEntryPoints: ['<div>a</div>', ' ', '<div>a</div>', 3] })
    ).toEqual(['<div>a</div>'])
    expect(searchEntryPointsOf({ sources: [] })).toEqual([])
    expect(searchEntryPointsOf(null)).toEqual([])
  })

  test('a source is labelled by its domain, never by the redirect it links through', () => {
    const redirect = 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/abc'
    expect(sourceLabel({ title: 'coffee.example', url: redirect })).toBe('coffee.example')
    expect(sourceLabel({ title: '', domain: 'tea.example', url: redirect })).toBe('tea.example')
    expect(sourceLabel({ title: '', url: redirect })).toBe('')
    expect(sourceLabel({ title: '', url: 'https://www.direct.example/page' })).toBe(
      'direct.example'
    )
  })

  test('the suggestions document opens links in a new tab, allows no script, keeps the HTML as sent', () => {
    const doc = suggestionsDocument('<a href="https://www.google.com/search?q=x">x</a>')
    expect(doc).toContain('<base target="_blank">')
    expect(doc).toContain("default-src 'none'")
    expect(doc).not.toContain('script-src')
    expect(doc).toContain('<a href="https://www.google.com/search?q=x">x</a>')
  })
})
