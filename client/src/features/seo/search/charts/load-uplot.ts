/**
 * @module features/seo/search/charts/load-uplot
 * uPlot (a small canvas chart library) and its stylesheet, loaded the first time a chart is
 * shown: neither is part of the initial bundle.
 */
import type uPlot from 'uplot'

export type { uPlot }

let loading: Promise<typeof uPlot> | undefined

export function loadUPlot(): Promise<typeof uPlot> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
    ([module]) => module.default
  )
  return loading
}

/** The page's accent and muted colours, so charts follow the theme. */
export function themeColour(name: '--accent' | '--muted' | '--border', fallback: string): string {
  if (typeof document === 'undefined') return fallback
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback
}
