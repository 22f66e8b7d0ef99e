/**
 * @module brand/page-signals
 * The raw brand signals of one parsed page, read before its scripts, styles and navigation are
 * stripped for the text: `theme-color`, `<style>` text and stylesheet links, Google Fonts links,
 * JSON-LD facts, links (navigation first, for choosing more pages; all, for social profiles),
 * `<html lang>`, `og:locale`, `hreflang` alternates and declared price currencies. Only absolute
 * http(s) URLs come out; whether one may be fetched is the safe fetcher's decision.
 */
import type { HTMLElement } from 'node-html-parser'
import { parseColor } from './color-values'
import { type JsonLdFacts, readJsonLd } from './json-ld'
import { absoluteUrl as absolute } from './urls'

export interface PageSignals {
  themeColor?: string
  /** `<style>` contents, capped. */
  styles: string[]
  stylesheets: string[]
  googleFonts: string[]
  jsonLd: JsonLdFacts
  /** Links in the header, navigation and footer, in page order. */
  navLinks: string[]
  /** Every link on the page (for social profiles), capped. */
  links: string[]
  language: string
  ogLocale: string
  hreflang: string[]
  /** The URLs of those alternates. */
  alternates: string[]
  currencies: string[]
}

const MAX_STYLE_TEXT = 256 * 1024
const MAX_LINKS = 300
const MAX_STYLESHEETS = 8
const GOOGLE_FONTS = /^https?:\/\/fonts\.googleapis\.com\/css2?\b/i
const CURRENCY_META = ['product:price:currency', 'og:price:currency']

export function readPageSignals(root: HTMLElement, baseUrl: string): PageSignals {
  const meta = (name: string) =>
    (
      root.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ??
      root.querySelector(`meta[property="${name}"]`)?.getAttribute('content') ??
      ''
    ).trim()

  const styles: string[] = []
  let styleBytes = 0
  for (const style of root.querySelectorAll('style')) {
    const css = style.rawText
    if (styleBytes + css.length > MAX_STYLE_TEXT) break
    styleBytes += css.length
    styles.push(css)
  }

  const stylesheets: string[] = []
  const googleFonts: string[] = []
  for (const link of root.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/)
    const url = absolute(link.getAttribute('href'), baseUrl)
    const isStylesheet =
      rel.includes('stylesheet') || (rel.includes('preload') && link.getAttribute('as') === 'style')
    if (!url || !isStylesheet) continue
    if (GOOGLE_FONTS.test(url)) pushNew(googleFonts, url, MAX_STYLESHEETS)
    else pushNew(stylesheets, url, MAX_STYLESHEETS)
  }

  const scripts = root
    .querySelectorAll('script[type="application/ld+json"]')
    .map((script) => script.rawText)

  const hreflang: string[] = []
  const alternates: string[] = []
  for (const link of root.querySelectorAll('link[rel="alternate"][hreflang]')) {
    pushNew(hreflang, (link.getAttribute('hreflang') ?? '').trim(), 30)
    pushNew(alternates, absolute(link.getAttribute('href'), baseUrl) ?? '', 30)
  }

  const currencies: string[] = []
  for (const name of CURRENCY_META) pushNew(currencies, meta(name), 5)
  for (const el of root.querySelectorAll('[itemprop="priceCurrency"]')) {
    pushNew(currencies, (el.getAttribute('content') ?? el.text).trim(), 5)
  }

  return {
    ...(parseColor(meta('theme-color')) ? { themeColor: parseColor(meta('theme-color')) } : {}),
    styles,
    stylesheets,
    googleFonts,
    jsonLd: readJsonLd(scripts, baseUrl),
    navLinks: hrefs(
      root.querySelectorAll(
        'header a[href], nav a[href], [role="navigation"] a[href], footer a[href]'
      ),
      baseUrl
    ),
    links: hrefs(root.querySelectorAll('a[href]'), baseUrl),
    language: (root.querySelector('html')?.getAttribute('lang') ?? '').trim().slice(0, 35),
    ogLocale: meta('og:locale').slice(0, 35),
    hreflang,
    alternates,
    currencies,
  }
}

function hrefs(anchors: HTMLElement[], baseUrl: string): string[] {
  const out: string[] = []
  for (const a of anchors) {
    const url = absolute(a.getAttribute('href'), baseUrl)
    if (url) pushNew(out, url, MAX_LINKS)
  }
  return out
}

function pushNew(list: string[], value: string, max: number): void {
  if (value && list.length < max && !list.includes(value)) list.push(value)
}
