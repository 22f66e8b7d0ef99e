/**
 * @module features/seo/article/preflight-words
 * A pre-flight report in the language the user reads now: the measured checks, their issues and
 * the score explanation are worded from each check's id and facts with the server's own message
 * tables (seo/writing/preflight/messages.ts, pure and bilingual); what the editorial review
 * wrote, and reports saved before the facts were kept, show as they are.
 */
import type { CheckId } from '../../../../../server/features/seo/writing/preflight/checks'
import {
  type Messages,
  messagesFor,
  type ReviewDimension,
} from '../../../../../server/features/seo/writing/preflight/messages'
import type { Locale } from '../../../i18n'
import type { SavedPreflight } from '../../../stores/seo-document'

type Issue = SavedPreflight['issues'][number]
type Check = SavedPreflight['checks'][number]

const isLabelled = (m: Messages, id: string): id is CheckId | ReviewDimension =>
  Object.hasOwn(m.label, id)

export function preflightWords(locale: Locale) {
  const m = messagesFor(locale)
  const measured = (id: string | undefined): id is CheckId =>
    Boolean(id) && isLabelled(m, id as string) && !id?.startsWith('review')
  return {
    explanation(report: SavedPreflight): string {
      const parts = report.scoreParts
      if (!parts?.left.every((id) => measured(id))) return report.scoreExplanation
      return m.explain({ ...parts, left: parts.left as CheckId[] })
    },
    issue(issue: Issue): { description: string; suggestion: string } {
      if (issue.source !== 'check' || !measured(issue.checkId) || !issue.facts) return issue
      const finding = { id: issue.checkId, passed: false, facts: issue.facts }
      return { description: m.detail(finding), suggestion: m.suggestion(finding) }
    },
    label(check: Check): string {
      const id = check.id.replace(/^review_/, '')
      return isLabelled(m, id) ? m.label[id] : check.label
    },
  }
}
