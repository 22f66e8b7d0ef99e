/**
 * @module lazy-ledger
 * The ledger as the app is built with it: nothing of it is evaluated at start-up; the
 * implementation loads on first use (the first API request that meters or reads spend).
 */
import type { CallUsage } from './ai/spend'
import { once } from './core/lazy'
import type { Ledger, LedgerOptions } from './features/usage/ledger'

export function lazyLedger(options: LedgerOptions): Ledger {
  let ready: Ledger | undefined
  const load = once(async () => {
    ready = (await import('./features/usage/ledger')).createLedger(options)
    return ready
  })
  const get = async () => ready ?? load()
  return {
    meter: (workspace, studio) => ({
      admit: async (modelId) => (await get()).meter(workspace, studio).admit(modelId),
      record: (usage: CallUsage) => {
        if (ready) ready.meter(workspace, studio).record(usage)
        else void load().then((l) => l.meter(workspace, studio).record(usage))
      },
    }),
    guard: async (workspace) => (await get()).guard(workspace),
    reserve: async (workspace, request) => (await get()).reserve(workspace, request),
    settle: async (workspace, day, jobId, settlement) =>
      (await get()).settle(workspace, day, jobId, settlement),
    budget: async (workspace) => (await get()).budget(workspace),
    report: async (workspace) => (await get()).report(workspace),
    summaries: async () => (await get()).summaries(),
    // Nothing to write when it never loaded.
    flush: async () => ready?.flush(),
  }
}
