/**
 * @module usage/keys
 * Where the ledger lives in the BlobStore, beside saved work, one folder per workspace, month
 * and day (UTC): `ledger/<ws>/<YYYY-MM>/<DD>/calls/<instance>-<seq>.json` (a batch of calls one
 * instance made; never rewritten), `…/<DD>/jobs/<jobId>.json` (a paid job's reservation and how
 * it ended) and `…/<DD>/_day.json` (the day's totals, rebuilt from the other two when lost).
 */

/** `YYYY-MM-DD` of a moment, in UTC: budgets are per UTC day. */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10)
export const monthOf = (day: string) => day.slice(0, 7)

/** When the UTC day of `at` ends (the day's budget resets). */
export const dayEnd = (at: Date) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() + 1))

/** When the UTC month of `at` ends. */
export const monthEnd = (at: Date) =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))

/** The days of `day`'s month before it, oldest first. */
export function earlierDaysOfMonth(day: string): string[] {
  const days: string[] = []
  for (let d = 1; d < Number(day.slice(8)); d++)
    days.push(`${monthOf(day)}-${String(d).padStart(2, '0')}`)
  return days
}

export const dayPrefix = (workspace: string, day: string) =>
  `ledger/${workspace}/${monthOf(day)}/${day.slice(8)}/`

export const dayKey = (workspace: string, day: string) => `${dayPrefix(workspace, day)}_day.json`

export const batchPrefix = (workspace: string, day: string) => `${dayPrefix(workspace, day)}calls/`

const SEQ_DIGITS = 8

export const batchKey = (workspace: string, day: string, instance: string, seq: number) =>
  `${batchPrefix(workspace, day)}${instance}-${String(seq).padStart(SEQ_DIGITS, '0')}.json`

/** The instance and sequence number a batch key names, or undefined for anything else. */
export function batchOfKey(
  prefix: string,
  key: string
): { instance: string; seq: number } | undefined {
  const match = /^([a-z0-9]{1,32})-(\d{1,12})\.json$/.exec(key.slice(prefix.length))
  return match && key.startsWith(prefix)
    ? { instance: match[1] as string, seq: Number(match[2]) }
    : undefined
}

export const jobPrefix = (workspace: string, day: string) => `${dayPrefix(workspace, day)}jobs/`

export const jobEntryKey = (workspace: string, day: string, jobId: string) =>
  `${jobPrefix(workspace, day)}${jobId}.json`
