/**
 * @module features/seo/grounding
 * Google's search suggestions of a grounded answer (`searchEntryPoint.renderedContent`, HTML that
 * Google's Search-grounding terms require showing) read from a step's response, and the document
 * the isolated frame shows it in. Pure, so it is unit-tested.
 */

/** The suggestions HTML of a response: `searchEntryPoint` (a string or Google's object) or `grounding.searchEntryPoint`. */
export function searchEntryPointOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined
  const r = response as { searchEntryPoint?: unknown; grounding?: { searchEntryPoint?: unknown } }
  return htmlOf(r.searchEntryPoint) ?? htmlOf(r.grounding?.searchEntryPoint)
}

function htmlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? value : undefined
  if (typeof value === 'object' && value !== null && 'renderedContent' in value) {
    const html = (value as { renderedContent?: unknown }).renderedContent
    return typeof html === 'string' && html.trim() ? html : undefined
  }
  return undefined
}

/**
 * The frame's document: Google's HTML as sent, with links opening in a new tab (the frame may
 * not navigate itself or the page). The frame is sandboxed without scripts or same-origin, so
 * nothing in this HTML can run or reach the app.
 */
export const suggestionsDocument = (html: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"></head><body style="margin:0">${html}</body></html>`
