import { describe, expect, test } from 'bun:test'
import { readCss } from '../../server/features/brand/css-facts'
import { readJsonLd } from '../../server/features/brand/json-ld'
import { buildPalette, roleOfVariable } from '../../server/features/brand/kit-colors'
import { buildFonts, googleFontFamilies } from '../../server/features/brand/kit-fonts'
import { svgColors } from '../../server/features/brand/logo-colors'
import { detectMarket, languageName } from '../../server/features/brand/market'
import { choosePages } from '../../server/features/brand/page-choice'
import { MAX_KIT_COLORS } from '../../server/features/brand/profile'
import { socialProfiles } from '../../server/features/brand/social-links'

const css = (text: string) => readCss([{ css: text, baseUrl: 'https://brand.example/css/a.css' }])

describe('readCss', () => {
  test('var() resolves through other variables and fallbacks', () => {
    const facts = css(
      ':root{--base:#123456;--brand:var(--base);--x:var(--missing, #abcdef)} a{color:var(--brand)} b{color:var(--x)}'
    )
    expect(facts.variables.get('--brand')).toBe('#123456')
    expect([...facts.colorUses.keys()]).toEqual(['#123456', '#abcdef'])
  })

  test('the first real family of a stack; system stacks and icon fonts are not brand fonts', () => {
    const facts = css(
      'body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI"} h2{font:700 2rem/1.1 "Brand Serif",serif} .i{font-family:"Font Awesome 6 Free"} p{font-family:inherit}'
    )
    expect(facts.fontUses).toEqual([{ family: 'Brand Serif', role: 'heading' }])
  })

  test('a stylesheet with a syntax error is read up to the error', () => {
    const facts = css('a{color:#111111} b{color:#222222}} c{color:#333333}')
    expect(facts.colorUses.has('#111111')).toBe(true)
    expect(facts.colorUses.has('#333333')).toBe(false)
  })

  test('url() parts and mostly transparent colours are not colours in use', () => {
    const facts = css('a{background:url(/img/red.png) rgba(0,0,0,.2)} b{border:1px solid red}')
    expect([...facts.colorUses.keys()]).toEqual(['#ff0000'])
  })
})

describe('palette', () => {
  test('near duplicates merge, the first evidence wins', () => {
    const palette = buildPalette([
      { hex: '#1f6f5c', source: 'theme-color', role: 'primary' },
      { hex: '#207060', source: 'logo' },
    ])
    expect(palette).toEqual([{ hex: '#1f6f5c', role: 'primary', source: 'theme-color' }])
  })

  test('pure white and black count only when a role is named for them', () => {
    const palette = buildPalette([
      { hex: '#ffffff', source: 'logo' },
      { hex: '#000000', source: 'stylesheet', role: 'text' },
    ])
    expect(palette).toEqual([{ hex: '#000000', role: 'text', source: 'stylesheet' }])
  })

  test('at most six colours', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      hex: `#${(i * 20).toString(16).padStart(2, '0')}40c0`,
      source: 'stylesheet' as const,
    }))
    expect(buildPalette(many)).toHaveLength(MAX_KIT_COLORS)
  })

  test.each([
    ['--brand-primary', 'primary'],
    ['--color-secondary', 'secondary'],
    ['--text-primary', 'text'],
    ['--bg', 'background'],
    ['--wp--preset--color--accent', 'accent'],
    ['--blue-500', undefined],
  ])('%s names the role %s', (name, role) => {
    expect(roleOfVariable(name)).toBe(role as never)
  })
})

describe('fonts', () => {
  test('Google Fonts families from the css2 and the older css API', () => {
    expect(
      googleFontFamilies('https://fonts.googleapis.com/css2?family=Open+Sans:wght@400&family=Lora')
    ).toEqual(['Open Sans', 'Lora'])
    expect(
      googleFontFamilies('https://fonts.googleapis.com/css?family=Roboto:400,700|Oswald')
    ).toEqual(['Roboto', 'Oswald'])
  })

  test('a font loaded but never seen in use is still listed, as other', () => {
    const fonts = buildFonts(css('body{font-family:Lato}'), [
      'https://fonts.googleapis.com/css2?family=Lato&family=Caveat',
    ])
    expect(fonts.map((f) => [f.family, f.role, f.source])).toEqual([
      ['Lato', 'body', 'google-fonts'],
      ['Caveat', 'other', 'google-fonts'],
    ])
  })
})

