/**
 * @module brand/social-links
 * The brand's social profiles: JSON-LD `sameAs` first (any site, named by network or host),
 * then links on its pages that point to a known network's profile. Share buttons, intents and
 * bare network home pages are not profiles; the same profile written twice is listed once.
 */
import { MAX_KIT_SOCIAL } from './profile'

export interface SocialLink {
  network: string
  url: string
}

const NETWORKS: Record<string, string> = {
  'facebook.com': 'facebook',
  'fb.com': 'facebook',
  'instagram.com': 'instagram',
  'twitter.com': 'x',
  'x.com': 'x',
  'linkedin.com': 'linkedin',
  'youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'tiktok.com': 'tiktok',
  'pinterest.com': 'pinterest',
  'threads.net': 'threads',
  'threads.com': 'threads',
  'bsky.app': 'bluesky',
  'github.com': 'github',
  'medium.com': 'medium',
  'vimeo.com': 'vimeo',
  'snapchat.com': 'snapchat',
  'reddit.com': 'reddit',
  'discord.gg': 'discord',
  't.me': 'telegram',
  'weibo.com': 'weibo',
  'xiaohongshu.com': 'xiaohongshu',
  'douyin.com': 'douyin',
  'bilibili.com': 'bilibili',
  'zhihu.com': 'zhihu',
  'dribbble.com': 'dribbble',
  'behance.net': 'behance',
}

// Paths that share a page or start a post rather than show the brand's profile.
const NOT_A_PROFILE =
  /^\/(?:sharer|share|intent|home\?|dialog|plugins|pin\/create|shareArticle|submit|login|signup|hashtag|search|explore|watch)\b/i

/** The network of a profile URL on a known network, or undefined. */
export function networkOf(url: URL): string | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, '')
  const known = NETWORKS[host] ?? NETWORKS[host.split('.').slice(-2).join('.')]
  return known
}

/** The profiles in `sameAs` (all of them) and page links (known networks only), at most 20. */
export function socialProfiles(
  sameAs: readonly string[],
  pageLinks: readonly string[]
): SocialLink[] {
  const found: SocialLink[] = []
  const seen = new Set<string>()
  const add = (raw: string, fromSameAs: boolean) => {
    if (found.length >= MAX_KIT_SOCIAL) return
    const url = parseHttp(raw)
    if (!url) return
    const network = networkOf(url)
    if (!network && !fromSameAs) return
    if (url.pathname.replace(/\/+$/, '') === '' || NOT_A_PROFILE.test(url.pathname + url.search)) {
      if (network) return
    }
    url.hash = ''
    const key = `${url.hostname.replace(/^www\./, '').toLowerCase()}${url.pathname.replace(/\/+$/, '').toLowerCase()}`
    if (seen.has(key)) return
    seen.add(key)
    found.push({ network: network ?? url.hostname.replace(/^www\./, ''), url: url.href })
  }
  for (const link of sameAs) add(link, true)
  for (const link of pageLinks) add(link, false)
  return found
}

function parseHttp(raw: string): URL | undefined {
  try {
    const url = new URL(raw)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.href.length <= 2048
      ? url
      : undefined
  } catch {
    return undefined
  }
}
