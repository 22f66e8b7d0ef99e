/**
 * @module campaigns/render/visual
 * One visual in one language, rendered to PNG: its image, then its headline, call to action and
 * logo layers over it. Logos are read from the store once per export (an SVG logo is drawn as
 * vectors; PNG and JPEG as they are; other types decoded to PNG first).
 */
import { encodePng } from '../../../media/encode'
import { decodeImage } from '../../../media/pixels'
import { loadMedia } from '../../../storage/media'
import type { BlobStore } from '../../../storage/types'
import type { CampaignLanguage, CampaignVisual } from '../../library/schemas/campaign'
import { loadFonts } from './fonts'
import { type LogoImage, layersSvg } from './layers-svg'
import { blendOver, drawSvg } from './raster'

const dataUrl = (bytes: Uint8Array, type: string) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`

async function logoImage(store: BlobStore, mediaId: string): Promise<LogoImage | undefined> {
  const media = await loadMedia(store, mediaId).catch(() => undefined)
  if (!media) return undefined
  const type = media.mimeType
  if (type === 'image/svg+xml') {
    const { imageSize } = await import('image-size')
    const size = (() => {
      try {
        return imageSize(media.bytes)
      } catch {
        return { width: 1, height: 1 }
      }
    })()
    return { href: dataUrl(media.bytes, type), aspect: (size.height || 1) / (size.width || 1) }
  }
  const pixels = await decodeImage(media.bytes, type).catch(() => undefined)
  if (!pixels) return undefined
  const bytes =
    type === 'image/png' || type === 'image/jpeg' ? media.bytes : await encodePng(pixels)
  const href = dataUrl(bytes, type === 'image/jpeg' ? type : 'image/png')
  return { href, aspect: pixels.height / pixels.width }
}

/** The logos the visuals' layers name, read once. */
export async function logosOf(
  store: BlobStore,
  visuals: readonly CampaignVisual[]
): Promise<Map<string, LogoImage>> {
  const ids = new Set(
    visuals.flatMap((v) =>
      v.layers.flatMap((l) => (l.kind === 'logo' && l.mediaId ? [l.mediaId] : []))
    )
  )
  const entries = await Promise.all(
    [...ids].map(async (id) => [id, await logoImage(store, id)] as const)
  )
  return new Map(entries.flatMap(([id, logo]) => (logo ? [[id, logo] as const] : [])))
}

export async function renderVisual(
  store: BlobStore,
  visual: CampaignVisual,
  language: CampaignLanguage,
  logos: ReadonlyMap<string, LogoImage>
): Promise<Uint8Array> {
  const media = await loadMedia(store, visual.image.id)
  const base = await decodeImage(media.bytes, media.mimeType)
  const svg = layersSvg({
    fonts: await loadFonts(),
    layers: visual.layers,
    language,
    width: base.width,
    height: base.height,
    logos,
  })
  return encodePng(blendOver(base, await drawSvg(svg)))
}
