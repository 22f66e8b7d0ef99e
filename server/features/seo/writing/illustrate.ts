/**
 * @module seo/writing/illustrate
 * `generate-images`: the model plans where images help (a section heading exactly as written in
 * the article, or "Introduction"), the images are generated concurrently with a bound, stored in
 * the BlobStore, and inserted as Markdown images with escaped alt text and `/media/<id>` URLs:
 * never base64 in the article (it would weigh megabytes). Images that fail are
 * listed; when all fail, the request fails with their error.
 */
import pLimit from 'p-limit'
import * as v from 'valibot'
import { toAppError } from '../../../core/error-handler'
import { AppError, errors } from '../../../core/errors'
import { DATA_RULE, dataBlock, languageRule } from '../../../core/prompt-blocks'
import { UiLanguage } from '../../../core/schema'
import { type MediaRef, saveMedia } from '../../../storage/media'
import { kitSummary } from '../../brand/kit-summary'
import { BrandProfile } from '../../brand/profile'
import type { StepContext } from '../../context'
import { Article, ContentBrief } from '../schemas'
import { contentLanguage } from './context'
import { escapeAlt, imageMarkdown, stripImages } from './images-in-markdown'
import { headings, insertBlock } from './markdown'

export { ImagesResponse } from '../responses'

export const INTRODUCTION = 'Introduction'
export const MAX_IMAGES = 8
/** Image calls in flight at once for one article. */
export const IMAGE_CONCURRENCY = 4
export const ASPECT_RATIOS = ['1:1', '16:9', '9:16', '4:3', '3:4'] as const

export const GenerateImagesRequest = v.object({
  article: Article,
  brief: v.optional(ContentBrief),
  profile: v.optional(BrandProfile),
  maxImages: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_IMAGES)), 4),
  aspectRatio: v.optional(v.picklist(ASPECT_RATIOS), '16:9'),
  uiLanguage: UiLanguage,
})
export type GenerateImagesRequest = v.InferOutput<typeof GenerateImagesRequest>

/** The plan's schema: section titles are an enum of the article's own headings, so they match. */
export function placementSchema(sectionTitles: readonly string[]) {
  return v.object({
    placements: v.pipe(
      v.array(
        v.object({
          sectionTitle: v.pipe(
            v.picklist(sectionTitles),
            v.description('A heading exactly as written in the article, or "Introduction".')
          ),
          imagePrompt: v.pipe(
            v.string(),
            v.minLength(10),
            v.maxLength(2000),
            v.description('A detailed prompt for an image model, in English.')
          ),
          alt: v.pipe(
            v.string(),
            v.minLength(1),
            v.maxLength(200),
            v.description('Alt text describing the image, in the article language.')
          ),
        })
      ),
      v.minLength(1),
      v.maxLength(MAX_IMAGES)
    ),
  })
}

export interface Placement {
  sectionTitle: string
  imagePrompt: string
  alt: string
}

export interface IllustrationResult {
  article: string
  images: { sectionTitle: string; alt: string; media: MediaRef }[]
  failures: { sectionTitle: string; error: { code: string; message: string } }[]
}

/** The headings an image may follow (H2–H4; the H1 area is the introduction). */
export const sectionTitles = (article: string) => [
  INTRODUCTION,
  ...new Set(
    headings(article)
      .filter((h) => h.level >= 2 && h.level <= 4)
      .map((h) => h.text)
  ),
]

