import { describe, expect, test } from 'bun:test'
import {
  getKnowledgeDoc,
  type KnowledgeHit,
  knowledgePromptBlock,
  searchKnowledge,
  toKnowledgeRefs,
} from '../../../server/features/seo/knowledge'
import { bestPassage, clip } from '../../../server/features/seo/knowledge/excerpt'
import { industryTagsFor } from '../../../server/features/seo/knowledge/industries'
import { expandQuery } from '../../../server/features/seo/knowledge/query-expansion'
import { termsOf } from '../../../server/features/seo/knowledge/text-analysis'

const ids = (hits: KnowledgeHit[]) => hits.map((h) => h.id)

describe('retrieval on known queries', () => {
  test('a metadata question finds the titles and meta descriptions guide first, at its passage', async () => {
    const hits = await searchKnowledge({ topic: 'title tag length meta description' })
    expect(hits[0]?.id).toBe('titles-meta-descriptions-slugs')
    expect(hits[0]?.excerpt).toMatch(/characters/)
    expect(hits[0]?.url).toBe('/api/seo/knowledge/titles-meta-descriptions-slugs')
  })

  test('a coffee e-commerce project asking about category pages gets the e-commerce notes', async () => {
    const hits = await searchKnowledge({
      industry: 'Specialty coffee e-commerce',
      topic: 'product category pages',
    })
    expect(ids(hits)[0]).toBe('ecommerce-seo')
    expect(hits[0]?.excerpt.toLowerCase()).toContain('category')
  })

  test('YMYL medical trust finds the health/finance notes and E-E-A-T', async () => {
    const found = ids(await searchKnowledge({ topic: 'YMYL medical content trust' }))
    expect(found[0]).toBe('ymyl-health-finance')
    expect(found).toContain('eeat')
  })

  test('Chinese queries find English notes through the term table, and Baidu by its own words', async () => {
    expect(ids(await searchKnowledge({ topic: '标题和元描述怎么写' }))[0]).toBe(
      'titles-meta-descriptions-slugs'
    )
    expect(ids(await searchKnowledge({ topic: '百度收录和抓取' }))[0]).toBe('baidu-china-seo')
    expect(ids(await searchKnowledge({ industry: '跨境电商', topic: '内链怎么做' }))[0]).toBe(
      'internal-linking'
    )
  })

  test.each([
    ['internal links and anchor text', 'internal-linking'],
    ['image alt text', 'images-alt-text'],
    ['which content type fits the search intent', 'search-intent-content-types'],
    ['Flesch readability of short sentences', 'readability'],
    ['keyword research and topic clusters', 'keyword-research-topic-clusters'],
    ['core web vitals and canonical tags', 'technical-seo-basics'],
    ['AI overviews and AI-generated content', 'ai-search-helpful-content'],
    ['recipe structured data and menus', 'food-beverage-seo'],
    ['hotel booking pages and destination guides', 'travel-hospitality-seo'],
    ['Google Business Profile reviews', 'local-services-seo'],
    ['comparison and integration pages for software', 'saas-b2b-seo'],
    ['experience expertise authoritativeness', 'eeat'],
  ])('"%s" -> %s first', async (topic, expected) => {
    expect(ids(await searchKnowledge({ topic }))[0]).toBe(expected)
  })

  test('prefix and light fuzzy matching: "readab" and "metdata" still find their guides', async () => {
    expect(ids(await searchKnowledge({ topic: 'readab' }))).toContain('readability')
    expect(ids(await searchKnowledge({ topic: 'metdata' }))).toContain(
      'titles-meta-descriptions-slugs'
    )
  })
})

describe('industry-aware ranking', () => {
  test('notes for the project industry and for all industries come before other industries', async () => {
    const topic = 'customer reviews'
    expect(ids(await searchKnowledge({ topic }))[0]).toBe('local-services-seo')

    const hits = await searchKnowledge({ industry: 'B2B SaaS', topic, limit: 10 })
    const favoured = await Promise.all(
      hits.map(async (hit) => {
        const doc = await getKnowledgeDoc(hit.id)
        return ['all', 'saas', 'b2b'].some((tag) => doc?.industries.includes(tag))
      })
    )
    // Other industries' notes still appear, but only after every favoured one.
    expect(favoured).toContain(false)
    expect(favoured).toEqual([...favoured].sort((a, b) => Number(b) - Number(a)))
    expect(ids(hits).indexOf('saas-b2b-seo')).toBeLessThan(ids(hits).indexOf('local-services-seo'))
  })

  test('a broad question keeps the last place for the industry note', async () => {
    const topic = 'content SEO audit E-E-A-T topical authority search intent internal linking'
    const general = ids(await searchKnowledge({ topic, limit: 4 }))
    expect(general).not.toContain('ecommerce-seo')
    expect(general).not.toContain('food-beverage-seo')
    const hits = ids(
      await searchKnowledge({ industry: 'Specialty coffee e-commerce', topic, limit: 4 })
    )
    expect(hits.slice(0, 3)).toEqual(general.slice(0, 3))
    expect(['ecommerce-seo', 'food-beverage-seo']).toContain(hits[3] ?? '')
  })

  test('an industry alone is a query', async () => {
    expect(ids(await searchKnowledge({ industry: 'Dental clinic', topic: ' ' }))).toContain(
      'local-services-seo'
    )
  })

  test.each([
    ['Specialty coffee e-commerce', ['ecommerce', 'food-beverage']],
    ['跨境电商', ['ecommerce']],
    ['Boutique hotel in Lisbon', ['travel', 'hospitality']],
    ['Dental clinic', ['local-services', 'healthcare']],
    ['B2B SaaS for logistics', ['saas', 'b2b']],
    ['在线教育', ['education']],
    ['Apparel brand', ['fashion']],
    ['Team collaboration tools', []],
    ['Coffee shop', ['food-beverage']],
    ['', []],
  ])('industry "%s" maps to %p', (industry, tags) => {
    expect<string[]>(industryTagsFor(industry).sort()).toEqual([...tags].sort())
  })
})

