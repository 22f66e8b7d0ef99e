/**
 * @module brand/urls
 * URL helpers the brand analysis shares: absolute http(s) addresses from what pages write, and
 * "the same site" (the same host name, with or without `www.`).
 */

const MAX_URL = 2048

/** An absolute http(s) URL without its fragment, or undefined. */
export function absoluteUrl(raw: string | undefined | null, baseUrl: string): string | undefined {
  const value = raw?.trim()
  if (!value || value.startsWith('data:')) return undefined
  try {
    const url = new URL(value, baseUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    url.hash = ''
    return url.href.length <= MAX_URL ? url.href : undefined
  } catch {
    return undefined
  }
}

/** `https://www.Example.com/x` -> `example.com` */
export const siteHost = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '')

export function sameSite(a: URL, b: URL): boolean {
  return siteHost(a) === siteHost(b)
}

/** A URL short enough for a warning line. */
export const shortUrl = (url: string) => (url.length > 160 ? `${url.slice(0, 157)}...` : url)
