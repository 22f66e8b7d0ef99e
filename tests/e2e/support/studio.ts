/**
 * Helpers for the studio's browser tests: the demo stack serving the built client, screenshots
 * kept under test-artifacts/screenshots/<name>.png, and axe-core run inside the page (its source
 * evaluated through the DevTools protocol, so the page's CSP stays as it is).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import axe from 'axe-core'
import type { Page } from 'playwright-core'
import { type DemoOptions, startDemoStack } from '../../support/demo/stack'
import { DIST_DIR, REPO_ROOT } from './server'

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-artifacts/screenshots')

export const startDemo = (options: Omit<DemoOptions, 'distDir'> = {}) =>
  startDemoStack({ ...options, distDir: DIST_DIR })

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axe.source)
  const found = await page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run
    const result = await run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }))
  })
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
