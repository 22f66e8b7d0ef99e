/**
 * @module features/usage/spend
 * The workspace's spend as the page shows it (`GET /api/usage`), shared by the header's meter and
 * the usage page: read when first asked for, shortly after any API answer that may have spent
 * (`api/spend-signal`), and every minute while the page is visible. Answers that arrive out of
 * order never replace a newer one.
 */
import { shallowRef } from 'vue'
import { toApiError } from '../../api/errors'
import { onSpendChange } from '../../api/spend-signal'
import { getUsage, type UsageReport } from '../../api/usage'

const report = shallowRef<UsageReport>()
const failed = shallowRef(false)
const SOON_MS = 500
const EVERY_MS = 60_000
let asked = 0
let soon: ReturnType<typeof setTimeout> | undefined
let started = false

/** Reads the spend again; with `throws`, a failure is the caller's to show. */
export async function refreshSpend(options: { throws?: boolean } = {}): Promise<void> {
  const mine = ++asked
  try {
    const value = await getUsage()
    if (mine === asked) {
      report.value = value
      failed.value = false
    }
  } catch (error) {
    // No key yet, or the server is away: the meter hides itself until an answer comes.
    if (mine === asked) failed.value = toApiError(error).status !== 0 || !report.value
    if (options.throws) throw error
  }
}

function refreshSoon() {
  clearTimeout(soon)
  soon = setTimeout(() => void refreshSpend(), SOON_MS)
}

export function useSpend() {
  if (!started) {
    started = true
    onSpendChange(refreshSoon)
    setInterval(() => {
      if (document.visibilityState === 'visible') void refreshSpend()
    }, EVERY_MS)
    void refreshSpend()
  }
  return { report, failed, refresh: refreshSpend }
}
