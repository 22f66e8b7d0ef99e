/**
 * The network limits table and the counting it names: X's weighted length as twitter-text's
 * config v3 defines it, the other networks' rules, and the check of a post's every variant.
 */
import { describe, expect, test } from 'bun:test'
import { countCharacters } from '../../server/features/campaigns/counting'
import { NETWORKS } from '../../server/features/campaigns/networks'
import { checkPost, publishedText } from '../../server/features/campaigns/post-check'
import { NETWORK_IDS } from '../../server/features/library/schemas/campaign'

describe('the limits table', () => {
  test('has a row with limits and sources for every network', () => {
    for (const id of NETWORK_IDS) {
      const row = NETWORKS[id]
      expect(row.id).toBe(id)
      expect(row.maxCharacters).toBeGreaterThan(0)
      expect(row.sources.length).toBeGreaterThan(0)
    }
    expect(NETWORKS.x.maxCharacters).toBe(280)
    expect(NETWORKS.instagram.maxHashtags).toBe(5)
    expect(NETWORKS.xiaohongshu.maxTitle).toBe(20)
    expect(NETWORKS.wechat).toMatchObject({ maxTitle: 64, maxDigest: 120, link: 'original' })
  })
})

describe('X counting (twitter-text config v3)', () => {
  test('Latin characters count 1, CJK 2, a URL 23 whatever its length, an emoji 2', () => {
    expect(countCharacters('a'.repeat(280), 'x')).toBe(280)
    expect(countCharacters('咖'.repeat(140), 'x')).toBe(280)
    expect(countCharacters('咖'.repeat(141), 'x')).toBe(282)
    expect(countCharacters('https://example.com/a/very/long/path/that/goes/on', 'x')).toBe(23)
    expect(countCharacters('see https://x.co', 'x')).toBe(4 + 23)
    expect(countCharacters('👍🏽', 'x')).toBe(2)
    expect(countCharacters('‘quoted’ — dash', 'x')).toBe(15)
  })

  test('Weibo counts two half-width characters as one; WeChat titles count Chinese as 2', () => {
    expect(countCharacters('abcd', 'weibo')).toBe(2)
    expect(countCharacters('咖啡ab', 'weibo')).toBe(3)
    expect(countCharacters('咖啡ab', 'wechat-title')).toBe(6)
    expect(countCharacters('咖啡ab', 'chars')).toBe(4)
    expect(countCharacters('😀', 'utf16')).toBe(2)
  })
})

const post = (network: (typeof NETWORK_IDS)[number], body: string, extra = {}) => ({
  network,
  hooks: ['Hook A', 'Hook B is longer'] as string[],
  body,
  hashtags: ['coffee'],
  ...extra,
})

describe('checkPost', () => {
  test('counts the longest variant as published (hook, body, link, hashtags)', () => {
    const p = post('x', 'Body text', {})
    const text = publishedText(p, 1, 'https://example.com/guide')
    expect(text).toBe('Hook B is longer\n\nBody text\n\nhttps://example.com/guide\n\n#coffee')
    const check = checkPost(p, 'https://example.com/guide')
    expect(check).toMatchObject({
      valid: true,
      characters: 16 + 2 + 9 + 2 + 23 + 2 + 7,
      limit: 280,
    })
  })

  test('a post one character over X’s limit is invalid with its numbers', () => {
    const fits = 'a'.repeat(280 - 'Hook B is longer\n\n'.length - '\n\n#coffee'.length)
    expect(checkPost(post('x', fits)).valid).toBe(true)
    const check = checkPost(post('x', `${fits}b`))
    expect(check.valid).toBe(false)
    expect(check.issues).toEqual([
      { code: 'too_long', params: { characters: 281, limit: 280, over: 1 } },
    ])
  })

  test('Xiaohongshu needs two titles within 20 characters and takes no link', () => {
    const missing = checkPost(post('xiaohongshu', '正文'))
    expect(missing.issues.map((i) => i.code)).toEqual(['title_missing'])
    const long = checkPost(
      post('xiaohongshu', '看 https://example.com', {
        titles: ['短标题', '这是一个超过二十个字的非常非常长的小红书标题呀'],
      })
    )
    expect(long.issues.map((i) => i.code)).toEqual(['title_too_long', 'link_not_allowed'])
    expect(long.titleCharacters).toBe(23)
  })

  test('Instagram takes at most 5 hashtags; WeChat none, and a digest of 120', () => {
    const tags = ['a', 'b', 'c', 'd', 'e', 'f']
    expect(checkPost(post('instagram', 'x', { hashtags: tags })).issues).toEqual([
      { code: 'too_many_hashtags', params: { hashtags: 6, limit: 5 } },
    ])
    const wechat = checkPost(
      post('wechat', '正文', { titles: ['标题', '标题二'], hashtags: [], digest: '摘'.repeat(121) })
    )
    expect(wechat.issues.map((i) => i.code)).toEqual(['digest_too_long'])
  })

  test('Weibo writes hashtags as #topic#', () => {
    expect(publishedText(post('weibo', '正文', { hashtags: ['#咖啡'] }), 0)).toBe(
      'Hook A\n\n正文\n\n#咖啡#'
    )
  })
})