describe('SVG logo colours', () => {
  test('attributes, inline styles and <style> rules; none and gradients references skipped', () => {
    const svg = `<svg><style>.a{fill:#FF0000}</style><path class="a" fill="url(#g)"/><path fill="#00ff00" stroke="none"/><stop stop-color="rgb(0,0,255)"/><path style="fill:#00FF00"/></svg>`
    expect(svgColors(svg)).toEqual(['#00ff00', '#ff0000', '#0000ff'])
  })
})

describe('JSON-LD', () => {
  test('logo, sameAs and address of an organisation inside @graph; a script that is not JSON is skipped', () => {
    const facts = readJsonLd(
      [
        '{ not json',
        JSON.stringify({
          '@graph': [
            {
              '@type': ['LocalBusiness'],
              logo: '/logo.png',
              sameAs: 'https://x.com/brand',
              address: { addressCountry: { '@type': 'Country', name: 'DE' } },
            },
            { '@type': 'Person', logo: '/not-the-brand.png', sameAs: ['https://x.com/someone'] },
          ],
        }),
      ],
      'https://brand.example/'
    )
    expect(facts).toEqual({
      logos: ['https://brand.example/logo.png'],
      sameAs: ['https://x.com/brand'],
      countries: ['DE'],
      currencies: [],
    })
  })
})

describe('social profiles', () => {
  test('share buttons and bare network home pages are not profiles; sameAs may name any site', () => {
    expect(
      socialProfiles(
        ['https://www.crunchbase.com/organization/brand'],
        [
          'https://twitter.com/intent/tweet?text=hi',
          'https://www.pinterest.com/pin/create/button/',
          'https://www.facebook.com/',
          'https://x.com/brand',
          'https://example.org/not-social',
        ]
      )
    ).toEqual([
      { network: 'crunchbase.com', url: 'https://www.crunchbase.com/organization/brand' },
      { network: 'x', url: 'https://x.com/brand' },
    ])
  })
})

describe('language and market', () => {
  const signals = (over: Partial<Parameters<typeof detectMarket>[0]> = {}) => ({
    language: '',
    ogLocale: '',
    hreflang: [],
    countries: [],
    currencies: [],
    ...over,
  })

  test.each([
    ['en-GB', 'English'],
    ['zh-CN', 'Simplified Chinese'],
    ['zh-TW', 'Traditional Chinese'],
    ['de', 'German'],
  ])('%s is written for %s', (tag, name) => {
    expect(languageName(tag)).toBe(name)
  })

  test('the region comes from the language tag, then og:locale, then the address; unknown codes are dropped', () => {
    expect(detectMarket(signals({ language: 'fr_ca' }), [])).toEqual({
      language: 'fr-CA',
      market: { region: 'CA' },
    })
    expect(detectMarket(signals({ language: 'de', ogLocale: 'de_AT' }), []).market?.region).toBe(
      'AT'
    )
    expect(detectMarket(signals({ countries: ['XX', 'CH'] }), []).market?.region).toBe('CH')
    expect(detectMarket(signals({ language: 'not a tag!' }), [])).toEqual({})
  })

  test('the first real currency code from any page', () => {
    const market = detectMarket(signals(), [signals({ currencies: ['ZZZ', 'eur'] })]).market
    expect(market?.currency).toBe('EUR')
  })
})

describe('choosing further pages', () => {
  const choose = (navLinks: string[], sitemap: string[] = [], alternates: string[] = []) =>
    choosePages({
      first: 'https://brand.example/',
      navLinks,
      sitemap,
      alternates,
      isAllowed: () => true,
      max: 5,
    }).map((c) => `${new URL(c.url).pathname}${c.guessed ? ' (guess)' : ''}`)

  test('one page per topic first, then the rest shallow first; queries, files, accounts, other sites and alternates never', () => {
    expect(
      choose(
        [
          'https://brand.example/account/login',
          'https://brand.example/team/people/all/of/them',
          'https://brand.example/contact',
          'https://brand.example/search?q=x',
          'https://brand.example/brochure.pdf',
          'https://other.example/about',
          'https://brand.example/fr/',
          'https://www.brand.example/blog',
        ],
        [
          'https://brand.example/en/about-us',
          'https://brand.example/collections',
          'https://brand.example/news/2024/post',
        ],
        ['https://brand.example/fr/']
      )
    ).toEqual(['/en/about-us', '/collections', '/blog', '/contact', '/news/2024/post'])
  })

  test('well-known paths are guessed only for topics nobody linked, and only while places are left', () => {
    expect(choose(['https://brand.example/products'])).toEqual([
      '/products',
      '/about (guess)',
      '/services (guess)',
      '/blog (guess)',
    ])
  })
})
