/**
 * @module campaigns/formats
 * The sizes a campaign's visuals are exported in, and the ratio the image model is asked for
 * each (its own nearest ratio: 1.91:1 is not a Gemini image ratio, so it is asked as 16:9 and
 * extended, `fit.ts`). Pure.
 */
import type { VisualFormat } from '../library/schemas/campaign'

export interface FormatSpec {
  format: VisualFormat
  /** Export size in pixels (the networks' recommended sizes). */
  width: number
  height: number
  /** Where it is used. */
  use: string
  /** File name part: `1x1`, `1.91x1`. */
  slug: string
}

export const FORMATS: Readonly<Record<VisualFormat, FormatSpec>> = {
  '1:1': { format: '1:1', width: 1080, height: 1080, use: 'feed posts', slug: '1x1' },
  '4:5': { format: '4:5', width: 1080, height: 1350, use: 'portrait feed posts', slug: '4x5' },
  '9:16': { format: '9:16', width: 1080, height: 1920, use: 'stories, reels', slug: '9x16' },
  '1.91:1': { format: '1.91:1', width: 1200, height: 628, use: 'link shares', slug: '1.91x1' },
}
