/**
 * @module brand/profile
 * The brand profile a client keeps and sends with SEO requests (field names as in the original
 * app, so the workflow maps one to one). Bounded everywhere: strings, lists, nesting.
 */
import * as v from 'valibot'
import { text, textList } from '../../core/schema'

export const BrandVoice = v.object({
  tone: v.optional(text(500), ''),
  style: v.optional(text(500), ''),
  values: v.optional(textList(20), []),
})

export const ProjectConfig = v.object({
  project_id: v.optional(text(100), ''),
  project_url: v.optional(text(2048), ''),
  target_region: v.optional(text(100), 'United States'),
  target_language: v.optional(text(50), 'English'),
  target_keywords: v.optional(textList(50), []),
  preferred_solution_focus: v.optional(textList(20), []),
  project_keyword_history: v.optional(textList(200), []),
})

export const GlobalBrandInfo = v.object({
  brand_name: v.optional(text(200), ''),
  brand_industry: v.optional(text(200), ''),
  brand_voice: v.optional(BrandVoice, {}),
  negative_keywords_global: v.optional(textList(50), []),
  text_profile: v.optional(text(30_000)),
})

export const BrandProfile = v.object({
  globalInfo: GlobalBrandInfo,
  projects: v.pipe(v.array(ProjectConfig), v.maxLength(20)),
})

export type BrandProfile = v.InferOutput<typeof BrandProfile>
export type ProjectConfig = v.InferOutput<typeof ProjectConfig>

/** The project for a URL: same hostname (ignoring `www.`), else the first project. */
export function projectFor(profile: BrandProfile, url?: string): ProjectConfig | undefined {
  const host = hostOf(url)
  return profile.projects.find((p) => host && hostOf(p.project_url) === host) ?? profile.projects[0]
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname.replace(
      /^www\./,
      ''
    )
  } catch {
    return undefined
  }
}
