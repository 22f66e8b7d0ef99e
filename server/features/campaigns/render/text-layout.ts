/**
 * @module campaigns/render/text-layout
 * Lines of text within a width, measured with the fonts' own advances: Chinese breaks between
 * any two characters (closing punctuation stays with the character before it), other scripts
 * between words; a word wider than the box gets a line of its own. Each line comes out as SVG
 * path data (glyph outlines), so the rasteriser needs no fonts of its own. Pure once the fonts
 * are loaded.
 */
import type { Font, PathCommand } from 'opentype.js'
import { fontFor } from './fonts'

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/
/** Punctuation that never starts a line. */
const CLOSING = /^[，。、！？；：）》」』】,.!?;:)\]…]/

/** Units a line may break after: one CJK character, or a word with its trailing spaces. */
export function breakUnits(text: string): string[] {
  const units: string[] = []
  for (const piece of text.match(
    /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g
  ) ?? []) {
    const last = units.length - 1
    if (last >= 0 && CLOSING.test(piece)) units[last] += piece
    else if (last >= 0 && /^\s+$/.test(piece)) units[last] += piece
    else units.push(piece)
  }
  return units
}

/** Width of `text` at `size` pixels. */
export function measure(fonts: readonly Font[], text: string, size: number): number {
  let width = 0
  for (const char of text) {
    const font = fontFor(fonts, char)
    width += ((font.charToGlyph(char).advanceWidth ?? 0) * size) / font.unitsPerEm
  }
  return width
}

/** Greedy lines no wider than `maxWidth` (a newline in the text always breaks). */
export function wrapLines(
  fonts: readonly Font[],
  text: string,
  size: number,
  maxWidth: number
): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    for (const unit of breakUnits(paragraph)) {
      const next = line + unit
      if (line && measure(fonts, next.trimEnd(), size) > maxWidth) {
        lines.push(line.trimEnd())
        line = unit.trimStart()
      } else line = next
    }
    lines.push(line.trimEnd())
  }
  return lines.filter((l, i) => l || i < lines.length - 1)
}

/** The outline of one line starting at `x` on `baseline`, as SVG path data. */
export function linePath(
  fonts: readonly Font[],
  line: string,
  x: number,
  baseline: number,
  size: number
): string {
  const runs: { font: Font; text: string }[] = []
  for (const char of line) {
    const font = fontFor(fonts, char)
    const last = runs.at(-1)
    if (last && last.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  let cursor = x
  let data = ''
  for (const run of runs) {
    data += pathData(run.font.getPath(run.text, cursor, baseline, size).commands)
    cursor += measure([run.font], run.text, size)
  }
  return data
}

const n = (value: number) => value.toFixed(2)

/**
 * SVG path data of glyph outlines. Written here rather than with opentype.js's `toPathData`,
 * whose output resvg stopped filling part-way for some positions (a glyph run at x = 84 drew,
 * at x = 84.00000000000001 lost its last glyphs; tests/campaigns/render.test.ts).
 */
export function pathData(commands: readonly PathCommand[]): string {
  let d = ''
  for (const c of commands) {
    if (c.type === 'M' || c.type === 'L') d += `${c.type}${n(c.x)} ${n(c.y)}`
    else if (c.type === 'Q') d += `Q${n(c.x1)} ${n(c.y1)} ${n(c.x)} ${n(c.y)}`
    else if (c.type === 'C') d += `C${n(c.x1)} ${n(c.y1)} ${n(c.x2)} ${n(c.y2)} ${n(c.x)} ${n(c.y)}`
    else d += 'Z'
  }
  return d
}

export const isCjk = (text: string) => CJK.test(text)
