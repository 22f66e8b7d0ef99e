import { describe, expect, test } from 'bun:test'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { KNOWLEDGE_SOURCES } from '../../../server/features/seo/knowledge/documents'
import {
  KnowledgeFormatError,
  parseKnowledgeDoc,
} from '../../../server/features/seo/knowledge/front-matter'
import { INDUSTRY_TAGS } from '../../../server/features/seo/knowledge/industries'
import { splitSections } from '../../../server/features/seo/knowledge/sections'

const DOCS_DIR = join(import.meta.dir, '../../../server/features/seo/knowledge/docs')
const docs = KNOWLEDGE_SOURCES.map((source) => parseKnowledgeDoc(source.text, source.file))

const wordCount = (markdown: string) => markdown.split(/\s+/).filter(Boolean).length

describe('front matter parser', () => {
  const valid = [
    '---',
    'id: sample-doc',
    'title: "Sample: a title with a colon"',
    "summary: It's one sentence.",
    'topics: [metadata, on-page]',
    'industries:',
    '  - ecommerce',
    "  - 'saas'",
    '---',
    '',
    'Intro paragraph.',
    '',
    '## First section',
    'Body.',
  ].join('\n')

  test('reads scalars, quoted values, inline and block lists, and keeps the body', () => {
    expect(parseKnowledgeDoc(valid, 'sample-doc')).toEqual({
      id: 'sample-doc',
      title: 'Sample: a title with a colon',
      summary: "It's one sentence.",
      topics: ['metadata', 'on-page'],
      industries: ['ecommerce', 'saas'],
      markdown: 'Intro paragraph.\n\n## First section\nBody.',
    })
  })

  test('accepts Windows line endings', () => {
    expect(parseKnowledgeDoc(valid.replaceAll('\n', '\r\n')).id).toBe('sample-doc')
  })

  test.each([
    ['no front matter', 'Just text'],
    ['an unclosed header', '---\nid: x\n'],
    ['a missing field', valid.replace("summary: It's one sentence.\n", '')],
    ['an unknown key', valid.replace('id: sample-doc', 'id: sample-doc\nauthor: someone')],
    ['a repeated key', valid.replace('id: sample-doc', 'id: sample-doc\nid: other')],
    ['a non-kebab id', valid.replace('id: sample-doc', 'id: Sample_Doc')],
    ['an unknown industry', valid.replace("  - 'saas'", '  - aerospace')],
    ['an empty topic list', valid.replace('[metadata, on-page]', '[]')],
    ['a stray list item', valid.replace('topics: [metadata, on-page]', '- metadata')],
    ['an empty body', valid.split('\n').slice(0, 9).join('\n')],
  ])('rejects %s', (_, source) => {
    expect(() => parseKnowledgeDoc(source)).toThrow(KnowledgeFormatError)
  })

  test('rejects an id that differs from the file name, naming the file', () => {
    expect(() => parseKnowledgeDoc(valid, 'other-name')).toThrow(/"other-name".*does not match/)
  })
})

describe('the knowledge documents', () => {
  test('every Markdown file in docs/ is listed in documents.ts, and nothing else', () => {
    const files = readdirSync(DOCS_DIR)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
    expect(KNOWLEDGE_SOURCES.map((s) => s.file).sort()).toEqual(files.sort())
  })

  test('there are at least 14, each with a valid header whose id is its file name', () => {
    expect(docs.length).toBeGreaterThanOrEqual(14)
    for (const [i, doc] of docs.entries()) {
      expect(doc.id).toBe(KNOWLEDGE_SOURCES[i]?.file ?? '')
      expect(doc.summary.length).toBeGreaterThan(20)
      expect(
        doc.industries.every((tag) => (INDUSTRY_TAGS as readonly string[]).includes(tag))
      ).toBe(true)
    }
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length)
  })

  test('each is 400 to 900 words and split into several ## sections', () => {
    for (const doc of docs) {
      const words = wordCount(doc.markdown)
      expect({ id: doc.id, ok: words >= 400 && words <= 900 }).toEqual({ id: doc.id, ok: true })
      expect(splitSections(doc.id, doc.markdown).length).toBeGreaterThanOrEqual(4)
    }
  })

  test('the required topics are covered', () => {
    const topics = new Set(docs.flatMap((d) => d.topics))
    for (const topic of [
      'eeat',
      'on-page',
      'search-intent',
      'content-types',
      'internal-linking',
      'metadata',
      'readability',
      'keyword-research',
      'topic-clusters',
      'images',
      'alt-text',
      'technical',
      'local',
      'ymyl',
      'baidu',
      'ai-search',
    ])
      expect(topics).toContain(topic)
  })

  test('the required industries have their own notes', () => {
    const industries = new Set(docs.flatMap((d) => d.industries))
    for (const industry of [
      'ecommerce',
      'saas',
      'b2b',
      'local-services',
      'healthcare',
      'finance',
      'travel',
      'hospitality',
      'food-beverage',
    ])
      expect(industries).toContain(industry)
    expect(docs.filter((d) => d.industries.includes('all')).length).toBeGreaterThanOrEqual(8)
  })

  test('no document could break the prompt block it is quoted in', () => {
    for (const doc of docs) expect(doc.markdown).not.toMatch(/<\/?knowledge>/i)
  })
})

describe('sections', () => {
  test('split at ## headings, keeping the introduction and ignoring headings in code fences', () => {
    const sections = splitSections(
      'd',
      'Intro\n\n## One\nA\n```\n## not a heading\n```\n## Two ##\nB'
    )
    expect(sections.map((s) => [s.key, s.heading, s.text])).toEqual([
      ['d#0', '', 'Intro'],
      ['d#1', 'One', 'A\n```\n## not a heading\n```'],
      ['d#2', 'Two', 'B'],
    ])
  })
})
