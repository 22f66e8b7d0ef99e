/**
 * @module seo/knowledge/sections
 * Cuts a document at its `##` headings. Sections are what the index stores, so a hit points at the
 * passage that matched rather than at a whole document.
 */

export interface KnowledgeSection {
  /** `${docId}#${index}`: unique in the index. */
  key: string
  docId: string
  index: number
  /** The `##` heading text; empty for the introduction before the first heading. */
  heading: string
  /** The section's Markdown without its heading line. */
  text: string
}

const HEADING = /^##\s+(.+?)\s*#*\s*$/
const FENCE = /^\s*(```|~~~)/

export function splitSections(docId: string, markdown: string): KnowledgeSection[] {
  const sections: KnowledgeSection[] = []
  let heading = ''
  let lines: string[] = []
  let inFence = false
  const flush = () => {
    const text = lines.join('\n').trim()
    if (text || heading) {
      const index = sections.length
      sections.push({ key: `${docId}#${index}`, docId, index, heading, text })
    }
  }
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence
    const match = inFence ? null : HEADING.exec(line)
    if (match) {
      flush()
      heading = match[1] ?? ''
      lines = []
    } else {
      lines.push(line)
    }
  }
  flush()
  return sections
}
