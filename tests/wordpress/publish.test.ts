/**
 * Publishing to a REAL WordPress (Debian's package, started by scripts/wordpress-test-site.ts on
 * loopback with its own MariaDB): connect with an application password, publish an illustrated
 * article as a draft, read the draft back through WordPress's REST API (images uploaded with
 * their alt text and linked in the content, featured image, slug, excerpt, categories and tags
 * created), publish again (the same draft, updated; no second upload), and the refusals: a wrong
 * password is a 401 naming the site, no password ever reaches the browser or the log. When
 * WordPress cannot start here, `beforeAll` throws and every test fails with the reason.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { writeFileSync } from 'node:fs'
import { startWordPressTestSite, type WordPressTestSite } from '../../scripts/wordpress-test-site'
import { saveMedia } from '../../server/storage/media'
import { buildTestApp, postJson } from '../support/app'
import { testPolicy } from '../support/fake-site'
import { discPng } from '../support/synthetic-images'

export const WP_HOST = 'wordpress.test'
const SECRETS_KEY = Buffer.alloc(32, 7).toString('base64')
/** A real site (PHP and MariaDB) on a shared machine: more than bun's default five seconds. */
const WP_TEST_TIMEOUT_MS = 60_000

let wp: WordPressTestSite
let setupError: unknown

beforeAll(async () => {
  try {
    wp = await startWordPressTestSite({ host: WP_HOST })
  } catch (error) {
    setupError = error
  }
}, 60_000)
afterAll(async () => {
  await wp?.stop()
})

function site(): WordPressTestSite {
  if (setupError) throw new Error(`The real WordPress did not start: ${String(setupError)}`)
  return wp
}

function app() {
  const { port } = site()
  return buildTestApp({
    env: { SECRETS_KEY },
    deps: { fetchPolicy: testPolicy({ port }) },
  })
}

/** WordPress's own answer, read directly (not through the app). */
async function wpGet<T>(route: string): Promise<T> {
  const { port, username, applicationPassword } = site()
  const auth = Buffer.from(`${username}:${applicationPassword}`).toString('base64')
  const response = await fetch(`http://127.0.0.1:${port}/wp-json${route}`, {
    headers: { Authorization: `Basic ${auth}`, Host: `${WP_HOST}:${port}` },
  })
  expect(response.status).toBe(200)
  return (await response.json()) as T
}

