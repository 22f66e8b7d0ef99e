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
      ...step(generate, 'GenerateRequest', 'generateImage')
    )
    .post(
      '/creative-director',
      textOnly,
      ...step(creativeDirector, 'CreativeDirectorRequest', 'directCreative')
    )
    .post('/enhance-prompt', textOnly, ...step(enhance, 'EnhancePromptRequest', 'enhancePrompt'))
    .post('/design-plan', textOnly, ...step(designPlan, 'DesignPlanRequest', 'planDesigns'))
    .post(
      '/reference-image',
      textOnly,
      ...step(reference, 'ReferenceImageRequest', 'referenceImage')
    )
    .post('/inspiration', textOnly, ...step(inspiration, 'InspirationRequest', 'inspirationImage'))
    .post('/upscale', oneImage, ...step(upscale, 'UpscaleRequest', 'upscaleImage'))
    .post(
      '/remove-background',
      oneImage,
      ...step(removeBackground, 'RemoveBackgroundRequest', 'removeBackground')
    )
    .post(
      '/summarize-prompt',
      textOnly,
      ...step(summarize, 'SummarizePromptRequest', 'summarizePrompt')
    )
}
