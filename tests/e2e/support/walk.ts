/**
 * Walks a fresh page of the demo through the SEO workspace up to a step, the way a user clicks,
 * so tests of later steps start from a real project.
 */
import type { Page } from 'playwright-core'
import type { DemoStack } from '../../support/demo/stack'

/** On the step's address, the project named in it (the link's `?url=` is gone). */
export const at = (page: Page, step: string) =>
  page.waitForURL(
    (url) =>
      url.pathname === `/seo/${step}` &&
      url.searchParams.has('project') &&
      !url.searchParams.has('url')
  )

export type WalkTarget =
  | 'diagnosis'
  | 'competitors'
  | 'analysis'
  | 'strategy'
  | 'brief'
  | 'editing'
  | 'publish'

export async function walkTo(page: Page, demo: DemoStack, target: WalkTarget): Promise<void> {
  await page.goto(`${demo.url}/seo/diagnosis?url=${encodeURIComponent(demo.sampleSite)}`)
  await at(page, 'diagnosis')
  await page.getByTestId('core-insight').waitFor()
  if (target === 'diagnosis') return
  await page.getByTestId('to-competitors').click()
  await at(page, 'competitors')
  await page.getByTestId('competitors').waitFor()
  if (target === 'competitors') return
  await page.getByTestId('analyse-competitors').click()
  await at(page, 'analysis')
  if (target === 'analysis') return
  await page.getByTestId('to-strategy').click()
  await at(page, 'strategy')
  if (target === 'strategy') return
  await page.getByTestId('strategy-option').first().getByRole('button').click()
  await at(page, 'brief')
  if (target === 'brief') return
  await page.getByTestId('brief-confirm').click()
  await at(page, 'editing')
  await page.getByTestId('preflight').waitFor()
  if (target === 'editing') return
  await page.getByTestId('approve').click()
  await at(page, 'publish')
  await page.getByTestId('seo-title').waitFor()
}
