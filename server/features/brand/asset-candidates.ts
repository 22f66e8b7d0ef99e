/**
 * @module brand/asset-candidates
 * Where a page shows its brand: logo images in the header (or marked "logo"), the logo its
 * JSON-LD declares, touch icons and favicons, the social preview images (`og:image`, `twitter:image`) and large content images.
 * Only absolute http(s) URLs come out, in priority order, without duplicates; whether each
 * one may be fetched is decided later by the safe fetcher.
 */
import type { HTMLElement } from 'node-html-parser'
import type { AssetKind } from './schemas'
import { absoluteUrl as absolute } from './urls'

export interface AssetCandidate {
  url: string
  kind: AssetKind
}

const MAX_LOGOS = 6
const MAX_IMAGES = 12
// Content images declared smaller than this are icons, spacers or tracking pixels.
const MIN_CONTENT_SIDE = 100

const LOGO_HINT = /logo/i
const SOCIAL_IMAGE_META = [
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'twitter:image',
  'twitter:image:src',
]

export function findAssetCandidates(
  root: HTMLElement,
  baseUrl: string,
  declaredLogos: readonly string[] = []
): AssetCandidate[] {
  const logos = new Set<string>()
  const images = new Set<string>()
  const add = (set: Set<string>, max: number, raw: string | undefined) => {
    const url = absolute(raw, baseUrl)
    if (url && set.size < max && !logos.has(url) && !images.has(url)) set.add(url)
  }

  // Logos: marked images in the header first, then the JSON-LD logo, then marked images
  // anywhere, then icons (largest first: an apple-touch-icon beats a 16px favicon).
  const imgs = root.querySelectorAll('img')
  const marked = imgs.filter(isMarkedLogo)
  for (const img of marked.filter((i) => i.closest('header'))) add(logos, MAX_LOGOS, srcOf(img))
  for (const url of declaredLogos) add(logos, MAX_LOGOS, url)
  for (const img of marked) add(logos, MAX_LOGOS, srcOf(img))
  for (const link of iconLinks(root)) add(logos, MAX_LOGOS, link)

  for (const name of SOCIAL_IMAGE_META) {
    const meta =
      root.querySelector(`meta[property="${name}"]`) ?? root.querySelector(`meta[name="${name}"]`)
    add(images, MAX_IMAGES, meta?.getAttribute('content'))
  }
  for (const img of imgs) {
    if (isMarkedLogo(img) || img.closest('header, nav, footer') || isDeclaredSmall(img)) continue
    add(images, MAX_IMAGES, srcOf(img))
  }

  return [
    ...[...logos].map((url) => ({ url, kind: 'logo' as const })),
    ...[...images].map((url) => ({ url, kind: 'image' as const })),
  ]
}

function isMarkedLogo(img: HTMLElement): boolean {
  const hints = [
    img.getAttribute('src'),
    img.getAttribute('alt'),
    img.getAttribute('class'),
    img.getAttribute('id'),
    img.parentNode?.getAttribute('class'),
  ]
  return hints.some((h) => h && LOGO_HINT.test(h))
}

/** Icon links, the largest declared size first. */
function iconLinks(root: HTMLElement): string[] {
  const icons = root
    .querySelectorAll('link[rel]')
    .map((link) => ({
      rel: (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/),
      href: link.getAttribute('href'),
      size: Number.parseInt(link.getAttribute('sizes') ?? '', 10) || 0,
    }))
    .filter((l) => l.href && l.rel.some((r) => r === 'icon' || r === 'apple-touch-icon'))
    .map((l) => ({ ...l, size: l.size || (l.rel.includes('apple-touch-icon') ? 180 : 16) }))
  return icons.sort((a, b) => b.size - a.size).map((l) => l.href as string)
}

function srcOf(img: HTMLElement): string | undefined {
  // Lazy-loading sites keep the real address in data-src.
  return img.getAttribute('src') || img.getAttribute('data-src') || undefined
}

function isDeclaredSmall(img: HTMLElement): boolean {
  const sides = [img.getAttribute('width'), img.getAttribute('height')]
    .map((s) => Number.parseInt(s ?? '', 10))
    .filter((n) => Number.isFinite(n))
  return sides.some((n) => n < MIN_CONTENT_SIDE)
}