const put = (a: ReturnType<typeof app>['app'], body: unknown) =>
  a.request('/api/seo/wordpress/connection', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

async function illustratedArticle(store: ReturnType<typeof app>['deps']['store']) {
  const red = await saveMedia(
    store,
    discPng({ width: 64, height: 48, subject: [200, 30, 30], background: [250, 250, 250] }),
    'image/png'
  )
  const blue = await saveMedia(
    store,
    discPng({ width: 48, height: 48, subject: [30, 30, 200], background: [250, 250, 250] }),
    'image/png'
  )
  const markdown = [
    '# Pour over coffee at home',
    '',
    'Brewing pour over coffee needs a kettle, a dripper and **fresh beans**.',
    '',
    `![A red dripper on a wooden table](${red.url})`,
    '',
    '## Grind size',
    '',
    'Medium-fine, like table salt. <script>alert(1)</script>',
    '',
    `![Blue coffee beans in a bowl](${blue.url})`,
  ].join('\n')
  return { markdown, red, blue }
}

describe('a real WordPress', () => {
  test(
    'connecting: a wrong password is a 401 naming the site; the saved password never comes back',
    async () => {
      const { app: a, logLines } = app()
      const { url, username, applicationPassword } = site()
      const wrong = await put(a, {
        siteUrl: url,
        username,
        applicationPassword: 'abcd efgh ijkl mnop qrst uvwx',
      })
      expect(wrong.status).toBe(401)
      const refusal = (await wrong.json()) as { error: { code: string; message: string } }
      expect(refusal.error.code).toBe('wordpress_unauthorized')
      expect(refusal.error.message).toContain(`${WP_HOST}:${site().port}`)

      const ok = await put(a, { siteUrl: url, username, applicationPassword })
      expect(ok.status).toBe(200)
      const saved = await ok.text()
      expect(saved).not.toContain(applicationPassword)
      expect(JSON.parse(saved)).toMatchObject({ connected: true, siteUrl: url, username })
      const read = await a.request('/api/seo/wordpress/connection')
      const readText = await read.text()
      expect(readText).not.toContain(applicationPassword)
      expect(JSON.parse(readText).connected).toBe(true)
      expect(logLines.join('\n')).not.toContain(applicationPassword)
    },
    WP_TEST_TIMEOUT_MS
  )

  test(
    'publishes an illustrated article as a draft, then updates the same draft',
    async () => {
      const { app: a, deps, logLines } = app()
      const { url, username, applicationPassword } = site()
      expect((await put(a, { siteUrl: url, username, applicationPassword })).status).toBe(200)
      const { markdown, red } = await illustratedArticle(deps.store)
      const body = {
        projectId: 'northwind-pour-over',
        article: markdown,
        title: 'Pour Over Coffee at Home: The Complete Guide',
        slug: 'pour-over-coffee-at-home',
        excerpt: 'How to brew pour over coffee at home: grind, ratio, water and timing.',
        categories: ['Brewing Guides'],
        tags: ['pour over', 'coffee & tea', 'Brewing Guides'],
      }
      const first = await postJson(a, '/api/seo/wordpress/publish', body)
      expect(first.status).toBe(200)
      const draft = (await first.json()) as {
        postId: number
        updated: boolean
        pageUrl: string
        images: { attachmentId: number; url: string; mediaId: string }[]
      }
      expect(draft.updated).toBe(false)
      expect(draft.images).toHaveLength(2)
      expect(draft.pageUrl).toBe(`${url}/pour-over-coffee-at-home/`)

      // What WordPress stored, read back through its REST API.
      type Post = {
        status: string
        slug: string
        title: { raw: string }
        content: { raw: string }
        excerpt: { raw: string }
        featured_media: number
        categories: number[]
        tags: number[]
      }
      const post = await wpGet<Post>(`/wp/v2/posts/${draft.postId}?context=edit`)
      // The draft as WordPress stores it, kept for the record when asked for.
      const out = process.env.WORDPRESS_DRAFT_OUT
      if (out) writeFileSync(out, JSON.stringify(post, null, 2))
      expect(post.status).toBe('draft')
      expect(post.slug).toBe('pour-over-coffee-at-home')
      expect(post.title.raw).toBe(body.title)
      expect(post.excerpt.raw).toBe(body.excerpt)
      expect(post.content.raw).not.toContain('<h1')
      expect(post.content.raw).not.toContain('/media/')
      expect(post.content.raw).not.toContain('<script>')
      expect(post.content.raw).toContain('&lt;script&gt;')
      for (const image of draft.images) expect(post.content.raw).toContain(`src="${image.url}"`)
      expect(post.featured_media).toBe(draft.images[0]?.attachmentId ?? -1)

      type Media = {
        id: number
        alt_text: string
        media_type: string
        mime_type: string
        source_url: string
      }
      const media = await Promise.all(
        draft.images.map((i) => wpGet<Media>(`/wp/v2/media/${i.attachmentId}?context=edit`))
      )
      expect(media.map((m) => m.alt_text)).toEqual([
        'A red dripper on a wooden table',
        'Blue coffee beans in a bowl',
      ])
      expect(media.every((m) => m.mime_type === 'image/png')).toBe(true)
      const uploaded = await fetch(
        (media[0]?.source_url ?? '').replace(`${WP_HOST}:`, '127.0.0.1:')
      )
      expect(uploaded.status).toBe(200)
      expect(new Uint8Array(await uploaded.arrayBuffer()).byteLength).toBe(red.size)

      type WpTerm = { id: number; name: string }
      const categories = await wpGet<WpTerm[]>(
        `/wp/v2/categories?include=${post.categories.join(',')}`
      )
      expect(categories.map((c) => c.name)).toEqual(['Brewing Guides'])
      const tags = await wpGet<WpTerm[]>(`/wp/v2/tags?include=${post.tags.join(',')}`)
      expect(tags.map((t) => t.name).sort()).toEqual([
        'Brewing Guides',
        'coffee &amp; tea',
        'pour over',
      ])

      // Again: the same draft, updated; the images are not uploaded twice.
      const again = await postJson(a, '/api/seo/wordpress/publish', {
        ...body,
        title: 'Pour Over Coffee at Home (updated)',
      })
      expect(again.status).toBe(200)
      const second = (await again.json()) as {
        postId: number
        updated: boolean
        images: { attachmentId: number }[]
      }
      expect(second.postId).toBe(draft.postId)
      expect(second.updated).toBe(true)
      expect(second.images.map((i) => i.attachmentId)).toEqual(
        draft.images.map((i) => i.attachmentId)
      )
      const drafts = await wpGet<{ id: number }[]>(
        '/wp/v2/posts?status=draft&per_page=100&context=edit'
      )
      expect(drafts.filter((p) => p.id === draft.postId)).toHaveLength(1)
      expect(drafts).toHaveLength(1)
      const attachments = await wpGet<unknown[]>('/wp/v2/media?per_page=100')
      expect(attachments).toHaveLength(2)
      const updated = await wpGet<Post>(`/wp/v2/posts/${draft.postId}?context=edit`)
      expect(updated.title.raw).toBe('Pour Over Coffee at Home (updated)')
      expect(logLines.join('\n')).not.toContain(applicationPassword)
    },
    WP_TEST_TIMEOUT_MS
  )
})
