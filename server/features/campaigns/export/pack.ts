/**
 * @module campaigns/export/pack
 * The campaign pack: one ZIP (fflate, loaded on the first export) with every visual per size and
 * language as PNG (its layers rendered in), every post per network and language as Markdown and
 * one CSV for schedulers, the layered source (`campaign.json`: the document, the layer geometry
 * and the images without layers under `source/`), the finished video when there is one, and a
 * manifest listing every file with its size and what it is. PNGs are stored, text compressed.
 */

import { loadMedia } from '../../../storage/media'
import type { BlobStore } from '../../../storage/types'
import type { CampaignDocument } from '../../library/schemas/campaign'
import { FORMATS } from '../formats'
import { BUNDLED_FONT, BUNDLED_WEIGHT } from '../render/fonts'
import { logosOf, renderVisual } from '../render/visual'
import { linkOf, postMarkdown, postPath, postsCsv, visualPath } from './posts'

export const PACK_FORMAT = 'ais-studio.campaign-pack'

export interface PackEntry {
  path: string
  kind: 'visual' | 'source-image' | 'post' | 'schedule' | 'source' | 'video'
  bytes: number
  language?: string
  network?: string
  format?: string
  width?: number
  height?: number
}

export interface PackInput {
  id: string
  document: CampaignDocument
  exportedAt: string
  /** The finished clip, when the campaign's video job has one. */
  video?: { bytes: Uint8Array; mimeType: string; jobId: string }
}

const text = (value: string) => new TextEncoder().encode(value)

export async function buildPack(store: BlobStore, input: PackInput): Promise<Uint8Array> {
  const { document: doc } = input
  const files: Record<string, Uint8Array> = {}
  const entries: PackEntry[] = []
  const add = (path: string, bytes: Uint8Array, meta: Omit<PackEntry, 'path' | 'bytes'>) => {
    files[path] = bytes
    entries.push({ path, bytes: bytes.byteLength, ...meta })
  }

  const logos = await logosOf(store, doc.visuals)
  // One visual at a time: each holds a few full-size bitmaps.
  for (const visual of doc.visuals) {
    const spec = FORMATS[visual.format]
    const source = await loadMedia(store, visual.image.id)
    add(`source/${spec.slug}.png`, source.bytes, {
      kind: 'source-image',
      format: visual.format,
      width: spec.width,
      height: spec.height,
    })
    for (const language of doc.languages) {
      add(visualPath(language, visual.format), await renderVisual(store, visual, language, logos), {
        kind: 'visual',
        format: visual.format,
        language,
        width: spec.width,
        height: spec.height,
      })
    }
  }
  const link = linkOf(doc)
  for (const post of doc.posts) {
    add(postPath(post), text(postMarkdown(post, link)), {
      kind: 'post',
      network: post.network,
      language: post.language,
    })
  }
  add('posts/posts.csv', text(postsCsv(doc)), { kind: 'schedule' })
  if (input.video) {
    add('video/clip.mp4', input.video.bytes, { kind: 'video' })
  }
  const source = {
    format: PACK_FORMAT,
    formatVersion: 1,
    id: input.id,
    document: doc,
    visuals: doc.visuals.map((v) => ({
      format: v.format,
      width: FORMATS[v.format].width,
      height: FORMATS[v.format].height,
      image: `source/${FORMATS[v.format].slug}.png`,
      layers: v.layers,
    })),
  }
  add('campaign.json', text(JSON.stringify(source, null, 2)), { kind: 'source' })
  const manifest = {
    format: PACK_FORMAT,
    formatVersion: 1,
    id: input.id,
    title: doc.title,
    exportedAt: input.exportedAt,
    languages: doc.languages,
    networks: doc.networks,
    font: {
      rendered: `${BUNDLED_FONT} ${BUNDLED_WEIGHT} (bundled, SIL Open Font License 1.1)`,
      requested: [
        ...new Set(doc.visuals.flatMap((v) => v.layers.flatMap((l) => (l.font ? [l.font] : [])))),
      ],
    },
    ...(input.video ? { video: { jobId: input.video.jobId, path: 'video/clip.mp4' } } : {}),
    files: entries,
  }
  files['manifest.json'] = text(JSON.stringify(manifest, null, 2))
  const { zipSync } = await import('fflate')
  const stored = (path: string) => path.endsWith('.png') || path.endsWith('.mp4')
  return zipSync(
    Object.fromEntries(
      Object.entries(files).map(([path, bytes]) => [path, [bytes, { level: stored(path) ? 0 : 6 }]])
    ),
    { mtime: new Date(input.exportedAt) }
  )
}
