/**
 * @module usage/reconcile
 * Batches an instance wrote but never folded into the day's totals (it stopped between the two
 * writes) are found from the day's listing and folded, in order and from where the totals left
 * off, so nothing is lost and nothing counted twice. A listing is not free: a workspace's day is
 * looked over at most once a minute per instance.
 */
import { type CallBatch, type DayDoc, foldBatch } from './day-doc'
import { batchesAfter, type LedgerScope, listBatches, updateDay } from './day-store'

const EVERY_MS = 60_000
const lastLook = new Map<string, number>()

/** The day after folding what others left behind (undefined when nothing was missing). */
export async function reconcileDay(
  scope: LedgerScope,
  day: string,
  doc: DayDoc,
  self: string
): Promise<DayDoc | undefined> {
  const id = `${scope.workspace}/${day}/${self}`
  const now = Date.now()
  if (now - (lastLook.get(id) ?? 0) < EVERY_MS) return undefined
  lastLook.set(id, now)
  const missing: CallBatch[] = []
  for (const [instance, seqs] of await listBatches(scope, day)) {
    if (instance === self) continue
    const after = doc.folded[instance] ?? 0
    if ((seqs.at(-1) ?? 0) > after) {
      missing.push(...(await batchesAfter(scope, day, instance, seqs, after)))
    }
  }
  if (!missing.length) return undefined
  scope.log.info('Ledger batches folded that their instance left behind', {
    workspace: scope.workspace,
    day,
    batches: missing.length,
  })
  const { doc: updated } = await updateDay(scope, day, (d) => ({
    changed: missing.map((batch) => foldBatch(d, batch)).some(Boolean),
    value: undefined,
  }))
  return updated
}
