/**
 * @module stores/seo-project
 * The SEO project store (Pinia setup store): the open project (saved to the library, with its
 * article versions, by seo-project-saving), the brand profile it writes for, and the research and strategy steps (brand analysis, diagnosis,
 * competitors, competitor analysis, strategy board, brief) as requests with busy, error, abort
 * and stale-answer protection. A step's new result keeps the later results, marked out of date.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  analysisReportOf,
  type Competitor,
  type ContentBrief,
  type SolutionBoardResult,
  seoApi,
  seoReportOf,
} from '../api/seo'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import { useBrandStore } from './brand'
import { type BrandProfile, brandIdFor, withProjectFor } from './brand-document'
import { plain } from './persistence'
import {
  afterNewResult,
  type ChatEntry,
  furthestOpenStep,
  isOpen,
  isStale,
  MAX_PICKED,
  type ProfileChoice,
  pickedCompetitors,
  randomId,
  type SeoDocument,
  togglePick,
  withChatEntry,
} from './seo-document'
import { useProjectSaving } from './seo-project-saving'
import { useSeoSearchStore } from './seo-search'

export const useSeoProjectStore = defineStore('seo-project', () => {
  const brand = useBrandStore()
  const document = ref<SeoDocument>()
  const saving = useProjectSaving(document, brand, () => {
    for (const request of requests) request.reset()
  })
  const { sync, versions, articleVersion } = saving

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
        searchQueries: result.searchQueries,
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
        seoReport: seoReportOf(doc.diagnosis),
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

  // Typed: the Search Console store reads this one (its type must not wait on its own).
  const solutions = useRequest(
    async (signal, userInstructions?: string): Promise<SolutionBoardResult> => {
      const searchConsole = await useSeoSearchStore().loadEvidence()
      const doc = document.value
      return seoApi.solutionBoard(
        {
          ...common(),
          competitors: doc?.analysis?.competitors ?? [],
          analysisReport: doc?.analysis && analysisReportOf(doc.analysis),
          seoReport: doc?.diagnosis && seoReportOf(doc.diagnosis),
          // The site's own Search Console rows, which the strategies then cite.
          searchConsole,
          userInstructions,
        },
        signal
      )
    }
  )
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
        seoReport: doc?.diagnosis && seoReportOf(doc.diagnosis),
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
      {
        ...common(),
        previousBrief: doc.brief,
        seoReport: doc.diagnosis && seoReportOf(doc.diagnosis),
      },
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
    update((doc) => ({
      ...doc,
      chat: withChatEntry(doc.chat, { id: randomId(), role, text, action }),
    }))
  }

  const requests = [diagnosis, competitors, analysis, solutions, brief, newIdea]

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
    start: saving.start,
    openProject: saving.openProject,
    resolveConflict: saving.resolveConflict,
    close: saving.close,
    versionList: saving.versionList,
    restore: saving.restore,
    restoreVersion: (version: number) => saving.restoreVersion(version, settle),
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
