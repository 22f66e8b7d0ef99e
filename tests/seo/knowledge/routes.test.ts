import { describe, expect, test } from 'bun:test'
import { join } from 'node:path'
import { buildTestApp } from '../../support/app'

const { app } = buildTestApp()

describe('GET /api/seo/knowledge', () => {
  test('lists every document as a citable reference, in the curated order', async () => {
    const res = await app.request('/api/seo/knowledge')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { documents: Record<string, unknown>[] }
    expect(body.documents.length).toBeGreaterThanOrEqual(14)
    expect(body.documents[0]).toEqual({
      id: 'eeat',
      title: expect.stringContaining('E-E-A-T'),
      summary: expect.any(String),
      url: '/api/seo/knowledge/eeat',
    })
    for (const ref of body.documents) {
      expect(Object.keys(ref).sort()).toEqual(['id', 'summary', 'title', 'url'])
      expect(ref.url).toBe(`/api/seo/knowledge/${ref.id}`)
    }
  })
})

describe('GET /api/seo/knowledge/:id', () => {
  test('answers the document: header fields and Markdown body without the front matter', async () => {
    const res = await app.request('/api/seo/knowledge/ecommerce-seo')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Record<string, unknown>
    expect(doc).toMatchObject({
      id: 'ecommerce-seo',
      title: 'E-commerce SEO: Category and Product Pages',
      topics: expect.arrayContaining(['ecommerce', 'category-pages']),
      industries: expect.arrayContaining(['ecommerce']),
    })
    expect(doc.markdown).toStartWith('Online shops rank')
    expect(doc.markdown).toContain('## Category pages')
  })

  test('every listed reference resolves', async () => {
    const list = (await (await app.request('/api/seo/knowledge')).json()) as {
      documents: { url: string }[]
    }
    for (const { url } of list.documents) expect((await app.request(url)).status).toBe(200)
  })

  test('an unknown id is a 404 envelope', async () => {
    const res = await app.request('/api/seo/knowledge/no-such-note')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: 'This knowledge document was not found.' },
      requestId: expect.any(String),
    })
  })

  test.each(['Not_Kebab', '..%2F..%2Fpackage.json', 'eeat.md', 'a'.repeat(81)])(
    'an invalid id (%s) is a 400 naming the field, never echoing it',
    async (id) => {
      const res = await app.request(`/api/seo/knowledge/${id}`)
      expect(res.status).toBe(400)
      const text = await res.text()
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'invalid_input', details: { issues: [{ field: 'id' }] } },
      })
      expect(text).not.toContain(id)
    }
  )
})

test('the index is built on first search, not when the SEO routes load or the list is served', async () => {
  // A fresh process: in this one other test files may already have searched.
  const probe = `
    const loaded = (part) => Object.keys(require.cache).some((k) => k.includes(part))
    const state = async () => ({
      library: loaded('/knowledge/library.ts'),
      docs: loaded('/knowledge/docs/'),
      minisearch: loaded('/node_modules/minisearch/'),
      built: loaded('/knowledge/library.ts')
        && (await import('./server/features/seo/knowledge/library.ts')).isKnowledgeIndexBuilt(),
    })
    const steps = {}
    await import('./server/features/seo/routes.ts')
    const { buildTestApp } = await import('./tests/support/app.ts')
    const { app } = buildTestApp()
    steps.afterImport = await state()
    await app.request('/api/seo/knowledge')
    steps.afterList = await state()
    const kb = await import('./server/features/seo/knowledge/index.ts')
    await kb.searchKnowledge({ topic: 'meta description' })
    steps.afterSearch = await state()
    process.stdout.write(JSON.stringify(steps))
  `
  const proc = Bun.spawn([process.execPath, '-e', probe], {
    cwd: join(import.meta.dir, '../../..'),
    stdout: 'pipe',
    stderr: 'pipe',
  })
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ])
  expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' })
  expect(JSON.parse(out)).toEqual({
    afterImport: { library: false, docs: false, minisearch: false, built: false },
    afterList: { library: true, docs: true, minisearch: false, built: false },
    afterSearch: { library: true, docs: true, minisearch: true, built: true },
  })
})
