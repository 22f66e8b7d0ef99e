/**
 * @module features/campaign/font
 * The bundled font the layer editor sets text in: the same Noto Sans SC Bold files the server
 * renders exports with (served from this origin, as the Content Security Policy requires; a
 * kit's web font from another site cannot load). Registered once; the Chinese face is only
 * fetched when Chinese text is shown (its unicode range).
 */
import chinese from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff2?url'
import latin from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-700-normal.woff2?url'

export const EDITOR_FONT = 'AIS Campaign Sans'

const FACES = [
  {
    url: latin,
    range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+2000-206F, U+20AC, U+2122',
  },
  { url: chinese, range: 'U+2E80-9FFF, U+F900-FAFF, U+FF00-FFEF, U+3000-303F' },
]

let registered = false

export function useBundledFont(): void {
  if (registered || typeof FontFace === 'undefined' || !globalThis.document?.fonts) return
  registered = true
  for (const face of FACES) {
    document.fonts.add(
      new FontFace(EDITOR_FONT, `url(${face.url}) format('woff2')`, {
        weight: '700',
        unicodeRange: face.range,
        display: 'swap',
      })
    )
  }
}
