/**
 * @module brand/logo-colors
 * The main colours of a logo. An SVG logo is read as text (its `fill`, `stroke`, `stop-color`
 * and `color`, as attributes, inline styles or `<style>` rules), most used first; a PNG, JPEG or
 * GIF is decoded (media/pixels.ts) and its dominant colours taken. WebP, AVIF and ICO logos
 * give no colours: they are not decoded here.
 */
import { canDecode, decodeImage, dominantColors, ImageDecodeError } from '../../media/pixels'
import { colorsIn } from './color-values'

const MAX_COLORS = 3
const MAX_SVG_TEXT = 512 * 1024
const SVG_PAINT =
  /(?:^|[\s;{"'])(?:fill|stroke|stop-color|color)\s*(?:=\s*["']([^"']*)["']|:\s*([^;"'}<>]*))/gi

export async function logoColors(bytes: Uint8Array, mimeType: string): Promise<string[]> {
  if (mimeType === 'image/svg+xml') return svgColors(new TextDecoder().decode(bytes))
  if (!canDecode(mimeType)) return []
  try {
    const image = await decodeImage(bytes, mimeType)
    return dominantColors(image, { max: MAX_COLORS }).map((c) => c.hex)
  } catch (error) {
    if (error instanceof ImageDecodeError) return []
    throw error
  }
}

/** Colours painted in an SVG document, most used first (first use breaks ties). */
export function svgColors(svg: string): string[] {
  const counts = new Map<string, number>()
  for (const match of svg.slice(0, MAX_SVG_TEXT).matchAll(SVG_PAINT)) {
    for (const hex of colorsIn(match[1] ?? match[2] ?? '')) {
      counts.set(hex, (counts.get(hex) ?? 0) + 1)
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_COLORS)
    .map(([hex]) => hex)
}
