/**
 * @module stores/brand-guard
 * Brand checks in this tab (Pinia setup store), one per asset and brand version: `run(key, task)`
 * starts a check only when none exists for that key (a re-render, a second badge, a reopened
 * panel ask again for nothing), at most two at a time, and keeps its state (checking, done,
 * failed) for every badge that shows it. A failed check can be retried; a done one stays. The
 * optional threshold below which a new asset is fixed once by itself is kept on this device.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { type ApiError, isAbort, toApiError } from '../api/errors'
import type { AnyCheck } from '../features/brand-guard/check-view'

export interface GuardEntry {
  state: 'checking' | 'done' | 'failed'
  check?: AnyCheck
  error?: ApiError
}

/** Checks in flight at once (each may be a model call). */
export const MAX_PARALLEL = 2
const THRESHOLD_KEY = 'ais.brandThreshold'

function readThreshold(): number | null {
  try {
    const stored = Number(globalThis.localStorage?.getItem(THRESHOLD_KEY))
    return Number.isInteger(stored) && stored > 0 && stored <= 100 ? stored : null
  } catch {
    return null
  }
}

export const useBrandGuardStore = defineStore('brand-guard', () => {
  const entries = shallowRef(new Map<string, GuardEntry>())
  const threshold = ref<number | null>(readThreshold())
  /** How many checks this tab asked the server for (what "once per asset" is measured by). */
  const requested = ref(0)
  const waiting: (() => void)[] = []
  let active = 0

  const entry = (key: string) => entries.value.get(key)

  function set(key: string, value: GuardEntry) {
    const next = new Map(entries.value)
    next.set(key, value)
    entries.value = next
  }

  function forget(key: string) {
    const next = new Map(entries.value)
    next.delete(key)
    entries.value = next
  }

  async function slot(): Promise<void> {
    if (active < MAX_PARALLEL) {
      active++
      return
    }
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  function release() {
    const next = waiting.shift()
    if (next) next()
    else active--
  }

  /** Runs `task` for `key` unless a check for it exists (or `retry` replaces a failed one). */
  async function run(
    key: string,
    task: () => Promise<AnyCheck>,
    options: { retry?: boolean } = {}
  ): Promise<GuardEntry> {
    const current = entry(key)
    if (current && !(options.retry && current.state === 'failed')) return current
    set(key, { state: 'checking' })
    await slot()
    try {
      requested.value++
      const check = await task()
      set(key, { state: 'done', check })
    } catch (error) {
      if (isAbort(error)) forget(key)
      else set(key, { state: 'failed', error: toApiError(error) })
    } finally {
      release()
    }
    return entry(key) ?? { state: 'failed' }
  }

  function setThreshold(value: number | null): void {
    threshold.value = value
    try {
      if (value === null) globalThis.localStorage?.removeItem(THRESHOLD_KEY)
      else globalThis.localStorage?.setItem(THRESHOLD_KEY, String(value))
    } catch {
      // Not kept, but applies to this tab.
    }
  }

  return { entries, threshold, requested, entry, run, setThreshold }
})
