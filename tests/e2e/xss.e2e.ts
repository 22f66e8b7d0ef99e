/**
 * Model output can never run code in the studio: research notes, the article and the metadata
 * are answered with script tags, event attributes, `javascript:` links and HTML in headings and
 * alt text. Nothing executes, no event attribute or script URL survives in the page, and the
 * downloaded HTML page escapes its title and description. Against the demo stack in Chromium.
 */
import { beforeAll, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { demoModel } from '../support/demo/model'
import { block, isGrounded, schemaKeys } from '../support/demo/read-request'
import type { RecordedRequest } from '../support/fake-gemini'
import { shot } from './support/studio'
import { demoSuite } from './support/suite'
import { unexpected } from './support/target'
import { walkTo } from './support/walk'

const PROBE = [
  '# Guide <img src=x onerror="window.__xss=1"> title',
  '',
  'Intro with <script>window.__xss=2</script> a script.',
  '',
  '[click me](javascript:window.__xss=3) and <a href="javascript:window.__xss=4" onclick="window.__xss=5">this</a>.',
  '',
  '![alt" onerror="window.__xss=6](https://tracker.example/pixel.png)',
  '',
  '<div onmouseover="window.__xss=7" style="position:fixed;inset:0">cover</div>',
  '',
  '## Heading <b onclick="window.__xss=8">bold</b> <svg onload="window.__xss=9"></svg>',
  '',
  '<iframe src="javascript:window.__xss=10"></iframe><form action="javascript:alert(1)"><button>go</button></form>',
  '',
  '[data](data:text/html,<script>alert(11)</script>) <details open ontoggle="window.__xss=12">x</details>',
].join('\n')

const EVIL_TITLE = '</title><script>window.__xss=13</script> pour over'

const suite = demoSuite()

function probeModel(r: RecordedRequest) {
  // Research notes (grounded text) carry the probe; grounded JSON steps answer as the demo does.
  if (isGrounded(r) && schemaKeys(r).length === 0) {
    return { text: PROBE, sources: [{ url: 'https://src.example/a' }] }
  }
  if (schemaKeys(r).includes('seoTitle')) {
    return {
      json: {
        seoTitle: EVIL_TITLE,
        seoDescription: '"><img src=x onerror=alert(14)> & more',
        slug: 'pour-over',
        tags: ['<b>tag</b>', 'coffee', 'brew'],
      },
    }
  }
  const writing = r.action === 'streamGenerateContent' && block(r, 'article') === undefined
  if (writing) return { chunks: PROBE.match(/[\s\S]{1,40}/g) ?? [PROBE] }
  return demoModel(r)
}

beforeAll(() => suite.demo.gemini.setHandler(probeModel))

describe('model output cannot inject code', () => {
  test('script tags, event attributes, javascript: links and HTML in headings and alt text are inert', async () => {
    const tab = await suite.open()
    const { page } = tab
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(`${suite.demo.url}/`)
    await page.getByTestId('language').selectOption('en')
    await walkTo(page, suite.demo, 'editing')
    await page.getByTestId('research').getByText('Show the research notes').click()
    await page.getByTestId('article-view').hover()

    const findings = await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement
      const all = [...main.querySelectorAll('*')]
      return {
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
        eventAttributes: all.flatMap((el) =>
          [...el.attributes]
            .filter((a) => a.name.startsWith('on'))
            .map((a) => `${el.tagName} ${a.name}`)
        ),
        scriptLinks: all
          .filter((el) =>
            /^\s*(javascript|data):/i.test(
              el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? ''
            )
          )
          .map((el) => el.outerHTML),
        dangerous: [
          ...main.querySelectorAll(
            '.prose script, .prose iframe, .prose svg, .prose form, .prose style, .prose [style]'
          ),
        ].length,
        images: [...main.querySelectorAll('.prose img')].map((img) => img.getAttribute('src')),
        heading: main.querySelector('[data-testid="article-view"] h1')?.textContent ?? '',
        researchText: main.querySelector('[data-testid="research"] .prose')?.textContent ?? '',
      }
    })
    expect(findings.xss).toBeNull()
    expect(findings.eventAttributes).toEqual([])
    expect(findings.scriptLinks).toEqual([])
    expect(findings.dangerous).toBe(0)
    expect(findings.images).toEqual([])
    expect(findings.heading).toContain('Guide')
    // Raw HTML in the model's Markdown is shown as text, never as markup.
    expect(findings.researchText).toContain('<script>window.__xss=2</script>')
    await shot(page, 'xss-probe-editing')

    await page.getByTestId('approve').click()
    await page.waitForURL((url) => url.pathname === '/seo/publish')
    await page.getByTestId('seo-title').waitFor()
    expect(await page.getByTestId('seo-title').textContent()).toBe(EVIL_TITLE.slice(0, 60).trim())
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-html').click(),
    ])
    const html = readFileSync((await download.path()) as string, 'utf8')
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;')
    expect(html).toContain('content="&quot;&gt;&lt;img src=x onerror=alert(14)&gt; &amp; more"')
    expect(html.match(/<script/gi)).toBeNull()
    const body = html.slice(html.indexOf('<body>'))
    // Model HTML is in the file only as escaped text: no real tag carries a handler or a script URL.
    expect(body).not.toMatch(/<[a-z][^<>]*\son\w+=/i)
    expect(body).not.toMatch(/<[a-z][^<>]*javascript:/i)
    expect(dialogs).toEqual([])
    expect(
      (await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)) ?? null
    ).toBeNull()
    // The library refuses to save an article holding a `data:` link (media go by id): a 400.
    expect(unexpected(tab.problems, [/status of 400/])).toEqual([])
  }, 90_000)
})
