/**
 * @module stores/campaign
 * The open campaign (Pinia setup store): its document, saved to the library (`campaigns`,
 * autosaved with its ETag through document-sync, conflicts asked), started from a saved SEO
 * project's article, from its brief, or from a prompt with a brand profile. Every change goes
 * through `update`, which saves once edits pause. Generation lives in `campaign-run.ts`.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { BrandProfile } from '../../../server/features/brand/profile'
import type {
  CampaignDocument,
  CampaignLanguage,
  CampaignSource,
  NetworkId,
} from '../../../server/features/library/schemas/campaign'
import type { SeoProjectDocument } from '../../../server/features/library/schemas/seo-project'
import { useBrandStore } from './brand'
import { createDocumentSync } from './document-sync'
import { persistence, plain, rememberOpen } from './persistence'

const KIND = 'campaigns'

export const DEFAULT_NETWORKS: NetworkId[] = [
  'linkedin',
  'x',
  'instagram',
  'facebook',
  'xiaohongshu',
  'wechat',
  'weibo',
]
export const DEFAULT_LANGUAGES: CampaignLanguage[] = ['zh-CN', 'en']

export function newCampaignId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6))
  return `c-${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`.slice(0, 40)
}

/** Images out of an article: the campaign works from its words. */
const withoutImages = (markdown: string) => markdown.replace(/!\[[^\]]*\]\([^)]*\)\s*/g, '')

/** What a saved SEO project gives a campaign: its approved article, else its brief. */
export function sourceOfProject(id: string, project: SeoProjectDocument): CampaignSource {
  const slug = project.article?.metadata?.slug
  const url = slug ? `${project.site.url.replace(/\/+$/, '')}/${slug}` : project.site.url
  const brief = project.steps.brief
  if (project.article?.markdown) {
    return {
      kind: 'article',
      projectId: id,
      title: (project.article.metadata?.seoTitle || brief?.titleSuggestion || project.title).slice(
        0,
        400
      ),
      markdown: withoutImages(project.article.markdown).slice(0, 60_000),
      url,
    }
  }
  return {
    kind: 'brief',
    projectId: id,
    title: (brief?.titleSuggestion || project.title).slice(0, 400),
    summary: (brief?.topicSummary ?? '').slice(0, 6_000),
    keywords: brief ? [brief.mainKeyword, ...brief.secondaryKeywords].slice(0, 20) : [],
    url,
  }
}

export const useCampaignStore = defineStore('campaign', () => {
  const id = ref<string>()
  const document = shallowRef<CampaignDocument>()
  const sync = createDocumentSync(KIND)

  function update(change: (doc: CampaignDocument) => CampaignDocument): void {
    if (!document.value) return
    document.value = change(document.value)
    sync.schedule(document.value)
  }

  function begin(campaignId: string, doc: CampaignDocument): void {
    id.value = campaignId
    document.value = doc
    sync.attach(campaignId)
    sync.schedule(doc)
    rememberOpen(KIND, campaignId)
  }

  /** A new campaign from saved SEO project `projectId` (its article, else its brief). */
  async function startFromProject(projectId: string): Promise<string | undefined> {
    const stored = await persistence().library.get('seo-projects', projectId)
    if (!stored) return undefined
    const project = stored.document
    const campaignId = newCampaignId()
    begin(campaignId, {
      title: `${project.title}`.slice(0, 200),
      source: sourceOfProject(projectId, project),
      ...(project.profile ? { profile: project.profile } : {}),
      languages: [...DEFAULT_LANGUAGES],
      networks: [...DEFAULT_NETWORKS],
      plans: {},
      posts: [],
      visuals: [],
    })
    return campaignId
  }

  /** A new campaign from a free prompt, with saved brand profile `profileId` when given. */
  function startFromPrompt(prompt: string, profileId?: string, url?: string): string {
    const campaignId = newCampaignId()
    begin(campaignId, {
      title: prompt.trim().slice(0, 80) || 'Campaign',
      source: { kind: 'prompt', prompt: prompt.trim(), ...(url ? { url } : {}) },
      ...(profileId ? { profile: { source: 'library' as const, id: profileId } } : {}),
      languages: [...DEFAULT_LANGUAGES],
      networks: [...DEFAULT_NETWORKS],
      plans: {},
      posts: [],
      visuals: [],
    })
    return campaignId
  }

  /** Opens saved campaign `campaignId`; false when it exists nowhere. */
  async function open(campaignId: string): Promise<boolean> {
    if (id.value === campaignId && document.value) return true
    const saved = await sync.open(campaignId)
    if (!saved) return false
    id.value = campaignId
    document.value = saved
    rememberOpen(KIND, campaignId)
    return true
  }

  /**
   * The brand profile the campaign writes for: kept in the campaign, or the saved one. That one is
   * taken from this tab when it is open here, edits not saved yet included (a campaign started
   * right after the SEO workflow came before the profile's first save and was written without
   * the brand); else it is read now.
   */
  async function profile(): Promise<BrandProfile | undefined> {
    const choice = document.value?.profile
    if (!choice) return undefined
    if (choice.source === 'embedded') return choice.profile
    const brand = useBrandStore()
    if (brand.id === choice.id) return plain(brand.document.profile)
    const stored = await persistence()
      .library.get('brand-profiles', choice.id)
      .catch(() => undefined)
    return stored?.document.profile
  }

  async function resolveConflict(choice: 'theirs' | 'mine'): Promise<void> {
    const theirs = await sync.resolve(choice)
    if (choice === 'theirs' && theirs) document.value = theirs
  }

  globalThis.addEventListener?.('pagehide', () => sync.keepPendingDraft())

  return {
    id,
    document,
    saveStatus: sync.status,
    saveError: sync.error,
    conflict: sync.conflict,
    savedAt: sync.savedAt,
    flush: sync.flush,
    update,
    startFromProject,
    startFromPrompt,
    open,
    profile,
    resolveConflict,
  }
})
