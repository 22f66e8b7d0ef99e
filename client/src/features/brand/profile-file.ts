/**
 * @module features/brand/profile-file
 * The brand profile as a JSON file: written from the document, read back only when it passes the
 * server's own `BrandProfile` schema (the same valibot module, loaded with the brand chunk), so a
 * profile the editor accepts is one every SEO request accepts too.
 */
import type { BrandProfile } from '../../stores/brand-document'

export type ProfileFileResult =
  | { ok: true; profile: BrandProfile }
  | { ok: false; problems: string[] }

export const PROFILE_FILE_NAME = 'brand_profile.json'

export const profileJson = (profile: BrandProfile): string =>
  `${JSON.stringify(profile, null, 2)}\n`

export async function parseProfileJson(text: string): Promise<ProfileFileResult> {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, problems: ['json'] }
  }
  const [v, { BrandProfile }] = await Promise.all([
    import('valibot'),
    import('../../../../server/features/brand/profile'),
  ])
  const parsed = v.safeParse(BrandProfile, data)
  if (parsed.success) return { ok: true, profile: parsed.output }
  const problems = parsed.issues.slice(0, 10).map((issue) => {
    const path = v.getDotPath(issue)
    return path ? `${path}: ${issue.message}` : issue.message
  })
  return { ok: false, problems }
}
