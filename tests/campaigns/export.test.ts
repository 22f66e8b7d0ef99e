/**
 * A campaign through saved work and out as a pack: its layers round-trip through the library
 * (ETag contract), and the ZIP is read file by file: PNG sizes from the files themselves, the
 * layers drawn over the image, the Markdown's counts, the CSV parsed strictly, the layered
 * source and a manifest that lists every file with its size.
 */
import { afterAll, describe, expect, test } from 'bun:test'
import { imageSize } from 'image-size'
import { countCharacters } from '../../server/features/campaigns/counting'
import { NETWORKS } from '../../server/features/campaigns/networks'
import { decodeImage } from '../../server/media/pixels'
import { loadMedia } from '../../server/storage/media'
import { startFakeGemini } from '../support/fake-gemini'
import { parseCsv, sampleCampaign, unzip } from './pack'
import { appFor } from './support'

const gemini = await startFakeGemini()
afterAll(() => gemini.stop())
const app = appFor(gemini)

const put = (id: string, document: unknown, headers: Record<string, string>) =>
  app.app.request(`/api/library/campaigns/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(document),
  })

describe('a saved campaign', () => {
  test('keeps its layers through saved work: create, edit a headline and move it, read back', async () => {
    const doc = await sampleCampaign(app.deps.store)
    const created = await put('layers', doc, { 'If-None-Match': '*' })
    expect(created.status).toBe(201)
    const etag = created.headers.get('ETag')!
    const edited = structuredClone(doc)
    const headline = edited.visuals[1]!.layers[0]!
    headline.text = { en: 'Edited headline', 'zh-CN': '改过的标题' }
    headline.x = 0.2
    headline.y = 0.4
    const saved = await put('layers', edited, { 'If-Match': etag })
    expect(saved.status).toBe(200)
    // A stale version is refused, never written over.
    expect((await put('layers', doc, { 'If-Match': etag })).status).toBe(412)
    const read = await (await app.app.request('/api/library/campaigns/layers')).json()
    expect(read.document.visuals[1].layers[0]).toEqual({ ...headline })
    expect(read.document.visuals.map((v: { layers: unknown }) => v.layers)).toEqual(
      edited.visuals.map((v) => v.layers)
    )
  })
})

describe('GET /api/campaigns/:id/export', () => {
  test('is one ZIP with every visual, post, the schedule, the layered source and a manifest', async () => {
    const doc = await sampleCampaign(app.deps.store)
    expect((await put('pack', doc, { 'If-None-Match': '*' })).status).toBe(201)
    const res = await app.app.request('/api/campaigns/pack/export')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/zip')
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="campaign-pack.zip"')
    const files = unzip(new Uint8Array(await res.arrayBuffer()))
    const names = Object.keys(files).sort()
    expect(names).toEqual(
      [
        'campaign.json',
        'manifest.json',
        'posts/en/linkedin.md',
        'posts/en/x.md',
        'posts/posts.csv',
        'posts/zh-CN/xiaohongshu.md',
        ...['1x1', '4x5', '9x16', '1.91x1'].map((s) => `source/${s}.png`),
        ...['en', 'zh-CN'].flatMap((l) =>
          ['1x1', '4x5', '9x16', '1.91x1'].map((s) => `visuals/${l}/${s}.png`)
        ),
      ].sort()
    )

    // Each visual's size read from its PNG; the layers changed pixels over the plain image.
    const sizes = {
      '1x1': [1080, 1080],
      '4x5': [1080, 1350],
      '9x16': [1080, 1920],
      '1.91x1': [1200, 628],
    }
    for (const [slug, [w, h]] of Object.entries(sizes)) {
      for (const language of ['en', 'zh-CN']) {
        const png = files[`visuals/${language}/${slug}.png`]!
        expect(imageSize(png)).toMatchObject({ width: w, height: h, type: 'png' })
      }
      const plain = await decodeImage(files[`source/${slug}.png`]!, 'image/png')
      const en = await decodeImage(files[`visuals/en/${slug}.png`]!, 'image/png')
      const zh = await decodeImage(files[`visuals/zh-CN/${slug}.png`]!, 'image/png')
      const differ = (a: Uint8Array, b: Uint8Array) => a.some((x, i) => x !== b[i])
      expect(differ(plain.data, en.data)).toBe(true)
      expect(differ(en.data, zh.data)).toBe(true)
    }

    // The schedule: strict CSV, a row per post and variant, counts as each network counts.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['posts/posts.csv']!)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(csv.slice(1))
    expect(header).toEqual([
      'network',
      'language',
      'variant',
      'title',
      'text',
      'hashtags',
      'link',
      'image',
      'characters',
      'limit',
      'valid',
      'issues',
    ])
    expect(rows).toHaveLength(6)
    for (const row of rows) {
      const record = Object.fromEntries(header!.map((h, i) => [h, row[i]!]))
      const net = NETWORKS[record.network as keyof typeof NETWORKS]
      expect(Number(record.characters)).toBe(countCharacters(record.text!, net.count))
      expect(Number(record.limit)).toBe(net.maxCharacters)
      expect(record.valid).toBe('true')
      expect(files[record.image!]).toBeDefined()
    }
    const x = rows.find((r) => r[0] === 'x' && r[2] === 'A')!
    expect(x[4]).toBe(
      `Brew café coffee at home.\n\nRatio, grind and water decide the cup. ${doc.source.url}\n\n#coffee`
    )
    expect(x[7]).toBe('visuals/en/1.91x1.png')
    const xhs = rows.find((r) => r[0] === 'xiaohongshu' && r[2] === 'B')!
    expect(xhs[3]).toBe('手冲发苦的原因')
    expect(xhs[6]).toBe('') // Xiaohongshu takes no link.

    // Markdown per network and language, with both variants and their counts.
    const md = new TextDecoder().decode(files['posts/en/x.md']!)
    expect(md).toContain('## Variant A')
    expect(md).toContain('## Variant B')
    expect(md).toMatch(/_\d+ \/ 280 characters, counted the X way_/)

    // The layered source: the document's layers, with the images without text beside them.
    const source = JSON.parse(new TextDecoder().decode(files['campaign.json']!))
    expect(source.visuals.map((v: { layers: unknown }) => v.layers)).toEqual(
      doc.visuals.map((v) => v.layers)
    )
    expect(source.visuals[0].image).toBe('source/1x1.png')
    const stored = await loadMedia(app.deps.store, doc.visuals[0]!.image.id)
    expect(new Uint8Array(files['source/1x1.png']!)).toEqual(new Uint8Array(stored.bytes))

    // The manifest lists every other file with its real size.
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!))
    expect(manifest).toMatchObject({
      format: 'ais-studio.campaign-pack',
      formatVersion: 1,
      id: 'pack',
    })
    expect(manifest.font.rendered).toContain('Noto Sans SC')
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      names.filter((n) => n !== 'manifest.json')
    )
    for (const entry of manifest.files) expect(files[entry.path]!.byteLength).toBe(entry.bytes)
  }, 60_000)

  test('a campaign that was never saved is a 404', async () => {
    const res = await app.app.request('/api/campaigns/never-saved/export')
    expect(res.status).toBe(404)
  })
})
