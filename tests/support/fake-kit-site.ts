/**
 * A small multi-page brand site for the fake website (`site.addKitSite(host)`): a home page
 * with navigation, JSON-LD (Organization.logo, sameAs, address), a Google Fonts link, a linked
 * stylesheet with CSS custom properties and an `@font-face`, an SVG header logo and a PNG logo
 * whose pixels are known, `hreflang` alternates; robots.txt naming a sitemap index; five more
 * pages. The design values are exported, so tests state the kit the site must give.
 */
import { pngRgba, type Rgba } from './fake-site'

/** The fixture's design: every value the kit must report, and where the site writes it. */
export const KIT_SITE = {
  name: 'Fjord & Pine',
  colors: {
    /** `<meta name="theme-color">` (upper case there) and `--brand-primary`. */
    primary: '#1f6f5c',
    /** Most of the PNG logo's pixels; nowhere in the CSS. */
    logo: '#2b3a67',
    /** `--brand-accent`. */
    accent: '#d9480f',
    /** `--color-background`, the body's background. */
    background: '#fffaf0',
    /** The body's text colour. */
    text: '#1b1b1b',
    /** Used by three rules, named by no variable. */
    grey: '#6b7280',
  },
  /** Colours the SVG header logo paints (fill, stop-color). */
  svgColors: ['#0b3d2e', '#f2c14e'],
  fonts: { heading: 'Playfair Display', body: 'Inter', other: 'Fjord Script' },
  googleFontsUrl:
    'https://fonts.googleapis.com/css2?family=Playfair+Display:wght@600;700&family=Inter:wght@400;600&display=swap',
  fontFacePath: '/assets/fonts/fjord-script.woff2',
  logoPng: { path: '/brand/logo.png', width: 32, height: 16 },
  logoSvgPath: '/brand/logo.svg',
  sameAs: [
    'https://www.instagram.com/fjordandpine',
    'https://www.linkedin.com/company/fjord-and-pine',
    'https://en.wikipedia.org/wiki/Fjord_and_Pine',
  ],
  /** Profile links in the footer (besides Instagram again and a share button) and on /about. */
  footerSocial: 'https://www.facebook.com/fjordandpine',
  aboutSocial: 'https://www.youtube.com/@fjordandpine',
  language: 'en-GB',
  region: 'GB',
  currency: 'GBP',
  hreflang: ['en-GB', 'de-DE', 'x-default'],
  /** The five further pages the analysis must choose, in the order it lists them. */
  morePages: ['/about', '/products', '/services', '/journal', '/contact'],
  /** Listed by the sitemap but never to be fetched. */
  notFetched: ['/private/plans', '/checkout', '/de/', '/journal/first-light', '/careers'],
} as const

const C = KIT_SITE.colors

const rgba = (hex: string, alpha = 255): Rgba => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
  alpha,
]

/** 32x16: columns 0-19 the logo colour, 20-27 the primary colour, 28-31 transparent. */
export function kitLogoPng(): Uint8Array<ArrayBuffer> {
  const { width, height } = KIT_SITE.logoPng
  return pngRgba(width, height, (x) =>
    x < 20 ? rgba(C.logo) : x < 28 ? rgba(C.primary) : [0, 0, 0, 0]
  )
}

