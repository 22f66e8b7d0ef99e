/**
 * When Google stops serving a model, the studio says so: the default image model is taken out
 * of the demo's fake service before anything is asked; the first AI request reads the service's
 * model list, the image role moves to its next candidate, and the page (its capabilities fetched
 * again because the answer named a new models revision) shows a banner naming both models, in
 * English and in Chinese, and the model picker names the id in use. axe-core checks each state.
 */
import { describe, expect, test } from 'bun:test'
import type { Page } from 'playwright-core'
import { ROLES } from '../../server/ai/models'
import { seriousViolations, shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'

const suite = demoSuite()
const RETIRED = ROLES.image.defaultId
const STAND_IN = 'gemini-3-pro-image'

async function imageStudio(locale: string) {
  const tab = await suite.open()
  const { page } = tab
  await page.setViewportSize({ width: 1024, height: 800 })
  await page.goto(`${suite.demo.url}/`)
  await page.getByTestId('language').selectOption(locale)
  await page.goto(`${suite.demo.url}/image`)
  await page.getByTestId('image-prompt').waitFor()
  return tab
}

const pickerText = (page: Page) => page.getByTestId('model-choice').textContent()

describe('models Google no longer serves', () => {
  test('a substituted image model: a banner names both, the picker the one in use', async () => {
    suite.demo.gemini.models.retire(RETIRED)
    const tab = await imageStudio('en')
    const { page } = tab
    // Nothing was asked yet: the configured model is shown, and no banner.
    expect(await pickerText(page)).toContain(RETIRED)
    expect(await page.getByTestId('models-banner').count()).toBe(0)

    await page.getByTestId('image-prompt').fill('A poster of a coffee shop at dawn')
    await page.getByTestId('image-send').click()
    const banner = page.getByTestId('models-banner')
    await banner.waitFor({ timeout: 20_000 })
    expect(await banner.textContent()).toContain(`images: ${STAND_IN} instead of ${RETIRED}`)
    await page.waitForFunction(
      (id) => document.querySelector('[data-testid="model-choice"]')?.textContent?.includes(id),
      STAND_IN
    )
    await page.getByTestId('canvas-item').first().waitFor({ timeout: 20_000 })
    expect(suite.demo.gemini.calls('generateContent').filter((r) => r.model === RETIRED)).toEqual(
      []
    )
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'models-1-substituted-en')
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)

  test('the banner in Chinese', async () => {
    const tab = await imageStudio('zh-CN')
    const { page } = tab
    const banner = page.getByTestId('models-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toContain(`图片：使用 ${STAND_IN} 代替 ${RETIRED}`)
    expect(await pickerText(page)).toContain(STAND_IN)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'models-2-substituted-zh')
    expect(unexpected(tab.problems)).toEqual([])
  }, 60_000)
})
