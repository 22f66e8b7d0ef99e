/**
 * @module seo/search-console/periods
 * The two periods a report compares: the 28 days that end `DATA_DELAY_DAYS` before today (Search
 * Console's figures for the last days are still incomplete) and the 28 days before those.
 */
export const PERIOD_DAYS = 28
export const DATA_DELAY_DAYS = 3

export interface DateRange {
  startDate: string
  endDate: string
}

const DAY_MS = 86_400_000
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

export function periods(now: Date): { current: DateRange; previous: DateRange } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const end = today - DATA_DELAY_DAYS * DAY_MS
  const start = end - (PERIOD_DAYS - 1) * DAY_MS
  return {
    current: { startDate: day(start), endDate: day(end) },
    previous: { startDate: day(start - PERIOD_DAYS * DAY_MS), endDate: day(start - DAY_MS) },
  }
}

/** The `days` days that end with the current period's last day. */
export function lastDays(now: Date, days: number): DateRange {
  const { endDate } = periods(now).current
  const end = Date.parse(`${endDate}T00:00:00Z`)
  return { startDate: day(end - (days - 1) * DAY_MS), endDate }
}
