/**
 * @module features/seo/search/format
 * Search figures as a reader expects them in their language: whole numbers with separators, CTR
 * as a percentage, positions to one decimal, and a position change (lower is better) as words
 * a screen reader can say and a sign a sighted reader scans.
 */
import { currentLocale } from '../../../i18n'

export const count = (n: number) => new Intl.NumberFormat(currentLocale()).format(Math.round(n))
export const percent = (ratio: number) =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(
    ratio
  )
export const position = (p: number) =>
  new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(p)

/** `▲ 3.8` when the position improved (went down), `▼ 1.2` when it fell, `–` without a before. */
export function positionChange(now: number, before?: number): { text: string; better?: boolean } {
  if (before === undefined) return { text: '–' }
  const delta = before - now
  if (Math.abs(delta) < 0.05) return { text: '0.0' }
  return { text: `${delta > 0 ? '▲' : '▼'} ${position(Math.abs(delta))}`, better: delta > 0 }
}
