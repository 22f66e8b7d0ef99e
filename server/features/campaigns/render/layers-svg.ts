/**
 * @module campaigns/render/layers-svg
 * The layers of a visual in one language as an SVG the size of the visual, on a transparent
 * background: text as glyph outlines (with a soft dark edge so white text reads on a light
 * photo), the call to action as a rounded button, the logo as an embedded image. Geometry is the
 * document's: fractions of the visual's width and height; a text box grows downwards with its
 * lines. Pure once the fonts are loaded.
 */
import type { Font } from 'opentype.js'
import type { CampaignLanguage, Layer } from '../../library/schemas/campaign'
import { linePath, measure, wrapLines } from './text-layout'

export interface LogoImage {
  /** `data:` URL of a PNG, JPEG or SVG. */
  href: string
  /** Height / width. */
  aspect: number
}

const LINE_HEIGHT = 1.25
/** The button's padding around its text, in ems. */
const PAD_X = 0.8
const PAD_Y = 0.45

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** Where a text layer's lines go: the box, the lines and their left edges. */
export function textBox(fonts: readonly Font[], layer: Layer, text: string, width: number) {
  const size = layer.size * width
  const boxWidth = layer.width * width
  const inner = layer.kind === 'cta' ? Math.max(size, boxWidth - 2 * PAD_X * size) : boxWidth
  const lines = wrapLines(fonts, text, size, inner)
  const lefts = lines.map((line) => {
    const free = inner - measure(fonts, line, size)
    const offset = layer.align === 'center' ? free / 2 : layer.align === 'right' ? free : 0
    return (layer.kind === 'cta' ? PAD_X * size : 0) + Math.max(0, offset)
  })
  const textHeight = lines.length * size * LINE_HEIGHT
  const height = textHeight + (layer.kind === 'cta' ? 2 * PAD_Y * size : 0)
  return { size, boxWidth, height, lines, lefts }
}

function textLayer(
  fonts: readonly Font[],
  layer: Layer,
  text: string,
  width: number,
  height: number
): string {
  const x = layer.x * width
  const y = layer.y * height
  const box = textBox(fonts, layer, text, width)
  const top = y + (layer.kind === 'cta' ? PAD_Y * box.size : 0)
  const paths = box.lines
    .map((line, i) => {
      // The baseline sits about 0.9 em below the line's top at a 1.25 line height.
      const baseline = top + i * box.size * LINE_HEIGHT + box.size * 0.98
      return linePath(fonts, line, x + (box.lefts[i] ?? 0), baseline, box.size)
    })
    .join('')
  const button =
    layer.kind === 'cta' && layer.background
      ? `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${box.boxWidth.toFixed(1)}" height="${box.height.toFixed(1)}" rx="${(box.size * 0.35).toFixed(1)}" fill="${layer.background}"/>`
      : ''
  const edge =
    layer.kind === 'headline'
      ? ` stroke="#000" stroke-opacity="0.35" stroke-width="${(box.size * 0.08).toFixed(2)}" stroke-linejoin="round" paint-order="stroke"`
      : ''
  return `${button}<path fill="${layer.color}"${edge} d="${paths}"/>`
}

function logoLayer(layer: Layer, logo: LogoImage | undefined, width: number, height: number) {
  if (!logo) return ''
  const w = layer.width * width
  return `<image href="${escapeAttr(logo.href)}" x="${(layer.x * width).toFixed(1)}" y="${(layer.y * height).toFixed(1)}" width="${w.toFixed(1)}" height="${(w * logo.aspect).toFixed(1)}" preserveAspectRatio="xMidYMid meet"/>`
}

export function layersSvg(options: {
  fonts: readonly Font[]
  layers: readonly Layer[]
  language: CampaignLanguage
  width: number
  height: number
  logos: ReadonlyMap<string, LogoImage>
}): string {
  const { fonts, layers, language, width, height, logos } = options
  const body = layers
    .filter((layer) => !layer.hidden)
    .map((layer) => {
      if (layer.kind === 'logo')
        return logoLayer(layer, logos.get(layer.mediaId ?? ''), width, height)
      const text = layer.text[language]?.trim()
      return text ? textLayer(fonts, layer, text, width, height) : ''
    })
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`
}
