/**
 * @module features/seo/publish/export
 * The files a marketer takes away: the article as Markdown, and as a standalone HTML page whose
 * title, description and language are escaped and whose body is the sanitised rendering (media
 * links made absolute so the page works outside the studio). Pure: the HTML body comes in
 * already sanitised.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

export interface HtmlPage {
  title: string
  description: string
  /** BCP 47 language tag of the article, e.g. "en" or "zh-CN". */
  lang: string
  /** Sanitised HTML of the article body. */
  bodyHtml: string
  /** Origin that `/media/…` links are resolved against. */
  origin: string
}

/** `/media/…` image and link targets made absolute for a file opened elsewhere. */
export const absoluteMedia = (html: string, origin: string): string =>
  html.replace(/(\s(?:src|href)=")(\/media\/)/g, `$1${origin}$2`)

export function articleHtmlPage(page: HtmlPage): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<meta name="description" content="${escapeHtml(page.description)}">`,
    '</head>',
    '<body>',
    '<article>',
    absoluteMedia(page.bodyHtml, page.origin),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** A safe file name from a slug: ASCII kebab-case, never empty. */
export const fileNameFor = (slug: string, extension: 'md' | 'html'): string =>
  `${
    slug
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  }.${extension}`

/** An HTML tag for the article's language, from the brief's language name. */
export function languageTag(language: string): string {
  const name = language.trim().toLowerCase()
  const known: Record<string, string> = {
    english: 'en',
    chinese: 'zh-CN',
    'simplified chinese': 'zh-CN',
    中文: 'zh-CN',
    简体中文: 'zh-CN',
    german: 'de',
    deutsch: 'de',
    french: 'fr',
    spanish: 'es',
    japanese: 'ja',
  }
  return known[name] ?? (/^[a-z]{2}(-[a-z0-9]{2,8})*$/i.test(name) ? name : 'en')
}
