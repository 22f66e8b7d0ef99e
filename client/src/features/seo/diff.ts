/**
 * @module features/seo/diff
 * What an auto-fix changed in the article, word by word (the `diff` library), as parts to show
 * with insertions and deletions marked, and how much changed.
 */
import { diffWordsWithSpace } from 'diff'

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

export interface ArticleDiff {
  parts: DiffPart[]
  added: number
  removed: number
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length

export function articleDiff(before: string, after: string): ArticleDiff {
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
  return {
    parts,
    added: parts.filter((p) => p.kind === 'added').reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.kind === 'removed').reduce((n, p) => n + words(p.text), 0),
  }
}
