/**
 * @module features/seo/markdown
 * Model-written Markdown to HTML that is safe to put in the page: `marked` renders, with any raw
 * HTML in the Markdown shown as text (an article needs none, and it is never parsed as markup),
 * then DOMPurify sanitises what Markdown itself produced. Scripts, styles, forms, frames, event attributes and `javascript:`/`data:` links go;
 * links keep only http(s), mailto, in-page and same-site paths and open in a new tab without an
 * opener; images are kept only from this server's `/media/` (the CSP allows nothing else, and a
 * remote image would tell a third party who reads the article), others become their alt text.
 */
import DOMPurify from 'dompurify'
import { Marked } from 'marked'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }
const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)

const marked = new Marked({ gfm: true, breaks: false, async: false })
marked.use({ renderer: { html: ({ text }) => escapeText(text) } })

const MEDIA_PATH = /^\/media\/[A-Za-z0-9._-]+$/
const SAFE_LINK = /^(?:https?:|mailto:|#|\/(?!\/))/i

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'video',
    'audio',
    'source',
    'picture',
    'base',
    'link',
    'meta',
  ],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'formaction', 'xlink:href'],
  ALLOWED_URI_REGEXP: SAFE_LINK,
}

let hooked = false
function addHooks(): void {
  if (hooked) return
  hooked = true
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? ''
      if (!SAFE_LINK.test(href)) node.removeAttribute('href')
      if (/^https?:/i.test(href)) {
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer nofollow')
      }
    }
    if (node.nodeName === 'IMG') {
      const src = node.getAttribute('src') ?? ''
      if (!MEDIA_PATH.test(src)) {
        node.replaceWith(node.ownerDocument.createTextNode(node.getAttribute('alt') ?? ''))
        return
      }
      node.setAttribute('loading', 'lazy')
    }
  })
}

/** Sanitised HTML for `markdown` (needs a DOM: the browser, not a unit test). */
export function renderMarkdown(markdown: string): string {
  addHooks()
  const html = marked.parse(markdown, { async: false })
  return DOMPurify.sanitize(html, CONFIG)
}
