/**
 * @module brand/html-extract
 * A fetched HTML page -> what the analysis needs: title, description, language, the main
 * content as Markdown (scripts, styles, navigation, footers and forms removed), the brand
 * asset candidates and the page's brand signals (page-signals.ts). The HTML libraries are loaded
 * on first use, so start-up does not pay.
 */
import type { HTMLElement } from 'node-html-parser'
import { once } from '../../core/lazy'
import { type AssetCandidate, findAssetCandidates } from './asset-candidates'
import { type PageSignals, readPageSignals } from './page-signals'

export interface ExtractedPage {
  title: string
  description: string
  siteName: string
  /** `<html lang>`, when the page declares it. */
  language: string
  /** The main content as Markdown, uncapped. */
  markdown: string
  candidates: AssetCandidate[]
  signals: PageSignals
}

// Elements that never carry the brand's own words.
const NOISE = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'form',
  'nav',
  'footer',
  'aside',
  'dialog',
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(', ')

// Inside the content: media and controls have no text worth sending.
const IGNORED_IN_MARKDOWN = [
  'img',
  'picture',
  'video',
  'audio',
  'button',
  'input',
  'select',
  'textarea',
]

// A <main> with less text than this is probably a shell; the whole body is read instead.
const MIN_MAIN_TEXT = 200

type Libraries = {
  parse: typeof import('node-html-parser').parse
  toMarkdown: (html: string) => string
}
const load = once(async (): Promise<Libraries> => {
  const [parser, markdown] = await Promise.all([
    import('node-html-parser'),
    import('node-html-markdown'),
  ])
  const converter = new markdown.NodeHtmlMarkdown(
    { ignore: IGNORED_IN_MARKDOWN, bulletMarker: '-', maxConsecutiveNewlines: 2 },
    // Links become their text: URLs are noise for the model.
    { a: { postprocess: ({ content }) => content } }
  )
  return { parse: parser.parse, toMarkdown: (html) => converter.translate(html) }
})

export async function extractPage(html: string, pageUrl: string): Promise<ExtractedPage> {
  const { parse, toMarkdown } = await load()
  const root = parse(html, { comment: false })
  const meta = (key: string) =>
    (
      root.querySelector(`meta[name="${key}"]`)?.getAttribute('content') ??
      root.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ??
      ''
    ).trim()

  const title = oneLine(root.querySelector('title')?.text ?? '')
  const description = oneLine(meta('description') || meta('og:description'))
  const siteName = oneLine(meta('og:site_name'))
  const language = (root.querySelector('html')?.getAttribute('lang') ?? '').trim().slice(0, 20)
  // Signals and asset candidates first: scripts, styles, the header and icons go below.
  const base = baseOf(root, pageUrl)
  const signals = readPageSignals(root, base)
  const candidates = findAssetCandidates(root, base, signals.jsonLd.logos)

  for (const element of root.querySelectorAll(NOISE)) element.remove()
  const markdown = tidy(toMarkdown(contentOf(root).innerHTML))
  return { title, description, siteName, language, markdown, candidates, signals }
}

function contentOf(root: HTMLElement): HTMLElement {
  const main = root.querySelector('main, [role="main"], article')
  if (main && main.text.trim().length >= MIN_MAIN_TEXT) return main
  return root.querySelector('body') ?? root
}

/** `<base href>` when it is an http(s) URL, else the page's own URL. */
function baseOf(root: HTMLElement, pageUrl: string): string {
  const href = root.querySelector('base[href]')?.getAttribute('href')
  if (!href) return pageUrl
  try {
    const base = new URL(href, pageUrl)
    return base.protocol === 'http:' || base.protocol === 'https:' ? base.href : pageUrl
  } catch {
    return pageUrl
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500)

function tidy(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
