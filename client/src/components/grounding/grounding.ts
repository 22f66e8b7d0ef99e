/**
 * @module components/grounding/grounding
 * How a grounded answer's sources and Google's search suggestions are shown: each source
 * labelled by its site's domain (the link itself is Google's redirect to it), and each
 * suggestions snippet (`searchEntryPoint.renderedContent`, HTML that Google's Search-grounding
 * terms require showing with the answer) in a document of its own for an isolated frame. Pure,
 * so it is unit-tested.
 */

export interface GroundingSource {
  title: string
  url: string
  domain?: string
}

const hostOf = (url: string): string | undefined => {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return undefined
  }
}

/** Google's redirect links say nothing about the page they lead to: never label by them. */
const isRedirect = (url: string) =>
  /(^|\.)vertexaisearch\.cloud\.google\.com$/.test(hostOf(url) ?? '')

/**
 * The label of a source: its domain (what Google gives as its title on the Developer API, or as
 * `domain` on Vertex AI), else the host of a direct link.
 */
export function sourceLabel(source: GroundingSource): string {
  const named = source.domain?.trim() || source.title?.trim()
  if (named) return named
  return isRedirect(source.url) ? '' : (hostOf(source.url) ?? source.url)
}

/** The non-empty suggestion snippets of a response (`searchEntryPoints`), each once. */
export function searchEntryPointsOf(response: unknown): string[] {
  const list = (response as { searchEntryPoints?: unknown } | null | undefined)?.searchEntryPoints
  if (!Array.isArray(list)) return []
  return [...new Set(list.filter((s): s is string => typeof s === 'string' && s.trim() !== ''))]
}

/**
 * The frame's document: Google's HTML as sent, links opening in a new tab. The frame is
 * sandboxed without scripts, same-origin or top navigation, so nothing in this HTML can run,
 * reach the app or move it; the policy inside says the same (no script, no plugin, styles and
 * images only as Google inlines them).
 */
export const suggestionsDocument = (html: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; form-action 'none'"><base target="_blank"></head><body style="margin:0">${html}</body></html>`
