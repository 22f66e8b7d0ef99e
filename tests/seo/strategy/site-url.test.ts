import { describe, expect, test } from 'bun:test'
import { normaliseSiteUrl, sameSite, siteKey } from '../../../server/features/seo/strategy/site-url'

describe('website addresses', () => {
  test('bare domains get https; paths and queries are kept, fragments dropped', () => {
    expect(normaliseSiteUrl('northwind.de')).toBe('https://northwind.de')
    expect(normaliseSiteUrl(' https://Shop.Example.com:8443/a/b?x=1#frag ')).toBe(
      'https://shop.example.com:8443/a/b?x=1'
    )
    expect(normaliseSiteUrl('(example.org).')).toBe('https://example.org')
  })

  test('non-sites are refused', () => {
    for (const input of [
      '',
      'hello',
      'a b.com',
      'mailto:x@y.com',
      'file:///etc/passwd',
      '10.0.0.1',
    ])
      expect(normaliseSiteUrl(input)).toBeNull()
  })

  test('hostile input is handled in linear time (no backtracking regexes)', () => {
    const inputs = [
      `${'a.'.repeat(1000)}!`,
      `https://${'a'.repeat(2000)}`,
      `${'.'.repeat(5000)}x`,
      `www.${'-a'.repeat(1500)}.com${'/'.repeat(500)}`,
    ]
    const started = performance.now()
    for (let i = 0; i < 100; i++) for (const input of inputs) normaliseSiteUrl(input)
    expect(performance.now() - started).toBeLessThan(500)
  })

  test('sites compare without www and include subdomains', () => {
    expect(siteKey('https://www.brand.com/x')).toBe('brand.com')
    expect(sameSite('brand.com', 'https://blog.brand.com/post')).toBe(true)
    expect(sameSite('brand.com', 'otherbrand.com')).toBe(false)
  })
})
