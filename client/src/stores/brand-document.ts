/**
 * @module stores/brand-document
 * The brand document the brand store keeps (one plain JSON object: the profile exactly as the
 * server's `BrandProfile` schema has it, assets by media id, what the analysis read), the pure
 * changes made to it (an empty start with no demo data, a project for a site, a brand analysis
 * merged in) and its saved-work document (`brand-profiles`) both ways.
 */
import type { BrandKit, BrandProfile, ProjectConfig } from '../../../server/features/brand/profile'
import type { DocumentOf } from '../../../server/features/library/schemas'
import type { AnalyzeResult, BrandAssetResult } from '../api/brand'
import type { ServerNote } from '../i18n/server-codes/notes'

export type { BrandKit, BrandProfile, ProjectConfig }

export type ProfileDocument = DocumentOf<'brand-profiles'>

/** A collected logo or image: the stored media (by id), where it was found, which list. */
export type BrandAssetRef = NonNullable<ProfileDocument['assets']>['logos'][number]

export interface BrandDocument {
  version: 1
  profile: BrandProfile
  assets: { logos: BrandAssetRef[]; images: BrandAssetRef[] }
  /** The site the last analysis read, and what it said about its own limits. */
  analysedUrl?: string
  sources: { title: string; url: string }[]
  /** Coded notes (worded in the user's language), or plain text in older saved profiles. */
  warnings: ServerNote[]
}

export const emptyProfile = (): BrandProfile => ({
  globalInfo: {
    brand_name: '',
    brand_industry: '',
    brand_voice: { tone: '', style: '', values: [] },
    negative_keywords_global: [],
    kit: { colors: [], fonts: [], social: [] },
  },
  projects: [],
})

/** The profile with a kit to edit (an empty one when it has none). */
export const withKit = (profile: BrandProfile): BrandProfile =>
  profile.globalInfo.kit
    ? profile
    : {
        ...profile,
        globalInfo: { ...profile.globalInfo, kit: { colors: [], fonts: [], social: [] } },
      }

export const emptyBrandDocument = (): BrandDocument => ({
  version: 1,
  profile: emptyProfile(),
  assets: { logos: [], images: [] },
  sources: [],
  warnings: [],
})

/** The hostname without `www.`, the way the server matches projects to sites. */
export function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    const withScheme = /^https?:\/\//i.test(url) ? url : `https://${url}`
    return new URL(withScheme).hostname.replace(/^www\./, '').toLowerCase()
  } catch {
    return undefined
  }
}

export const newProject = (url: string): ProjectConfig => ({
  project_id: `project-${siteHost(url) ?? 'site'}`,
  project_url: url,
  target_region: 'United States',
  target_language: 'English',
  target_keywords: [],
  preferred_solution_focus: [],
  project_keyword_history: [],
})

/** Index of the project for `url` (same host), or -1. */
export const projectIndexFor = (profile: BrandProfile, url: string): number => {
  const host = siteHost(url)
  return host ? profile.projects.findIndex((p) => siteHost(p.project_url) === host) : -1
}

/** The profile with a project for `url` (added with defaults when there is none). */
export function withProjectFor(profile: BrandProfile, url: string): BrandProfile {
  if (projectIndexFor(profile, url) >= 0) return profile
  return { ...profile, projects: [...profile.projects, newProject(url)] }
}

const toAsset = (asset: BrandAssetResult): BrandAssetRef => ({
  id: asset.media.id,
  url: asset.media.url,
  mimeType: asset.media.mimeType,
  size: asset.media.size,
  ...(asset.media.width ? { width: asset.media.width } : {}),
  ...(asset.media.height ? { height: asset.media.height } : {}),
  sourceUrl: asset.sourceUrl,
  kind: asset.kind,
})

/**
 * The document after an analysis of `url`: what the site says fills the brand fields, the text
 * profile and the assets; the project for the site gets the suggested keywords when it has none.
 * Fields the user set and the analysis left empty are kept.
 */
export function applyAnalysis(
  document: BrandDocument,
  url: string,
  result: AnalyzeResult
): BrandDocument {
  const found = result.profile
  const info = document.profile.globalInfo
  let profile: BrandProfile = {
    ...document.profile,
    globalInfo: {
      ...info,
      brand_name: found.brandName || info.brand_name,
      brand_industry: found.industry || info.brand_industry,
      brand_voice: {
        tone: found.voice.tone || info.brand_voice.tone,
        style: found.voice.style || info.brand_voice.style,
        values: found.values.length ? found.values : info.brand_voice.values,
      },
      text_profile: result.textProfile || info.text_profile,
      kit: mergeKit(info.kit, result.kit),
    },
  }
  profile = withProjectFor(profile, url)
  const index = projectIndexFor(profile, url)
  profile.projects = profile.projects.map((project, i) =>
    i === index && project.target_keywords.length === 0
      ? { ...project, target_keywords: found.suggestedTargetKeywords }
      : project
  )
  return {
    ...document,
    profile,
    assets: { logos: result.assets.logos.map(toAsset), images: result.assets.images.map(toAsset) },
    analysedUrl: url,
    sources: result.sources,
    warnings: result.warnings,
  }
}

/** The measured kit over the one the user had: each part the site showed replaces theirs. */
export function mergeKit(
  mine: BrandKit | undefined,
  found: BrandKit | undefined
): BrandKit | undefined {
  if (!found) return mine
  const base: BrandKit = mine ?? { colors: [], fonts: [], social: [] }
  return {
    colors: found.colors.length ? found.colors : base.colors,
    fonts: found.fonts.length ? found.fonts : base.fonts,
    social: found.social.length ? found.social : base.social,
    logo: found.logo ?? base.logo,
    language: found.language ?? base.language,
    market: found.market ?? base.market,
  }
}

/** A loaded document when it has the shape of one, else undefined. */
export function asBrandDocument(value: unknown): BrandDocument | undefined {
  const doc = value as Partial<BrandDocument> | undefined
  if (doc?.version !== 1 || typeof doc.profile?.globalInfo !== 'object') return undefined
  if (!Array.isArray(doc.profile.projects) || typeof doc.assets !== 'object') return undefined
  return { ...emptyBrandDocument(), ...doc } as BrandDocument
}

/** The saved profile of a site: one per host, so every project of the site shares it. */
export function brandIdFor(url: string): string {
  const host = siteHost(url) ?? 'site'
  const slug = host.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return `brand-${slug.slice(0, 56) || 'site'}`
}

/** The title a listing shows. */
export const brandTitle = (doc: BrandDocument): string =>
  (doc.profile.globalInfo.brand_name || siteHost(doc.analysedUrl) || 'Brand profile').slice(0, 200)

/** The saved document of a brand document. */
export const toProfileDocument = (doc: BrandDocument): ProfileDocument => ({
  title: brandTitle(doc),
  profile: doc.profile,
  assets: doc.assets,
  analysis: doc.analysedUrl
    ? { url: doc.analysedUrl, sources: doc.sources, warnings: doc.warnings }
    : undefined,
})

/** The brand document of a saved profile. */
export function fromProfileDocument(saved: ProfileDocument): BrandDocument {
  return {
    ...emptyBrandDocument(),
    profile: withKit(saved.profile),
    assets: { logos: saved.assets?.logos ?? [], images: saved.assets?.images ?? [] },
    analysedUrl: saved.analysis?.url,
    sources: saved.analysis?.sources ?? [],
    warnings: saved.analysis?.warnings ?? [],
  }
}
