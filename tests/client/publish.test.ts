/**
 * The exported HTML page escapes the model's title and description and makes media links
 * absolute; file names are safe; Google's search suggestions are read from either place a
 * response may carry them, and shown in a document of their own.
 */
import { describe, expect, test } from 'bun:test'
import { searchEntryPointOf, suggestionsDocument } from '../../client/src/features/seo/grounding'
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

describe('search suggestions', () => {
  test('are read from searchEntryPoint (string or object) or grounding.searchEntryPoint', () => {
    expect(searchEntryPointOf({ searchEntryPoint: '<div>chips</div>' })).toBe('<div>chips</div>')
    expect(searchEntryPointOf({ searchEntryPoint: { renderedContent: '<b>x</b>' } })).toBe(
      '<b>x</b>'
    )
    expect(searchEntryPointOf({ grounding: { searchEntryPoint: '<i>y</i>' } })).toBe('<i>y</i>')
    expect(searchEntryPointOf({ searchEntryPoint: '  ' })).toBeUndefined()
    expect(searchEntryPointOf({ sources: [] })).toBeUndefined()
    expect(searchEntryPointOf(null)).toBeUndefined()
  })

  test('their document opens links in a new tab and keeps the HTML as Google sent it', () => {
    const doc = suggestionsDocument('<a href="https://www.google.com/search?q=x">x</a>')
    expect(doc).toContain('<base target="_blank">')
    expect(doc).toContain('<a href="https://www.google.com/search?q=x">x</a>')
  })
})
