/**
 * @module image/routes
 * The image studio's API under `/api/image`, one line per endpoint: each step's request schema
 * and function live in this folder and load on the endpoint's first request. Endpoints that
 * take images have their own body limit (three or one 10 MB image as base64, plus the rest of
 * the request); the others keep the API's default.
 */
import { Hono } from 'hono'
import { DEFAULT_BODY_LIMIT, limitBody } from '../../core/body-limit'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'
import { MAX_INPUT_IMAGE_BYTES, MAX_INPUT_IMAGES } from './limits'

/** A 1×1 PNG, for the document's examples. */
const PIXEL = {
  data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  mimeType: 'image/png',
}
const tag = 'Image'
const IMAGES =
  'Images go in as `{ mediaId }` or base64 `{ data, mimeType }` (PNG, JPEG or WebP; at most 10 MB each, else 413; another type is 415) and come out stored, as media refs.'

/** Bytes of `n` bytes as base64. */
const base64Bytes = (n: number) => Math.ceil(n / 3) * 4
/** Everything in a request besides its images fits the API's default limit. */
export const ONE_IMAGE_BODY_LIMIT = base64Bytes(MAX_INPUT_IMAGE_BYTES) + DEFAULT_BODY_LIMIT
export const GENERATE_BODY_LIMIT =
  MAX_INPUT_IMAGES * base64Bytes(MAX_INPUT_IMAGE_BYTES) + DEFAULT_BODY_LIMIT

const generate = once(() => import('./generate'))
const creativeDirector = once(() => import('./creative-director'))
const enhance = once(() => import('./enhance-prompt'))
const designPlan = once(() => import('./design-plan'))
const reference = once(() => import('./reference-image'))
const summarize = once(() => import('./summarize-prompt'))
const upscale = once(() => import('./upscale'))
const removeBackground = once(() => import('./remove-background'))
const inspiration = once(() => import('./inspiration'))

export const imageRoutes = (deps: FeatureDeps) => {
  const { step } = stepRoutes(deps)
  const textOnly = limitBody(DEFAULT_BODY_LIMIT)
  const oneImage = limitBody(ONE_IMAGE_BODY_LIMIT)
  return new Hono<AppEnv>()
    .post(
      '/generate',
      limitBody(GENERATE_BODY_LIMIT),
      ...step(generate, 'GenerateRequest', 'generateImage', {
        operationId: 'generateImage',
        summary: 'Generate or edit an image',
        description: `Up to three input images. \`sourceImageId\` edits a stored image, continuing the conversation that made it. \`model\`: \`banana\` (fast) or \`banana_pro\` (quality, up to 4K); ratio and size are checked against the chosen model. ${IMAGES}`,
        tag,
        response: 'GenerateResponse',
        errors: {
          400: ['invalid_model'],
          404: ['not_found'],
          413: ['image_too_large'],
          415: ['unsupported_media_type'],
        },
        examples: [
          {
            summary: 'From a prompt',
            body: { prompt: 'A latte on a marble table, morning light', aspectRatio: '16:9' },
            status: 200,
          },
          {
            summary: 'With an input image',
            body: { prompt: 'Turn this into a watercolour', images: [PIXEL] },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/creative-director',
      textOnly,
      ...step(creativeDirector, 'CreativeDirectorRequest', 'directCreative', {
        operationId: 'imageCreativeDirector',
        summary: 'Decide: edit an image, create a new one, or answer',
        tag,
        errors: { 404: ['not_found'] },
        response: 'CreativeDecision',
        examples: [
          {
            summary: 'A new picture',
            body: { prompt: 'A poster for our spring sale', uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/enhance-prompt',
      textOnly,
      ...step(enhance, 'EnhancePromptRequest', 'enhancePrompt', {
        operationId: 'enhanceImagePrompt',
        summary: 'Three richer directions for a prompt',
        tag,
        response: 'EnhanceResponse',
        examples: [{ summary: 'A short prompt', body: { prompt: 'coffee beans' }, status: 200 }],
      })
    )
    .post(
      '/design-plan',
      textOnly,
      ...step(designPlan, 'DesignPlanRequest', 'planDesigns', {
        operationId: 'imageDesignPlan',
        summary: 'Three design plans, from current trends (grounded)',
        tag,
        response: 'DesignPlanResponse',
        examples: [{ summary: 'A topic', body: { topic: 'Autumn coffee menu' }, status: 200 }],
      })
    )
    .post(
      '/reference-image',
      textOnly,
      ...step(reference, 'ReferenceImageRequest', 'referenceImage', {
        operationId: 'imageReferenceImage',
        summary: 'A 16:9 reference image for a plan',
        tag,
        response: 'ImageResponse',
        examples: [
          { summary: 'A mood image', body: { prompt: 'Warm autumn café mood board' }, status: 200 },
        ],
      })
    )
    .post(
      '/inspiration',
      textOnly,
      ...step(inspiration, 'InspirationRequest', 'inspirationImage', {
        operationId: 'imageInspiration',
        summary: 'A quick thumbnail for a prompt (cached)',
        tag,
        response: 'InspirationResponse',
        examples: [
          {
            summary: 'A card',
            body: { prompt: 'Minimal coffee packaging', aspectRatio: '1:1' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/upscale',
      oneImage,
      ...step(upscale, 'UpscaleRequest', 'upscaleImage', {
        operationId: 'upscaleImage',
        summary: 'Enlarge an image 2 to 8 times',
        description: `Imagen's upscaler on Vertex AI; elsewhere the image model re-renders it larger. ${IMAGES}`,
        tag,
        response: 'UpscaleResponse',
        errors: { 404: ['not_found'], 413: ['image_too_large'], 415: ['unsupported_media_type'] },
        examples: [{ summary: 'Twice as large', body: { image: PIXEL, factor: 2 }, status: 200 }],
      })
    )
    .post(
      '/remove-background',
      oneImage,
      ...step(removeBackground, 'RemoveBackgroundRequest', 'removeBackground', {
        operationId: 'removeImageBackground',
        summary: 'Cut the subject out (transparent PNG)',
        description: `Segmentation on Vertex AI; elsewhere the subject is re-rendered on a key colour and keyed out. ${IMAGES}`,
        tag,
        response: 'RemoveBackgroundResponse',
        errors: { 404: ['not_found'], 413: ['image_too_large'], 415: ['unsupported_media_type'] },
        examples: [{ summary: 'An image', body: { image: PIXEL }, status: 200 }],
      })
    )
    .post(
      '/summarize-prompt',
      textOnly,
      ...step(summarize, 'SummarizePromptRequest', 'summarizePrompt', {
        operationId: 'summarizeImagePrompt',
        summary: 'A short title for a prompt',
        tag,
        response: 'SummaryResponse',
        examples: [
          {
            summary: 'A prompt',
            body: { prompt: 'A latte on a marble table, morning light' },
            status: 200,
          },
        ],
      })
    )
}
