/**
 * @module stores/seo-project
 * The SEO project store (Pinia setup store): the project document, kept through the persistence
 * seam, its edits, and the research and strategy steps (brand analysis, diagnosis, competitors,
 * competitor analysis, strategy board, brief) as requests with busy, error, abort and stale-answer
 * protection. A step's new result discards the results after it.
 */
import { defineStore } from 'pinia'
import { computed, ref, toRaw, watch } from 'vue'
import { type Competitor, type ContentBrief, seoApi } from '../api/seo'
import { useRequest } from '../composables/useRequest'
import { currentLocale } from '../i18n'
import { useBrandStore } from './brand'
import { debouncedSaver, persistence } from './persistence'
import {
  asSeoDocument,
  type ChatEntry,
  discardAfter,
  furthestOpenStep,
  isOpen,
  MAX_PICKED,
  newSeoDocument,
  pickedCompetitors,
  randomId,
  type SeoDocument,
  togglePick,
} from './seo-document'

export const useSeoProjectStore = defineStore('seo-project', () => {
  const brand = useBrandStore()
  const document = ref<SeoDocument>()
  const saver = debouncedSaver('seo-project', () => toRaw(document.value) ?? null)

  const ready = persistence()
    .load('seo-project')
    .then((stored) => {
      document.value ??= asSeoDocument(stored)
    })
  watch(document, () => saver.schedule(), { deep: true })

  const siteUrl = computed(() => document.value?.siteUrl ?? '')
  const currentStep = computed(() => furthestOpenStep(document.value))
  const open = (step: number) => isOpen(document.value, step)

  /** Applies a change to the open project (nothing happens without one). */
  function update(change: (doc: SeoDocument) => SeoDocument): void {
    if (document.value) document.value = change(document.value)
  }

  /** Stores a step's result and drops what the steps after it had built on the old one. */
  function settle(step: number, change: (doc: SeoDocument) => SeoDocument): void {
    update((doc) => change(discardAfter(doc, step)))
  }

  const common = () => ({
    url: siteUrl.value,
    profile: brand.profileFor(siteUrl.value),
    uiLanguage: currentLocale(),
  })

  /** Starts a project for `url` (the same site keeps its project) and analyses the brand. */
  function start(url: string): boolean {
    if (document.value?.siteUrl === url) return false
    for (const request of requests) request.reset()
    document.value = newSeoDocument(url)
    return true
  }

  function close(): void {
    for (const request of requests) request.reset()
    document.value = undefined
    void persistence().remove('seo-project')
  }

  const brandAnalysis = brand.analysis

  const diagnosis = useRequest((signal, userInstructions?: string) =>
    seoApi.diagnose({ ...common(), userInstructions }, signal)
  )
  async function runDiagnosis(userInstructions?: string): Promise<boolean> {
    const result = await diagnosis.execute(userInstructions)
    if (!result) return false
    settle(1, (doc) => ({ ...doc, diagnosis: result }))
    return true
  }

  /** Brand analysis first (the diagnosis judges the site against its market), then diagnosis. */
  async function runOpening(): Promise<void> {
    if (brand.document.analysedUrl !== siteUrl.value) await brand.analyse(siteUrl.value)
    await runDiagnosis()
  }

  const competitors = useRequest((signal, userInstructions?: string) =>
    seoApi.findCompetitors({ ...common(), userInstructions }, signal)
  )
  async function runCompetitors(userInstructions?: string): Promise<boolean> {
    const result = await competitors.execute(userInstructions)
    if (!result) return false
    settle(2, (doc) => ({
      ...doc,
      competitors: {
        found: result.competitors,
        manual: doc.competitors?.manual ?? [],
        selected: result.competitors.slice(0, MAX_PICKED).map((c) => c.id ?? ''),
        sources: result.sources,
      },
    }))
    return true
  }

  function togglePicked(id: string): void {
    update((doc) =>
      doc.competitors ? { ...doc, competitors: togglePick(doc.competitors, id) } : doc
    )
  }

  /** Adds a competitor the user typed (already checked as a site URL); picks it when there is room. */
  function addCompetitor(url: string): void {
    update((doc) => {
      const picks = doc.competitors ?? { found: [], manual: [], selected: [], sources: [] }
      const competitor: Competitor = { id: `manual-${randomId()}`, url, isManual: true, name: url }
      const added = { ...picks, manual: [...picks.manual, competitor] }
      return { ...doc, competitors: togglePick(added, competitor.id ?? '') }
    })
  }

  function removeCompetitor(id: string): void {
    update((doc) => {
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
    const result = await brief.execute(solutionId, userInstructions)
    if (!result) return false
    const { knowledge, ...content } = result
    settle(4, (doc) => ({
      ...doc,
      chosenSolutionId: solutionId,
      brief: content,
      briefKnowledge: knowledge,
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
    settle(4, (doc) => ({
      ...doc,
      chosenSolutionId: doc.chosenSolutionId,
      brief: content,
      briefKnowledge: knowledge,
    }))
    return true
  }

  /** The user's edits of the brief; later results built on the old brief are dropped. */
  function editBrief(next: ContentBrief): void {
    settle(5, (doc) => ({ ...doc, brief: next, briefConfirmed: false }))
  }

  function confirmBrief(): void {
    update((doc) => ({ ...doc, briefConfirmed: true }))
  }

  function say(role: ChatEntry['role'], text: string, action = false): void {
    update((doc) => ({ ...doc, chat: [...doc.chat, { id: randomId(), role, text, action }] }))
  }

  const requests = [diagnosis, competitors, analysis, solutions, brief, newIdea]

  return {
    document,
    ready,
    siteUrl,
    currentStep,
    open,
    update,
    settle,
    common,
    start,
    close,
    say,
    brandAnalysis,
    diagnosis,
    runDiagnosis,
    runOpening,
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
    flush: saver.flush,
  }
})
