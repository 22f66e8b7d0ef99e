/**
 * @module library/listing
 * One page of a listing from the index: newest first (ties by id), with an opaque cursor that
 * names the last item shown, so pages stay stable while documents are added or changed.
 */
import { errors } from '../../core/errors'
import type { IndexEntry } from './records'
import type { DocumentPage, DocumentSummary } from './schemas'

export function pageOf(
  entries: Record<string, IndexEntry>,
  options: { limit: number; cursor?: string }
): DocumentPage {
  const sorted: DocumentSummary[] = Object.entries(entries)
    .map(([id, e]) => ({ id, title: e.title, updated: e.updated, size: e.size }))
    .sort(newestFirst)
  const after = options.cursor === undefined ? undefined : decodeCursor(options.cursor)
  const start = after ? sorted.findIndex((s) => newestFirst(s, after) > 0) : 0
  const items = start < 0 ? [] : sorted.slice(start, start + options.limit)
  const last = items.at(-1)
  const more = start >= 0 && start + options.limit < sorted.length
  return more && last ? { items, nextCursor: encodeCursor(last) } : { items }
}

type Position = Pick<DocumentSummary, 'id' | 'updated'>

function newestFirst(a: Position, b: Position): number {
  if (a.updated !== b.updated) return a.updated < b.updated ? 1 : -1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

const encodeCursor = (p: Position) =>
  Buffer.from(JSON.stringify([p.updated, p.id])).toString('base64url')

function decodeCursor(cursor: string): Position {
  try {
    const [updated, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    if (typeof updated === 'string' && typeof id === 'string') return { updated, id }
  } catch {
    // Reported below.
  }
  throw errors.invalidInput([{ field: 'cursor', message: 'Is not a cursor from this listing' }])
}
