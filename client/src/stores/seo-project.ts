/**
 * @module stores/seo-project
 * The SEO project store (Pinia setup store): the open project, saved to the library
 * (`seo-projects`, autosaved with its ETag through document-sync, the chat and grounding details
 * kept on this device beside it), the brand profile it writes for, its article versions (the
 * library's, restorable), and the research and strategy steps (brand analysis, diagnosis,
 * competitors, competitor analysis, strategy board, brief) as requests with busy, error, abort
 * and stale-answer protection. A step's new result keeps the later results, marked out of date.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ArticleVersionInfo } from '../../../server/features/library/schemas'
import { type Competitor, type ContentBrief, seoApi } from '../api/seo'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import { useBrandStore } from './brand'
import { type BrandProfile, brandIdFor, withProjectFor } from './brand-document'
import { createDocumentSync } from './document-sync'
import { persistence, plain, rememberOpen } from './persistence'
import {
  afterNewResult,
  type ChatEntry,
  furthestOpenStep,
  isOpen,
  isStale,
  MAX_PICKED,
  newSeoDocument,
  type ProfileChoice,
  pickedCompetitors,
  randomId,
  type SeoDocument,
  togglePick,
} from './seo-document'
import {
  type DeviceExtras,
  deviceExtrasOf,
  fromProjectDocument,
  type ProjectDocument,
  toProjectDocument,
} from './seo-library'

const KIND = 'seo-projects'
const extrasKey = (id: string) => `local:${KIND}/${id}`

export const useSeoProjectStore = defineStore('seo-project', () => {
  const brand = useBrandStore()
  const document = ref<SeoDocument>()
  /** The library's article versions (newest first) and the one the article is now. */
  const versions = shallowRef<ArticleVersionInfo[]>([])
  const articleVersion = ref<number>()
  const takeServerState = (saved: ProjectDocument) => {
    versions.value = saved.articleVersions
    articleVersion.value = saved.article?.version
  }
  const sync = createDocumentSync(KIND, { onSaved: (stored) => takeServerState(stored.document) })

  /** Showing a loaded document is not an edit: the watcher's next run is skipped. */
  let loading = false
  function show(next: SeoDocument | undefined) {
    loading = true
    document.value = next
  }
  watch(
    document,
    (doc) => {
      if (loading || !doc) {
        loading = false
        return
      }
      sync.schedule(toProjectDocument(doc))
      void persistence().device.set(extrasKey(doc.id), plain(deviceExtrasOf(doc)))
    },
    { deep: true }
  )
  globalThis.addEventListener?.('pagehide', () => sync.keepPendingDraft())

  const siteUrl = computed(() => document.value?.siteUrl ?? '')
  const currentStep = computed(() => furthestOpenStep(document.value))
  const open = (step: number) => isOpen(document.value, step)
  const stale = (step: number) => isStale(document.value, step)

  /** Applies a change to the open project (nothing happens without one). */
  function update(change: (doc: SeoDocument) => SeoDocument): void {
    if (document.value) document.value = change(document.value)
  }

  /** Stores a step's new result; the later steps keep theirs, marked out of date. */
  function settle(step: number, change: (doc: SeoDocument) => SeoDocument): void {
    update((doc) => afterNewResult(change(doc), step))
  }

  /** The profile the project writes for, with a project for its site. */
  function profile(): BrandProfile {
    const choice = document.value?.profile
    if (choice?.source === 'embedded') return withProjectFor(choice.profile, siteUrl.value)
    return brand.profileFor(siteUrl.value)
  }

  /** Changes the profile the project writes for (its own copy, or the open saved one). */
  function changeProfile(change: (profile: BrandProfile) => BrandProfile): void {
    if (document.value?.profile?.source === 'embedded') {
      const next = change(profile())
      update((doc) => ({ ...doc, profile: { source: 'embedded', profile: next } }))
    } else {
      brand.replaceProfile(change(brand.profileFor(siteUrl.value)))
    }
  }

  /** Writes for saved profile `id` (opened in the brand store), or for a copy kept in the project. */
  async function chooseProfile(choice: ProfileChoice['source'], id?: string): Promise<void> {
    if (choice === 'embedded') {
      const copy = plain(brand.profileFor(siteUrl.value))
      update((doc) => ({ ...doc, profile: { source: 'embedded', profile: copy } }))
      return
    }
    const target = id ?? brand.id ?? brandIdFor(siteUrl.value)
    if (!(await brand.open(target).catch(() => false))) return
    update((doc) => ({ ...doc, profile: { source: 'library', id: target } }))
  }

  const common = () => ({
    url: siteUrl.value,
    profile: profile(),
    uiLanguage: currentLocale(),
  })

  function resetRequests() {
    for (const request of requests) request.reset()
    versions.value = []
    articleVersion.value = undefined
  }

  /** Starts a new project for `url` with the site's saved brand profile (created when missing). */
  async function start(url: string): Promise<string> {
    resetRequests()
    const doc = newSeoDocument(url)
    const profileId = await brand.openFor(url)
    sync.attach(doc.id)
    rememberOpen(KIND, doc.id)
    const started: SeoDocument = { ...doc, profile: { source: 'library', id: profileId } }
    // Created on the server at once, so its address works from the first moment.
    show(started)
    sync.schedule(toProjectDocument(started))
    void sync.flush()
    return doc.id
  }

  /** Opens saved project `id` (the server's version, or this device's newer draft of it). */
  async function openProject(id: string): Promise<boolean> {
    if (document.value?.id === id) return true
    resetRequests()
    const listed = await persistence()
      .library.list(KIND)
      .catch(() => undefined)
    const absent = Boolean(listed && !listed.nextCursor && !listed.items.some((p) => p.id === id))
    const saved = await sync.open(id, absent)
    if (!saved) return false
    const extras = (await persistence().device.get(extrasKey(id))) as DeviceExtras | undefined
    takeServerState(saved)
    rememberOpen(KIND, id)
    show(fromProjectDocument(id, saved, extras))
    if (saved.profile?.source === 'library') await brand.open(saved.profile.id).catch(() => false)
    return true
  }

  /** The conflict answer: their version shown, or mine saved over it. */
  async function resolveConflict(choice: 'theirs' | 'mine'): Promise<void> {
    const id = document.value?.id
    const theirs = await sync.resolve(choice)
    if (choice !== 'theirs' || !id) return
    if (!theirs) return close()
    const extras = (await persistence().device.get(extrasKey(id))) as DeviceExtras | undefined
    takeServerState(theirs)
    show(fromProjectDocument(id, theirs, extras))
  }

  function close(): void {
    resetRequests()
    sync.detach()
    rememberOpen(KIND, undefined)
    show(undefined)
  }

  /** The library's version list (fresh from the server). */
  const versionList = useRequest(async () => {
    const id = document.value?.id
    if (!id || !sync.etag()) return []
    const list = await persistence().library.versions(id)
    versions.value = list.items
    return list.items
  })

  /** Makes version `n` the article again (a new version itself, so it can be undone the same way). */
  const restore = useRequest(async (_signal, version: number) => {
    await sync.flush()
    const id = document.value?.id
    const etag = sync.etag()
    if (!id || !etag) throw new Error('the project is not saved yet')
    const stored = await persistence().library.restore(id, version, etag)
    sync.adopt(stored)
    takeServerState(stored.document)
    return { from: version, before: articleVersion.value, text: stored.document.article?.markdown }
  })
  async function restoreVersion(version: number): Promise<{ before?: number } | undefined> {
    const before = articleVersion.value
    const result = await restore.execute(version)
    if (!result?.text) return undefined
    const text = result.text
    settle(6, (doc) => ({ ...doc, article: text, articleSource: 'restore', preflight: undefined }))
    return { before }
  }

  const brandAnalysis = brand.analysis

  /** Each step's last run with its arguments, for a retry that stores what it gets. */
  const again: Record<'diagnosis' | 'competitors' | 'brief', () => Promise<boolean>> = {
    diagnosis: () => runDiagnosis(),
    competitors: () => runCompetitors(),
    brief: async () => false,
  }
  const retryDiagnosis = () => again.diagnosis()
  const retryCompetitors = () => again.competitors()
  const retryBrief = () => again.brief()

  const diagnosis = useRequest((signal, userInstructions?: string) =>
    seoApi.diagnose({ ...common(), userInstructions }, signal)
  )
  async function runDiagnosis(userInstructions?: string): Promise<boolean> {
    again.diagnosis = () => runDiagnosis(userInstructions)
    const result = await diagnosis.execute(userInstructions)
    if (!result) return false
    settle(1, (doc) => ({ ...doc, diagnosis: result }))
    return true
  }

  /** Brand analysis first (the diagnosis judges the site against its market), then diagnosis. */
  async function runOpening(): Promise<void> {
    const known = brand.document.profile.globalInfo.brand_name
    if (document.value?.profile?.source !== 'embedded' && !known) await brand.analyse(siteUrl.value)
    await runDiagnosis()
  }

  const competitors = useRequest((signal, userInstructions?: string) =>
    seoApi.findCompetitors({ ...common(), userInstructions }, signal)
  )
  async function runCompetitors(userInstructions?: string): Promise<boolean> {
    again.competitors = () => runCompetitors(userInstructions)
    const result = await competitors.execute(userInstructions)
    if (!result) return false
    settle(2, (doc) => ({
      ...doc,
      competitors: {
        found: result.competitors,
        manual: doc.competitors?.manual ?? [],
        selected: result.competitors.slice(0, MAX_PICKED).map((c) => c.id ?? ''),
        sources: result.sources,
        searchEntryPoints: result.searchEntryPoints,
      },
    }))
    return true
  }

  function togglePicked(id: string): void {
    settle(2, (doc) =>
      doc.competitors ? { ...doc, competitors: togglePick(doc.competitors, id) } : doc
    )
  }

  /** Adds a competitor the user typed (already checked as a site URL); picks it when there is room. */
  function addCompetitor(url: string): void {
    settle(2, (doc) => {
      const picks = doc.competitors ?? { found: [], manual: [], selected: [], sources: [] }
      const competitor: Competitor = { id: `manual-${randomId()}`, url, isManual: true, name: url }
      const added = { ...picks, manual: [...picks.manual, competitor] }
      return { ...doc, competitors: togglePick(added, competitor.id ?? '') }
    })
  }

  function removeCompetitor(id: string): void {
    settle(2, (doc) => {
      if (!doc.competitors) return doc
      const picks = doc.competitors
      return {
        ...doc,
        competitors: {
          ...picks,
          manual: picks.manual.filter((c) => c.id !== id),
          selected: picks.selected.filter((s) => s !== id),
        },
      }
    })
  }

  const analysis = useRequest((signal) => {
    const doc = document.value
    if (!doc?.diagnosis) throw new Error('no diagnosis')
    return seoApi.analyseCompetitors(
      {
        ...common(),
        competitors: pickedCompetitors(doc.competitors),
        seoReport: doc.diagnosis,
      },
      signal
    )
  })
  async function runAnalysis(): Promise<boolean> {
    const result = await analysis.execute()
    if (!result) return false
    settle(3, (doc) => ({ ...doc, analysis: result }))
    return true
  }

  const solutions = useRequest((signal, userInstructions?: string) => {
    const doc = document.value
    return seoApi.solutionBoard(
      {
        ...common(),
        competitors: doc?.analysis?.competitors ?? [],
        analysisReport: doc?.analysis,
        seoReport: doc?.diagnosis,
        userInstructions,
      },
      signal
    )
  })
  async function runSolutions(userInstructions?: string): Promise<boolean> {
    const result = await solutions.execute(userInstructions)
    if (!result) return false
    settle(4, (doc) => ({ ...doc, solutions: result }))
    return true
  }

  const brief = useRequest((signal, solutionId: string, userInstructions?: string) => {
    const doc = document.value
    const solution = doc?.solutions?.solutions.find((s) => s.id === solutionId)
    if (!solution) throw new Error('unknown strategy')
    return seoApi.contentBrief(
      {
        ...common(),
        solution,
        seoReport: doc?.diagnosis,
        competitors: doc?.analysis?.competitors ?? [],
        userInstructions,
      },
      signal
    )
  })
  async function runBrief(solutionId: string, userInstructions?: string): Promise<boolean> {
    again.brief = () => runBrief(solutionId, userInstructions)
    const result = await brief.execute(solutionId, userInstructions)
    if (!result) return false
    const { knowledge, ...content } = result
    settle(5, (doc) => ({
      ...withoutWritingNotes(doc),
      chosenSolutionId: solutionId,
      brief: content,
      briefKnowledge: knowledge,
      briefConfirmed: false,
    }))
    return true
  }

  const newIdea = useRequest((signal) => {
    const doc = document.value
    if (!doc?.brief) throw new Error('no brief')
    return seoApi.newContentIdea(
      { ...common(), previousBrief: doc.brief, seoReport: doc.diagnosis },
      signal
    )
  })
  async function runNewIdea(): Promise<boolean> {
    const result = await newIdea.execute()
    if (!result) return false
    const { knowledge, ...content } = result
    settle(5, (doc) => ({
      ...withoutWritingNotes(doc),
      brief: content,
      briefKnowledge: knowledge,
      briefConfirmed: false,
    }))
    return true
  }

  /** The user's edits of the brief; the article written on the old one is out of date. */
  function editBrief(next: ContentBrief): void {
    settle(5, (doc) => ({ ...withoutWritingNotes(doc), brief: next, briefConfirmed: false }))
  }

  function confirmBrief(): void {
    update((doc) => ({ ...doc, briefConfirmed: true }))
  }

  function say(role: ChatEntry['role'], text: string, action = false): void {
    update((doc) => ({ ...doc, chat: [...doc.chat, { id: randomId(), role, text, action }] }))
  }

  const requests = [
    diagnosis,
    competitors,
    analysis,
    solutions,
    brief,
    newIdea,
    restore,
    versionList,
  ]

  return {
    document,
    saveStatus: sync.status,
    saveError: sync.error,
    conflict: sync.conflict,
    savedAt: sync.savedAt,
    retrySave: sync.flush,
    versions,
    articleVersion,
    siteUrl,
    currentStep,
    open,
    stale,
    update,
    settle,
    profile,
    changeProfile,
    chooseProfile,
    common,
    start,
    openProject,
    resolveConflict,
    close,
    versionList,
    restore,
    restoreVersion,
    say,
    brandAnalysis,
    diagnosis,
    runDiagnosis,
    runOpening,
    retryDiagnosis,
    retryCompetitors,
    retryBrief,
    competitors,
    runCompetitors,
    togglePicked,
    addCompetitor,
    removeCompetitor,
    analysis,
    runAnalysis,
    solutions,
    runSolutions,
    brief,
    runBrief,
    newIdea,
    runNewIdea,
    editBrief,
    confirmBrief,
    flush: sync.flush,
  }
})

/** Research and outline are written for one brief: a new brief needs new ones. */
const withoutWritingNotes = (doc: SeoDocument): SeoDocument => ({
  ...doc,
  research: undefined,
  outline: undefined,
})
