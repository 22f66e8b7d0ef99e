/**
 * @module brand-guard/responses
 * What a brand check answers, as schemas: the API document shows them and the tests check every
 * answer against them; the interfaces the check is written with (`check-image.ts`,
 * `check-video.ts`, `palette.ts`, `score.ts`, `issues.ts`) must fit them (checked below).
 */
import * as v from 'valibot'
import { COLOR_ROLES } from '../brand/profile'
import type { ImageCheck } from './check-image'
import type { VideoCheck } from './check-video'
import { VERDICTS } from './judgement'
import { SCORE_WEIGHTS } from './method'

const described = <S extends v.GenericSchema>(schema: S, text: string) =>
  v.pipe(schema, v.description(text))
const hex = described(v.string(), 'A colour, `#rrggbb`.')
const share = described(v.number(), 'A share, 0-1 (three decimals).')
const PARTS = Object.keys(SCORE_WEIGHTS) as (keyof typeof SCORE_WEIGHTS)[]

export const CheckMethod = described(
  v.object({
    version: v.number(),
    weights: described(
      v.object(
        Object.fromEntries(PARTS.map((p) => [p, v.number()])) as Record<
          keyof typeof SCORE_WEIGHTS,
          v.NumberSchema<undefined>
        >
      ),
      'What each part of the score weighs (they add up to 100).'
    ),
    sampleSide: described(v.number(), 'The longer side of the measured copy, in pixels.'),
    dominantColors: described(v.number(), 'Dominant colours found by k-means in CIELAB.'),
    deltaELimit: described(
      v.number(),
      'A pixel this close (CIEDE2000) to a brand colour is on the palette.'
    ),
    farDeltaE: described(v.number(), 'A dominant colour this far from the palette scores nothing.'),
    contrastMinimum: described(v.number(), 'WCAG 2 contrast text must reach.'),
    offPaletteShare: v.number(),
    offPaletteDeltaE: v.number(),
    lowCoverage: v.number(),
  }),
  'Every number the check decided with.'
)

const ProfileRefSchema = v.object({
  name: v.string(),
  version: described(v.string(), 'A digest of the profile parts the check reads (16 hex).'),
})

const ScoreSchema = v.object({
  value: described(v.nullable(v.number()), '0-100, one decimal; null when no part applies.'),
  partial: described(v.boolean(), 'The judged half was unavailable: the measured half only.'),
  parts: v.array(
    v.object({
      part: v.picklist(PARTS),
      weight: v.number(),
      value: described(v.nullable(v.number()), '0-1; null when the part does not apply.'),
      points: described(v.number(), 'What the part adds to the score.'),
    })
  ),
})

const PaletteSchema = v.object({
  sample: v.object({ width: v.number(), height: v.number(), pixels: v.number() }),
  dominant: v.array(
    v.object({
      hex,
      share,
      nearest: v.optional(
        v.object({
          hex,
          role: v.picklist(COLOR_ROLES),
          deltaE: described(v.number(), 'CIEDE2000 to this brand colour, one decimal.'),
        })
      ),
    })
  ),
  coverage: described(
    v.nullable(v.number()),
    'Share of pixels within `deltaELimit` of a brand colour; null without brand colours.'
  ),
})

const box = v.object({ ymin: v.number(), xmin: v.number(), ymax: v.number(), xmax: v.number() })

const TextContrastSchema = v.object({
  text: v.string(),
  box: described(box, 'In thousandths of the image height (y) and width (x).'),
  foreground: hex,
  background: hex,
  ratio: described(v.number(), 'WCAG 2 contrast ratio, 1-21.'),
  minimum: v.number(),
  passes: v.boolean(),
})

const FindingSchema = v.object({
  verdict: v.picklist(VERDICTS),
  reason: described(v.string(), "The model's one sentence (English)."),
  fix: described(v.string(), 'One line that fixes it (English); empty unless the verdict is fail.'),
})

const JudgedSchema = v.variant('status', [
  v.object({
    status: v.literal('ok'),
    model: v.string(),
    findings: v.object({
      logo: FindingSchema,
      typography: FindingSchema,
      voice: FindingSchema,
      forbidden: FindingSchema,
    }),
  }),
  v.object({
    status: v.literal('unavailable'),
    model: v.string(),
    error: described(
      v.object({ code: v.string(), message: v.string() }),
      'Why the model gave no judgement (a blocked, empty, cut or invalid answer).'
    ),
  }),
])

const IssueSchema = v.object({
  code: described(
    v.picklist([
      'off_palette_color',
      'low_palette_coverage',
      'low_contrast',
      'logo',
      'typography',
      'voice',
      'forbidden',
    ]),
    'What was found; the client renders it from the code and params in its own language.'
  ),
  part: v.picklist(PARTS),
  params: v.record(v.string(), v.union([v.string(), v.number()])),
  message: described(v.string(), 'The issue in English.'),
  fix: described(v.string(), 'One imperative line (English) that fixes it.'),
})

const common = {
  method: CheckMethod,
  profile: ProfileRefSchema,
  score: ScoreSchema,
  judged: JudgedSchema,
  issues: v.array(IssueSchema),
  checkedAt: v.string(),
}

export const ImageCheckSchema = v.object({
  kind: v.literal('image'),
  ...common,
  measured: v.object({ palette: PaletteSchema, textContrast: v.array(TextContrastSchema) }),
})

export const VideoCheckSchema = v.object({
  kind: v.literal('video'),
  ...common,
  expectLogo: v.optional(v.boolean()),
  measured: v.object({ frames: v.object({ first: PaletteSchema, last: PaletteSchema }) }),
  via: described(
    v.picklist(['file', 'gcs', 'inline']),
    'How the clip reached the model: the Files API, its `gs://` object, or inline.'
  ),
})

export const BrandCheckResponse = v.object({
  imageId: v.string(),
  cached: described(v.boolean(), 'True when the result was made earlier for this image and brand.'),
  ...ImageCheckSchema.entries,
})

// The interfaces and the schemas describe the same answers: a change to one fails here.
type Fits<A, B> = [A] extends [B] ? true : false
const _image: Fits<ImageCheck, v.InferOutput<typeof ImageCheckSchema>> = true
const _video: Fits<VideoCheck, v.InferOutput<typeof VideoCheckSchema>> = true
void _image
void _video