describe('hits', () => {
  test('are one per document, limited (3 by default), with excerpts of at most 1200 characters', async () => {
    const topic = 'pages content links search keyword guide'
    const three = await searchKnowledge({ topic })
    expect(three).toHaveLength(3)
    const many = await searchKnowledge({ topic, limit: 10 })
    expect(many).toHaveLength(10)
    expect(new Set(ids(many)).size).toBe(10)
    for (const hit of many) {
      expect(hit.excerpt.length).toBeGreaterThan(50)
      expect(hit.excerpt.length).toBeLessThanOrEqual(1200)
      expect(hit.excerpt).not.toStartWith('---')
    }
    expect(many.map((h) => h.score)).toEqual([...many.map((h) => h.score)].sort((a, b) => b - a))
  })

  test('the limit is clamped to 1..10, and a huge topic is bounded rather than refused', async () => {
    expect(await searchKnowledge({ topic: 'internal linking', limit: 0 })).toHaveLength(1)
    expect((await searchKnowledge({ topic: 'page', limit: 500 })).length).toBeLessThanOrEqual(10)
    const hits = await searchKnowledge({ topic: `meta description ${'lorem ipsum '.repeat(5000)}` })
    expect(hits[0]?.id).toBe('titles-meta-descriptions-slugs')
  })

  test('nothing is returned for an empty query or one that matches nothing', async () => {
    expect(await searchKnowledge({ topic: '  ' })).toEqual([])
    expect(await searchKnowledge({ topic: 'zzqxv wkjhg' })).toEqual([])
  })
})

describe('excerpts', () => {
  const long = {
    key: 'd#1',
    docId: 'd',
    index: 1,
    heading: 'Heading',
    text: [
      'Alpha intro sentence. '.repeat(30),
      'Beta paragraph about canonical tags. '.repeat(10),
      'Gamma closing words. '.repeat(30),
    ].join('\n\n'),
  }

  test('a long section is cut to the paragraph that mentions the query terms', () => {
    const passage = bestPassage(long, termsOf('canonical'), 600)
    expect(passage.length).toBeLessThanOrEqual(600)
    expect(passage).toStartWith('Heading\nBeta paragraph')
  })

  test('clip ends at a sentence when it can, else at a word with an ellipsis', () => {
    expect(clip('One two three. Four five six seven.', 22)).toBe('One two three.')
    expect(clip('word '.repeat(20), 22)).toBe('word word word word…')
  })
})

test('Chinese SEO terms add their English equivalents to the query', () => {
  expect(expandQuery('内链 锚文本')).toContain('internal linking')
  expect(expandQuery('alternatives to X')).toBe('alternatives to X')
})

describe('prompt block and references', () => {
  const hit = (n: number): KnowledgeHit => ({
    id: `doc-${n}`,
    title: `Title ${n}`,
    summary: `Summary ${n}`,
    url: `/api/seo/knowledge/doc-${n}`,
    excerpt: `Excerpt ${n}`,
    score: 10 - n,
  })

  test('labels hits [K1], [K2] in order inside <knowledge> and asks for citations', () => {
    expect(knowledgePromptBlock([hit(1), hit(2)])).toBe(
      '<knowledge>\n[K1] Title 1\nExcerpt 1\n\n[K2] Title 2\nExcerpt 2\n</knowledge>\n' +
        'Cite these as [K1], [K2] where you use them.'
    )
  })

  test('is empty without hits', () => {
    expect(knowledgePromptBlock([])).toBe('')
  })

  test('references keep the order and drop excerpt and score', () => {
    expect(toKnowledgeRefs([hit(2), hit(1)])).toEqual([
      { id: 'doc-2', title: 'Title 2', summary: 'Summary 2', url: '/api/seo/knowledge/doc-2' },
      { id: 'doc-1', title: 'Title 1', summary: 'Summary 1', url: '/api/seo/knowledge/doc-1' },
    ])
  })
})