export async function planImages(
  ctx: StepContext,
  body: GenerateImagesRequest
): Promise<Placement[]> {
  const titles = sectionTitles(body.article)
  const language = contentLanguage(body.brief)
  const brand = body.profile?.globalInfo
  const { data } = await ctx.ai.json({
    schema: placementSchema(titles),
    signal: ctx.signal,
    system: [
      'You are a picture editor for an online magazine.',
      DATA_RULE,
      languageRule({ ui: body.uiLanguage, content: language }),
    ].join('\n'),
    prompt: [
      `Choose up to ${body.maxImages} places in the article where an image helps the reader, and describe each image.`,
      [
        `- sectionTitle: one of the article's headings exactly as listed, or "${INTRODUCTION}" for an image after the first paragraph.`,
        `- imagePrompt: in English, a concrete photographic or illustrative scene for aspect ratio ${body.aspectRatio}; no text, letters, logos or watermarks in the image.`,
        `- alt: a short, factual description of the image in ${language}.`,
        brand?.brand_name
          ? `- The images are for ${brand.brand_name} (${brand.brand_industry || 'its industry'}); match a ${brand.brand_voice.tone || 'professional'} tone.`
          : '',
        brand?.kit?.colors.length
          ? `- Where it fits the scene, echo the brand palette: ${kitSummary(brand.kit, { aspects: ['colors'] })}.`
          : '',
      ]
        .filter(Boolean)
        .join('\n'),
      dataBlock('headings', titles.join('\n')),
      dataBlock('article', stripImages(body.article)),
    ].join('\n\n'),
  })
  return data.placements.slice(0, body.maxImages)
}

/** Generates and stores one image; the AppError when it failed. */
async function illustrate(
  ctx: StepContext,
  placement: Placement,
  aspectRatio: string
): Promise<MediaRef | AppError> {
  try {
    const { images } = await ctx.ai.image({
      prompt: placement.imagePrompt,
      aspectRatio,
      signal: ctx.signal,
    })
    const image = images[0]
    if (!image) throw errors.upstream('ai_no_image', 'The AI service returned no image.')
    return await saveMedia(ctx.store, image.bytes, image.mimeType, { purpose: 'seo-article' })
  } catch (error) {
    const appError = toAppError(error)
    ctx.log.warn('article image failed', {
      section: placement.sectionTitle,
      code: appError.code,
      // Unexpected failures (the store, a bug) keep their cause in the log.
      ...(appError.status === 500 ? { err: appError } : {}),
    })
    return appError
  }
}

/** Inserts each section's images (in plan order) after its heading, the introduction's after the first paragraph. */
export function insertImages(
  article: string,
  images: readonly { sectionTitle: string; alt: string; media: MediaRef }[]
): string {
  const bySection = new Map<string, (typeof images)[number][]>()
  for (const image of images) {
    bySection.set(image.sectionTitle, [...(bySection.get(image.sectionTitle) ?? []), image])
  }
  let out = article
  for (const [section, group] of bySection) {
    const markdown = group.map((image) => imageMarkdown(image.alt, image.media.url)).join('\n\n')
    const afterHeading =
      section === INTRODUCTION
        ? undefined
        : insertBlock(out, markdown, { heading: section, skip: 0 })
    // The plan's schema only allows real headings; the introduction is the safe place otherwise.
    out = afterHeading ?? insertBlock(out, markdown, { skip: 1 }) ?? out
  }
  return out
}

export async function generateImages(
  ctx: StepContext,
  body: GenerateImagesRequest
): Promise<IllustrationResult> {
  const placements = await planImages(ctx, body)
  const limit = pLimit(IMAGE_CONCURRENCY)
  const outcomes = await Promise.all(
    placements.map((placement) => limit(() => illustrate(ctx, placement, body.aspectRatio)))
  )
  const images: IllustrationResult['images'] = []
  const failures: IllustrationResult['failures'] = []
  const errorsSeen: AppError[] = []
  outcomes.forEach((outcome, i) => {
    const placement = placements[i] as Placement
    if (outcome instanceof AppError) {
      errorsSeen.push(outcome)
      failures.push({
        sectionTitle: placement.sectionTitle,
        error: { code: outcome.code, message: outcome.message },
      })
    } else {
      images.push({
        sectionTitle: placement.sectionTitle,
        alt: escapeAlt(placement.alt),
        media: outcome,
      })
    }
  })
  if (!images.length)
    throw errorsSeen[0] ?? errors.upstream('ai_no_image', 'No image was generated.')
  return { article: insertImages(body.article, images), images, failures }
}
