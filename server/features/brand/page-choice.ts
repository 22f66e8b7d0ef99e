/**
 * @module brand/page-choice
 * Which further pages of a site say most about the brand: one about page, one products page,
 * one services page and one blog, from the navigation before the sitemap, then the other
 * navigation links, then the sitemap, and well-known paths guessed only while places are left.
 * Only pages of the same site (host name with or without `www.`) that robots.txt allows; no
 * queries, files, account, checkout or legal pages, nor the page's other-language versions.
 */
import { sameSite } from './urls'

export type PageTopic = 'about' | 'products' | 'services' | 'blog'

export interface PageChoice {
  url: string
  /** A well-known path nobody linked: a miss is expected and not reported. */
  guessed: boolean
}

export interface ChoiceInput {
  /** The first page's final URL. */
  first: string
  navLinks: readonly string[]
  sitemap: readonly string[]
  /** The first page's other-language versions (hreflang alternates). */
  alternates: readonly string[]
  isAllowed: (url: string) => boolean
  max: number
}

const TOPICS: [PageTopic, RegExp][] = [
  [
    'about',
    /^(?:about|about-us|aboutus|our-story|story|company|who-we-are|mission|ueber-uns|uber-uns|a-propos|quienes-somos|chi-siamo|关于|关于我们)$/,
  ],
  [
    'products',
    /^(?:products?|shop|store|collections?|catalog(?:ue)?|produkte|produits|productos|menu|产品)$/,
  ],
  ['services', /^(?:services?|solutions?|what-we-do|leistungen|offerings|服务)$/],
  ['blog', /^(?:blog|news|journal|stories|articles|magazine|insights|博客|新闻)$/],
]
const GUESSES: Record<PageTopic, string> = {
  about: '/about',
  products: '/products',
  services: '/services',
  blog: '/blog',
}
const NOT_CONTENT =
  /\.(?:pdf|jpe?g|png|gif|webp|avif|svg|ico|zip|gz|xml|json|txt|csv|mp4|webm|mp3|css|js|docx?|xlsx?|pptx?)$/i
const NOT_BRAND =
  /(?:^|\/)(?:log-?in|sign-?in|sign-?up|register|account|my-account|cart|basket|checkout|wishlist|search|logout|password|feed|wp-admin|wp-login\.php|cdn-cgi)(?:\/|$)/i
const LEGAL =
  /(?:^|\/)(?:privacy|terms|cookies?|legal|imprint|impressum|gdpr|accessibility)(?:[-/]|$)/i
const MAX_DEPTH = 3

/** Up to `max` further pages, best first. */
export function choosePages(input: ChoiceInput): PageChoice[] {
  const first = new URL(input.first)
  const taken = new Set([keyOf(first), ...input.alternates.flatMap((a) => keyOrEmpty(a))])
  const pool = [...input.navLinks, ...input.sitemap].flatMap((raw) => {
    const url = usable(raw, first, input.isAllowed)
    return url ? [url] : []
  })

  const chosen: PageChoice[] = []
  const take = (url: URL, guessed = false) => {
    const key = keyOf(url)
    if (chosen.length >= input.max || taken.has(key)) return
    taken.add(key)
    chosen.push({ url: url.href, guessed })
  }
  const covered = new Set<PageTopic>()
  for (const [topic] of TOPICS) {
    const match = pool.find((url) => topicOf(url) === topic && !taken.has(keyOf(url)))
    if (match) {
      take(match)
      covered.add(topic)
    }
  }
  // The rest: shallow pages first, each depth in page order.
  const rest = pool
    .map((url, order) => ({ url, order, depth: segments(decodePath(url.pathname)).length }))
    .sort((a, b) => a.depth - b.depth || a.order - b.order)
  for (const { url } of rest) take(url)
  for (const [topic] of TOPICS) {
    if (covered.has(topic)) continue
    const guess = new URL(GUESSES[topic], first)
    if (input.isAllowed(guess.href)) take(guess, true)
  }
  return chosen
}

function usable(raw: string, first: URL, isAllowed: (url: string) => boolean): URL | undefined {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (!sameSite(url, first) || url.search || url.username || url.password) return undefined
  const path = decodePath(url.pathname)
  if (NOT_CONTENT.test(path) || NOT_BRAND.test(path) || LEGAL.test(path)) return undefined
  if (segments(path).length > MAX_DEPTH) return undefined
  url.hash = ''
  return isAllowed(url.href) ? url : undefined
}

function topicOf(url: URL): PageTopic | undefined {
  const parts = segments(decodePath(url.pathname)).map((s) => s.toLowerCase())
  // `/en/about` and `/about` both count; `/blog/some-post` is a post, not the blog.
  const last = parts.at(-1)
  if (!last || parts.length > 2) return undefined
  return TOPICS.find(([, pattern]) => pattern.test(last))?.[0]
}

const segments = (path: string) => path.split('/').filter(Boolean)

/** Same page whatever the scheme, `www.`, case of the host or trailing slash. */
function keyOf(url: URL): string {
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '') || '/'}`
}

function keyOrEmpty(raw: string): string[] {
  try {
    return [keyOf(new URL(raw))]
  } catch {
    return []
  }
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