export const KIT_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40">
<defs><linearGradient id="g"><stop offset="0" stop-color="${KIT_SITE.svgColors[1]}"/><stop offset="1" style="stop-color:${KIT_SITE.svgColors[1]}"/></linearGradient></defs>
<path d="M0 0h40v40H0z" fill="${KIT_SITE.svgColors[0]}"/><path d="M50 0h40v40H50z" fill="${KIT_SITE.svgColors[0]}"/>
<circle cx="105" cy="20" r="15" fill="url(#g)" stroke="none"/></svg>`

export const KIT_CSS = `:root {
  --brand-primary: ${C.primary.toUpperCase()};
  --brand-accent: ${C.accent};
  --color-background: ${C.background};
  --font-heading: 'Playfair Display', Georgia, serif;
  --space: 8px;
}
@font-face { font-family: "Fjord Script"; src: url("../fonts/fjord-script.woff2") format("woff2"), url(../fonts/fjord-script.woff) format("woff"); }
@font-face { font-family: "Fjord Icons"; src: url("../fonts/icons.woff2") format("woff2"); }
body { font-family: "Inter", system-ui, sans-serif; color: ${C.text}; background: var(--color-background); }
h1, h2, h3 { font-family: var(--font-heading); color: var(--brand-primary); }
.tagline { font-family: 'Fjord Script', cursive; }
.btn { font: 600 1rem/1.2 "Inter", sans-serif; background: var(--brand-primary); color: #fff; }
a, .badge { color: var(--brand-accent); }
.muted { color: ${C.grey}; }
.caption { color: ${C.grey}; }
hr { border-top: 1px solid ${C.grey}; }
.overlay { background: rgba(0, 0, 0, 0.3); }
@media (min-width: 800px) { .hero { background: linear-gradient(90deg, var(--brand-primary), ${C.primary}); } }
`

const organization = (origin: string) => ({
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'Organization',
      name: KIT_SITE.name,
      url: `${origin}/`,
      logo: { '@type': 'ImageObject', url: `${origin}${KIT_SITE.logoPng.path}` },
      sameAs: KIT_SITE.sameAs,
      address: { '@type': 'PostalAddress', addressLocality: 'Bergen', addressCountry: 'GB' },
    },
    { '@type': 'WebSite', name: KIT_SITE.name, url: `${origin}/` },
  ],
})

function layout(origin: string, title: string, main: string, head = ''): string {
  return `<!doctype html>
<html lang="${KIT_SITE.language}"><head>
<meta charset="utf-8"><title>${title} | ${KIT_SITE.name}</title>
<meta name="theme-color" content="${C.primary.toUpperCase()}">
<meta property="og:locale" content="en_GB">
<link rel="preconnect" href="https://fonts.gstatic.com">
<link rel="stylesheet" href="${KIT_SITE.googleFontsUrl.replace(/&/g, '&amp;')}">
<link rel="stylesheet" href="/assets/css/site.css">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">
${head}
</head><body>
<header><a href="/"><img class="logo" src="${KIT_SITE.logoSvgPath}" alt="${KIT_SITE.name} logo"></a>
<nav><a href="/about">About us</a> <a href="/products">Products</a> <a href="/journal">Journal</a>
<a href="/contact">Contact</a> <a href="/de/">Deutsch</a> <a href="/about#team">Team</a></nav></header>
<main>${main}</main>
<footer><a href="${KIT_SITE.sameAs[0]}/">Instagram</a> <a href="${KIT_SITE.footerSocial}">Facebook</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=${origin}">Share</a> <a href="/privacy">Privacy</a></footer>
</body></html>`
}

const paragraph = (topic: string) =>
  `<p>${topic} Fjord &amp; Pine makes waxed-cotton outdoor clothing in small workshops on the west coast, repairs every garment for life and publishes the origin of each fabric roll so customers can see where their jacket began.</p>`

const page = (origin: string, path: string, title: string, body: string, head = '') => ({
  [path]: () => html(layout(origin, title, `<h1>${title}</h1>${paragraph(body)}`, head)),
})

const html = (body: string) =>
  new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
const typed = (body: string | Uint8Array<ArrayBuffer>, type: string) =>
  new Response(body, { headers: { 'Content-Type': type } })

/** The routes of the kit site at `origin` (`http://host:port`). */
export function kitSiteRoutes(origin: string): Record<string, () => Response> {
  const alternates = `
<link rel="alternate" hreflang="en-GB" href="${origin}/">
<link rel="alternate" hreflang="de-DE" href="${origin}/de/">
<link rel="alternate" hreflang="x-default" href="${origin}/">
<script type="application/ld+json">${JSON.stringify(organization(origin))}</script>`
  const product = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: 'Storm Jacket',
    offers: { '@type': 'Offer', price: '240.00', priceCurrency: KIT_SITE.currency },
  }
  return {
    '/': () =>
      html(
        layout(
          origin,
          'Outdoor clothing made to last',
          `<h1>Outdoor clothing made to last</h1>${paragraph('HOME-PAGE-TEXT')}
<p class="tagline">Made slowly, worn for decades.</p>
<h2>Why waxed cotton</h2>${paragraph('It breathes, it can be re-waxed at home, and it ages with you.')}
<h2>Repairs for life</h2>${paragraph('Send any jacket back and we mend it, free, for as long as you own it.')}`,
          alternates
        )
      ),
    ...page(
      origin,
      '/about',
      'About us',
      `ABOUT-PAGE-TEXT Watch us at work: <a href="${KIT_SITE.aboutSocial}">YouTube</a>.`
    ),
    ...page(
      origin,
      '/products',
      'Products',
      'PRODUCTS-PAGE-TEXT',
      `<script type="application/ld+json">${JSON.stringify(product)}</script>`
    ),
    ...page(origin, '/services', 'Repairs and services', 'SERVICES-PAGE-TEXT'),
    ...page(origin, '/journal', 'Journal', 'JOURNAL-PAGE-TEXT'),
    ...page(origin, '/contact', 'Contact', 'CONTACT-PAGE-TEXT'),
    '/robots.txt': () =>
      typed(
        `User-agent: *\nDisallow: /private/\nDisallow: /checkout\n\nSitemap: ${origin}/sitemap-index.xml\n`,
        'text/plain'
      ),
    '/sitemap-index.xml': () =>
      typed(
        `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${origin}/sitemap-pages.xml</loc></sitemap></sitemapindex>`,
        'application/xml'
      ),
    '/sitemap-pages.xml': () =>
      typed(
        `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${[
          '/',
          '/about',
          '/private/plans',
          '/services',
          '/checkout',
          '/journal/first-light',
          '/careers',
        ]
          .map((p) => `<url><loc>${origin}${p}</loc></url>`)
          .join('')}</urlset>`,
        'application/xml'
      ),
    '/assets/css/site.css': () => typed(KIT_CSS, 'text/css'),
    [KIT_SITE.logoPng.path]: () => typed(kitLogoPng(), 'image/png'),
    [KIT_SITE.logoSvgPath]: () => typed(KIT_LOGO_SVG, 'image/svg+xml'),
    '/apple-touch-icon.png': () =>
      typed(
        pngRgba(180, 180, () => [31, 111, 92, 255]),
        'image/png'
      ),
  }
}
