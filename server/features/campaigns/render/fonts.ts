/**
 * @module campaigns/render/fonts
 * The fonts exports are set in: Noto Sans SC Bold (SIL OFL 1.1, from `@fontsource/noto-sans-sc`),
 * its Simplified Chinese subset (which also holds Latin) and its Latin and Latin Extended
 * subsets for the letters the first lacks. The files are embedded in the server and parsed on the
 * first export only (about 0.35 s); a kit's web font cannot be fetched by the server, so every
 * export uses these and the manifest says so.
 */

import chinese from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff' with {
  type: 'file',
}
import latin from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-700-normal.woff' with {
  type: 'file',
}
import latinExt from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-ext-700-normal.woff' with {
  type: 'file',
}
import type { Font } from 'opentype.js'
import { once } from '../../../core/lazy'

/** The family exports are rendered in (the browser editor loads the same files). */
export const BUNDLED_FONT = 'Noto Sans SC'
export const BUNDLED_WEIGHT = 700

/** The fonts in the order a character is looked up in. */
export const loadFonts = once(async (): Promise<Font[]> => {
  const { parse } = await import('opentype.js')
  return Promise.all(
    [chinese, latin, latinExt].map(async (path) => parse(await Bun.file(path).arrayBuffer()))
  )
})

/** The first font that has a glyph for `char` (the first font's .notdef when none has). */
export function fontFor(fonts: readonly Font[], char: string): Font {
  return fonts.find((f) => f.charToGlyphIndex(char) > 0) ?? (fonts[0] as Font)
}
