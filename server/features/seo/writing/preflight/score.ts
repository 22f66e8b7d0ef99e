/**
 * @module seo/writing/preflight/score
 * The pre-flight score, computed the same way every time from what was measured and rated (the
 * model never sets it): 60 points for the checks, 40 for the editorial review.
 *
 *   checks  = 60 × (weight of passed checks / weight of applicable checks)
 *   review  = Σ over brand voice, search intent, E-E-A-T of (rating − 1) / 4 × 40 / 3
 *   score   = round(checks + review), 0–100
 *
 * Check weights (finding.weight, from checks.ts): keyword density and length 8 each; single H1,
 * section structure, keyword in title, keyword in introduction, secondary keywords and banned
 * words 6 each; image alt text and readability 4 each. Inapplicable checks are left out.
 */

import type { UiLanguage } from '../../../../core/schema'
import type { Check, CheckId, Finding } from './checks'
import { messagesFor, type ReviewDimension, type ScoreParts } from './messages'
import type { Review } from './review'

export const CHECK_POINTS = 60
export const REVIEW_POINTS = 40
export const ALL_CHECKS: CheckId[] = [
  'h1',
  'h2_structure',
  'keyword_in_h1',
  'keyword_in_intro',
  'keyword_density',
  'secondary_keywords',
  'word_count',
  'negative_keywords',
  'image_alt',
  'readability',
]
const DIMENSIONS: ReviewDimension[] = ['brandVoice', 'searchIntent', 'eeat']

const round1 = (n: number) => Math.round(n * 10) / 10

export function scoreOf(findings: readonly Finding[], review: Review, ui: UiLanguage) {
  const messages = messagesFor(ui)
  const applicable = findings.reduce((sum, f) => sum + f.weight, 0)
  const earned = findings.reduce((sum, f) => sum + (f.passed ? f.weight : 0), 0)
  const checkPoints = applicable ? (CHECK_POINTS * earned) / applicable : CHECK_POINTS
  const reviewPoints = DIMENSIONS.reduce(
    (sum, d) => sum + ((review[d].rating - 1) / 4) * (REVIEW_POINTS / DIMENSIONS.length),
    0
  )
  const score = Math.max(0, Math.min(100, Math.round(checkPoints + reviewPoints)))
  const seen = new Set(findings.map((f) => f.id))
  const parts: ScoreParts = {
    score,
    checkPoints: round1(checkPoints),
    reviewPoints: round1(reviewPoints),
    passed: findings.filter((f) => f.passed).length,
    applicable: findings.length,
    ratings: {
      brandVoice: review.brandVoice.rating,
      searchIntent: review.searchIntent.rating,
      eeat: review.eeat.rating,
    },
    left: ALL_CHECKS.filter((id) => !seen.has(id)),
  }
  return { score, scoreExplanation: messages.explain(parts), scoreParts: parts }
}

/** Checks as the UI lists them: the measured ones, then the three review ratings. */
export function checkList(findings: readonly Finding[], review: Review, ui: UiLanguage): Check[] {
  const messages = messagesFor(ui)
  return [
    ...findings.map((f) => ({
      id: f.id,
      label: messages.label[f.id],
      passed: f.passed,
      detail: messages.detail(f),
      facts: f.facts,
    })),
    ...DIMENSIONS.map((d) => ({
      id: `review_${d}`,
      label: messages.label[d],
      passed: review[d].rating >= 3,
      detail: `${review[d].rating}/5${review[d].comment ? ` — ${review[d].comment}` : ''}`,
    })),
  ]
}
