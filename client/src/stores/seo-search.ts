/**
 * @module stores/seo-search
 * The open SEO project's Search Console data (Pinia setup store): the properties the server's
 * Google account can read, the project's chosen property (kept in the project), the 28-day
 * report (kept by the server for the day), the rows the strategy board is given to cite, and the
 * published article's history.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { SearchEvidenceRow } from '../../../server/features/seo/schemas'
import { searchConsoleApi } from '../api/search-console'
import { useRequest } from '../composables/useRequest'
import { useSeoProjectStore } from './seo-project'

/** Top rows the board sees besides the insights. */
const TOP_FOR_BOARD = 8

export const useSeoSearchStore = defineStore('seo-search', () => {
  const project = useSeoProjectStore()
  const property = computed(() => project.document?.searchConsole?.property ?? '')

  const sites = useRequest((signal) => searchConsoleApi.sites(signal))
  const report = useRequest((signal, refresh: boolean) => {
    const doc = project.document
    if (!doc || !property.value) throw new Error('no property')
    return searchConsoleApi.report(doc.id, property.value, refresh, signal)
  })
  const page = useRequest((signal, url: string) =>
    searchConsoleApi.page(property.value, url, signal)
  )

  /** Keeps the property in the project and reads its report. */
  async function connect(next: string): Promise<boolean> {
    project.update((doc) => ({ ...doc, searchConsole: { property: next.trim() } }))
    return Boolean(await report.execute(false))
  }

  function disconnect(): void {
    report.reset()
    project.update((doc) => ({ ...doc, searchConsole: undefined }))
  }

  /** The report's rows for the strategy board, by id (none without a report for this property). */
  function evidence() {
    const data = report.state.value
    if (!data || data.property !== property.value) return undefined
    const rows: SearchEvidenceRow[] = [
      ...data.quickWins.map((w) => row(w.id, 'quickWin', w.query, w, w.page ? [w.page] : [])),
      ...data.cannibalisation.map((c) => ({
        ...row(c.id, 'cannibalisation', c.query, { ...c, position: c.pages[0]?.position ?? 0 }),
        pages: c.pages.map((p) => p.page),
      })),
      ...data.gaps.map((g) => row(g.id, 'gap', g.query, g, g.pages)),
      ...data.topQueries.slice(0, TOP_FOR_BOARD).map((q) => row(q.id, 'query', q.key, q)),
      ...data.topPages.slice(0, TOP_FOR_BOARD / 2).map((p) => row(p.id, 'page', p.key, p)),
    ]
    return { property: data.property, ...data.period, rows }
  }

  /** `evidence()`, reading the report first when the project has a property but no report yet. */
  async function loadEvidence() {
    const loaded = report.state.value?.property === property.value
    if (property.value && !loaded && !report.isLoading.value) await report.execute(false)
    return evidence()
  }

  return { property, sites, report, page, connect, disconnect, evidence, loadEvidence }
})

function row(
  id: string,
  kind: SearchEvidenceRow['kind'],
  label: string,
  m: { clicks: number; impressions: number; position: number },
  pages?: string[]
): SearchEvidenceRow {
  return {
    id,
    kind,
    label,
    ...(pages?.length ? { pages: pages.slice(0, 10) } : {}),
    clicks: m.clicks,
    impressions: m.impressions,
    position: Math.round(m.position * 10) / 10,
  }
}
