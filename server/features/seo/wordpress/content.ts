/**
 * @module seo/wordpress/content
 * The article as WordPress post content: its images pointed at their uploaded copies on the site,
 * the leading H1 left out (WordPress shows the post title), rendered from Markdown with `marked`
 * and any raw HTML in the Markdown shown as text, as the studio's own preview does.
 */
import { Marked } from 'marked'
import { findImages } from '../writing/images-in-markdown'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)

const marked = new Marked({ gfm: true, breaks: false, async: false })
marked.use({ renderer: { html: ({ text }) => escapeText(text) } })

const MEDIA_URL = /^\/media\/([A-Za-z0-9._-]+)$/

/** The ids of the stored images an article shows (`/media/<id>`), in order, once each. */
export function mediaIdsIn(markdown: string): { id: string; alt: string }[] {
  const seen = new Set<string>()
  const out: { id: string; alt: string }[] = []
  for (const image of findImages(markdown)) {
    const id = MEDIA_URL.exec(image.url)?.[1]
    if (!id || seen.has(id)) continue
    seen.add(id)
    out.push({ id, alt: image.alt })
  }
  return out
}

/** HTML for the post: `/media/<id>` links replaced by `urls.get(id)`. */
export function postHtml(markdown: string, urls: ReadonlyMap<string, string>): string {
  let body = markdown.replace(/^\s*#\s+[^\n]*\n/, '')
  // Replaced from the end so earlier offsets stay valid.
  for (const image of findImages(body).reverse()) {
    const id = MEDIA_URL.exec(image.url)?.[1]
    const url = id && urls.get(id)
    if (!url) continue
    const replaced = image.markdown.split(image.url).join(url)
    body = body.slice(0, image.start) + replaced + body.slice(image.end)
  }
  return marked.parse(body, { async: false }).trim()
}
