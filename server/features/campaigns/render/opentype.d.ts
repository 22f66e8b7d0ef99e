/**
 * @module campaigns/render/opentype
 * The part of opentype.js (which ships no types) the campaign renderer uses: parse a font, look
 * up glyphs and their advances, and a glyph run's outline as SVG path data.
 */
declare module 'opentype.js' {
  export interface Glyph {
    index: number
    advanceWidth?: number
  }
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' }
  export interface Path {
    commands: PathCommand[]
  }
  export interface Font {
    unitsPerEm: number
    ascender: number
    descender: number
    charToGlyphIndex(char: string): number
    charToGlyph(char: string): Glyph
    getPath(text: string, x: number, y: number, fontSize: number): Path
  }
  export function parse(buffer: ArrayBuffer): Font
}
