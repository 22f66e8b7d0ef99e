/**
 * @module features/brand-guard/check-view
 * A brand check as the UI shows and keeps it: an issue and its fix in the reader's language
 * (from the issue's code and params, never from the server's English sentence), the one
 * instruction "Fix it" sends to the image model (the English fixes: it is a prompt), the
 * summary an image-series item keeps, the JSON report a download carries, and the tone of a
 * score. Pure, so it is unit-tested.
 */
import type { BrandIssue, ImageBrandCheck } from '../../api/brand'
import type { VideoBrandCheck } from '../../api/video'
import type { MessageParams } from '../../i18n'
import type { GuardMessageKey } from './i18n'

export type AnyCheck = ImageBrandCheck | VideoBrandCheck
type Translate = (key: GuardMessageKey, params?: MessageParams) => string

const JUDGED = new Set(['logo', 'typography', 'voice', 'forbidden'])

const ROLES = new Set(['primary', 'secondary', 'accent', 'background', 'text', 'neutral'])

/** The params with the words they carry (a frame, a colour role) in the reader's language. */
function localParams(t: Translate, issue: Pick<BrandIssue, 'params'>): MessageParams {
  const params: MessageParams = { ...issue.params }
  const frame = issue.params.frame
  params.where = t(
    frame === 'first' || frame === 'last' ? `guard.where.${frame}` : 'guard.where.image'
  )
  const role = String(issue.params.role ?? '')
  if (ROLES.has(role)) params.role = t(`guard.role.${role}` as GuardMessageKey)
  return params
}

export function issueText(t: Translate, issue: Pick<BrandIssue, 'code' | 'params'>): string {
  return t(`guard.issue.${issue.code}` as GuardMessageKey, localParams(t, issue))
}

export function fixText(t: Translate, issue: Pick<BrandIssue, 'code' | 'params'>): string {
  const key = JUDGED.has(issue.code) ? 'guard.fixText.judged' : `guard.fixText.${issue.code}`
  return t(key as GuardMessageKey, localParams(t, issue))
}

/** The longest instruction the image studio's edit takes. */
const MAX_INSTRUCTION = 8000

/** The edit instruction for "Fix it": every issue's fix, as one prompt (English). */
export function fixInstruction(issues: readonly Pick<BrandIssue, 'fix'>[]): string {
  const fixes = [...new Set(issues.map((i) => i.fix.trim()).filter(Boolean))]
  const text = [
    'Fix these brand issues and keep everything else (subject, composition, text content) as it is:',
    ...fixes.map((f) => `- ${f}`),
  ].join('\n')
  return text.slice(0, MAX_INSTRUCTION)
}

export type ScoreTone = 'good' | 'fair' | 'poor' | 'none'

export const scoreTone = (score: number | null | undefined): ScoreTone =>
  score === null || score === undefined
    ? 'none'
    : score >= 80
      ? 'good'
      : score >= 50
        ? 'fair'
        : 'poor'

/** What an image-series item keeps of a check (the saved document's `brandCheck`). */
export function keptSummary(check: AnyCheck, profileId?: string) {
  return {
    ...(profileId ? { profileId } : {}),
    profileName: check.profile.name.slice(0, 200),
    profileVersion: check.profile.version,
    score: check.score.value,
    partial: check.score.partial,
    parts: check.score.parts.map((p) => ({ ...p })),
    issues: check.issues.slice(0, 20).map((i) => ({
      code: i.code,
      params: Object.fromEntries(Object.entries(i.params).slice(0, 12)),
      fix: i.fix.slice(0, 600),
    })),
    checkedAt: check.checkedAt,
  }
}
export type KeptCheck = ReturnType<typeof keptSummary>

export const REPORT_FORMAT = 'ais-studio.brand-report'

/** The small JSON report a download carries beside its asset. */
export function brandReport(
  check: AnyCheck,
  asset: { kind: 'image' | 'video'; id: string; url: string }
) {
  return {
    format: REPORT_FORMAT,
    formatVersion: 1,
    asset,
    brand: check.profile,
    checkedAt: check.checkedAt,
    score: check.score,
    method: check.method,
    measured: check.measured,
    judged: check.judged,
    issues: check.issues.map(({ code, params, message, fix }) => ({ code, params, message, fix })),
  }
}

/** `report.json` as a Blob URL for an `<a download>`; the caller revokes it. */
export const reportUrl = (report: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }))

/** A short, stable key of a brand profile as sent (which brand, in which version). */
export function profileKeyOf(profile: unknown): string {
  let h = 2166136261
  const text = JSON.stringify(profile)
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return (h >>> 0).toString(16)
}
