/**
 * @module seo/strategy/site-url
 * Website addresses typed by users or proposed by the model: parsed with the URL parser (no
 * permissive regexes, so nothing to backtrack on), limited to http(s) sites with a real
 * hostname, and compared by site so the user's own domain and duplicates can be told apart.
 */
import * as v from 'valibot'
import { Url } from '../schemas'

/** Last label of a public hostname: letters, or an IDN in punycode. */
const TOP_LEVEL_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i
/** Punctuation that chat text wraps around addresses ("see (nike.com).", “nike.com”). */
const WRAPPING = new Set([...'<>()[]{}"\'`.,;:!?。，；：！？、“”‘’《》（）【】'])

/**
 * `https://host/path?query` for a website address (a bare domain gets https), or null when the
 * text is not one: other schemes, credentials, IP addresses or hosts without a public suffix.
 */
export function normaliseSiteUrl(input: string): string | null {
  const raw = trimWrapping(input.trim())
  if (!raw || raw.length > 2048 || /\s/.test(raw)) return null
  let url: URL
  try {
    url = new URL(SCHEME.test(raw) ? raw : `https://${raw}`)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  if (url.username || url.password) return null
  const labels = url.hostname.split('.')
  if (labels.at(-1) === '') labels.pop()
  if (labels.length < 2 || labels.some((label) => !label || label.length > 63)) return null
  if (!TOP_LEVEL_LABEL.test(labels.at(-1) ?? '')) return null
  const port = url.port ? `:${url.port}` : ''
  const path = url.pathname === '/' ? '' : url.pathname
  return `${url.protocol}//${labels.join('.')}${port}${path}${url.search}`
}

/** The site an address belongs to: its hostname without `www.` (null when not a site URL). */
export function siteKey(input: string): string | null {
  const normalised = normaliseSiteUrl(input)
  if (!normalised) return null
  return new URL(normalised).hostname.replace(/^www\./, '')
}

/** Same site, or one is a subdomain of the other (blog.brand.com belongs to brand.com). */
export function sameSite(a: string, b: string): boolean {
  const ka = siteKey(a)
  const kb = siteKey(b)
  if (!ka || !kb) return false
  return ka === kb || ka.endsWith(`.${kb}`) || kb.endsWith(`.${ka}`)
}

const SITE_URL_MESSAGE = 'Must be a website address such as https://example.com'

/** A request field holding a website address, checked (the value is kept as sent). */
export const SiteUrlText = v.pipe(
  Url,
  v.check((s) => normaliseSiteUrl(s) !== null, SITE_URL_MESSAGE)
)

/** A request field holding a website address, normalised to `https://host/path`. */
export const SiteUrl = v.pipe(
  SiteUrlText,
  v.transform((s) => normaliseSiteUrl(s) ?? s)
)

function trimWrapping(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && WRAPPING.has(text.charAt(start))) start++
  while (end > start && WRAPPING.has(text.charAt(end - 1))) end--
  return text.slice(start, end)
}
