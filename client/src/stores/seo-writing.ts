/**
 * @module stores/seo-writing
 * The writing steps of an SEO project (Pinia setup store over the project store): research,
 * outline, the article streamed live (stoppable), polish, illustrations, the pre-flight check,
 * auto-fix proposed as a diff to accept or reject, and the metadata that opens the publish step.
 * Each new text of the article is saved at once, so the library keeps it as a version.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { seoApi } from '../api/seo'
import { useRequest } from '../composables/useRequest'
import { useStream } from '../composables/useStream'
import { currentLocale } from '../i18n'
import { projectIndexFor } from './brand-document'
import { type ArticleSource, isStale, type SeoDocument } from './seo-document'
import { useSeoProjectStore } from './seo-project'

export const useSeoWritingStore = defineStore('seo-writing', () => {
  const project = useSeoProjectStore()

  const doc = (): SeoDocument => {
    if (!project.document) throw new Error('no SEO project is open')
    return project.document
  }
  const briefOf = () => {
    const brief = doc().brief
    if (!brief) throw new Error('no brief')
    return brief
  }
  const profile = () => project.profile()
  const uiLanguage = () => currentLocale()

  const research = useStream((stream) =>
    seoApi.research({ brief: briefOf(), uiLanguage: uiLanguage() }, stream)
  )
  const outline = useRequest((signal) =>
    seoApi.outline(
      {
        brief: briefOf(),
        profile: profile(),
        researchSummary: doc().research?.summary ?? '',
        uiLanguage: uiLanguage(),
      },
      signal
    )
  )
  const article = useStream((stream, userInstructions?: string) =>
    seoApi.writeArticle(
      {
        brief: briefOf(),
        profile: profile(),
        outline: doc().outline ?? [],
        researchSummary: doc().research?.summary,
        userInstructions,
        uiLanguage: uiLanguage(),
      },
      stream
    )
  )
  const polish = useStream((stream) =>
    seoApi.polish(
      {
        article: doc().article ?? '',
        brief: briefOf(),
        profile: profile(),
        uiLanguage: uiLanguage(),
      },
      stream
    )
  )
  const images = useRequest((signal) =>
    seoApi.images(
      {
        article: doc().article ?? '',
        brief: briefOf(),
        profile: profile(),
        uiLanguage: uiLanguage(),
      },
      signal
    )
  )
  const preflight = useRequest((signal) =>
    seoApi.preflight(
      {
        article: doc().article ?? '',
        brief: briefOf(),
        profile: profile(),
        uiLanguage: uiLanguage(),
      },
      signal
    )
  )
  const autoFix = useStream((stream) =>
    seoApi.autoFix(
      {
        article: doc().article ?? '',
        issues: doc().preflight?.issues ?? [],
        brief: briefOf(),
        profile: profile(),
        uiLanguage: uiLanguage(),
      },
      stream
    )
  )
  const metadata = useRequest((signal) =>
    seoApi.metadata(
      { article: doc().article ?? '', brief: briefOf(), uiLanguage: uiLanguage() },
      signal
    )
  )

  /** The auto-fixed article waiting for the user's accept or reject. */
  const proposal = shallowRef<{ before: string; after: string }>()

  /** Sets the article's new text (saved at once, a version of its own); its old check is gone. */
  function setArticle(text: string, source: ArticleSource): void {
    project.settle(6, (d) => ({ ...d, article: text, articleSource: source, preflight: undefined }))
    void project.flush()
  }

  async function runResearch(): Promise<boolean> {
    const result = await research.execute()
    if (!result) return false
    project.update((d) => ({ ...d, research: result }))
    return true
  }

  async function runOutline(): Promise<boolean> {
    const result = await outline.execute()
    if (!result) return false
    project.update((d) => ({ ...d, outline: result.outline }))
    return true
  }

  async function runPreflight(): Promise<boolean> {
    const result = await preflight.execute()
    if (!result) return false
    project.update((d) => ({ ...d, preflight: result }))
    return true
  }

  /**
   * Research and outline when missing, then the article (streamed), then the pre-flight check.
   * Stops at the first step that fails or is stopped; a stopped article stays as a draft.
   */
  async function write(userInstructions?: string): Promise<boolean> {
    // An article out of date was written for an older brief: research and outline again.
    const redo = isStale(doc(), 6)
    if ((redo || !doc().research) && !(await runResearch())) return false
    if ((redo || !doc().outline) && !(await runOutline())) return false
    const result = await article.execute(userInstructions)
    if (!result) return false
    setArticle(result.article, 'write')
    return runPreflight()
  }

  /** Keeps the text of a stopped article as the current version, to edit or finish by hand. */
  function keepStoppedDraft(): void {
    const text = article.text.value.trim()
    if (text) setArticle(text, 'write')
    article.clear()
  }

  async function runPolish(): Promise<boolean> {
    const result = await polish.execute()
    if (!result) return false
    setArticle(result.article, 'polish')
    return runPreflight()
  }

  async function runImages(): Promise<boolean> {
    const result = await images.execute()
    if (!result) return false
    setArticle(result.article, 'illustrate')
    return runPreflight()
  }

  async function runAutoFix(): Promise<boolean> {
    const before = doc().article ?? ''
    const result = await autoFix.execute()
    if (!result) return false
    proposal.value = { before, after: result.article }
    return true
  }

  async function acceptFix(): Promise<boolean> {
    const pending = proposal.value
    if (!pending) return false
    proposal.value = undefined
    autoFix.clear()
    setArticle(pending.after, 'auto-fix')
    return runPreflight()
  }

  function rejectFix(): void {
    proposal.value = undefined
    autoFix.clear()
  }

  /** The user's own edit, then a new check. */
  async function saveEdit(text: string): Promise<boolean> {
    if (text === doc().article) return runPreflight()
    setArticle(text, 'edit')
    return runPreflight()
  }

  /** The article with an illustration replaced by its brand fix, then a new check. */
  async function saveBrandFix(text: string): Promise<boolean> {
    setArticle(text, 'brand-fix')
    return runPreflight()
  }

  /** Metadata for the approved article; it opens the publish step. */
  async function runMetadata(): Promise<boolean> {
    const result = await metadata.execute()
    if (!result) return false
    project.settle(7, (d) => ({ ...d, metadata: result }))
    rememberKeyword()
    return true
  }

  /** The project's keyword history gets the main keyword, so the next brief picks another. */
  function rememberKeyword(): void {
    const keyword = doc().brief?.mainKeyword
    if (!keyword) return
    project.changeProfile((profile) => {
      const index = projectIndexFor(profile, project.siteUrl)
      return {
        ...profile,
        projects: profile.projects.map((p, i) =>
          i === index && !p.project_keyword_history.includes(keyword)
            ? { ...p, project_keyword_history: [...p.project_keyword_history, keyword] }
            : p
        ),
      }
    })
  }

  const requests = [research, outline, article, polish, images, preflight, autoFix, metadata]
  function resetAll(): void {
    for (const request of requests) request.reset()
    proposal.value = undefined
  }

  return {
    research,
    outline,
    article,
    polish,
    images,
    preflight,
    autoFix,
    metadata,
    proposal,
    write,
    keepStoppedDraft,
    runResearch,
    runOutline,
    runPreflight,
    runPolish,
    runImages,
    runAutoFix,
    acceptFix,
    rejectFix,
    saveEdit,
    saveBrandFix,
    runMetadata,
    resetAll,
  }
})
