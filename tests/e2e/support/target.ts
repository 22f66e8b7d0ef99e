/**
 * The server the browser tests run against: the one `scripts/test-e2e.ts` started (E2E_BASE_URL),
 * or, when a file is run on its own, one started here for the file.
 */
import { type RunningServer, startServer } from './server'

export async function targetServer(): Promise<Pick<RunningServer, 'url' | 'stop'>> {
  const given = process.env.E2E_BASE_URL
  if (given) return { url: given.replace(/\/+$/, ''), stop: async () => undefined }
  return startServer()
}

/** Problems other than the ones a test expects (e.g. the console line of a deliberate 503). */
export const unexpected = (problems: string[], expected: RegExp[] = []) =>
  problems.filter((p) => !expected.some((re) => re.test(p)))

/** Waits until `condition` holds (polling), failing after `ms`: no fixed sleeps in tests. */
export async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`)
    await Bun.sleep(20)
  }
}
