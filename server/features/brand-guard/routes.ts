/**
 * @module brand-guard/routes
 * `/api/brand`: `POST /check` with `{ imageId, profileId | profile, expectLogo? }` answers the
 * image's brand check (`check.ts`): `{ imageId, cached, kind, method, profile, score, measured,
 * judged, issues, checkedAt }`. 400 invalid input (both or neither profile), 404 unknown image
 * or profile, 415 an image the check cannot read, 502/504 the AI service failing (a blocked or
 * invalid judgement is not a failure: the judged half is answered as unavailable), 503 AI not
 * configured. The check loads on the first request.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import { type FeatureDeps, stepContext } from '../context'
import { stepRoutesWith } from '../step-routes'
import type { GuardContext } from './check'

const check = once(() => import('./check'))

export const brandGuardRoutes = (deps: FeatureDeps) => {
  const contextOf = (c: Context<AppEnv>): GuardContext => ({
    ...stepContext(deps, c),
    workspace: c.get('workspace'),
  })
  const { step } = stepRoutesWith(contextOf)
  return new Hono<AppEnv>().post(
    '/check',
    ...step(check, 'BrandCheckRequest', 'brandCheck', {
      operationId: 'checkBrand',
      summary: 'Check an image against a brand profile',
      description:
        'Measures the image (dominant colours by k-means in CIELAB, their CIEDE2000 distance to the brand colours, the share of pixels within ΔE 10, the contrast of text the model found) and has Gemini judge the logo, typography, voice and anything the brand rules out, each with a reason. Answers the score (0-100) with every part, weight and threshold, and the issues, each with a one-line fix. Send `profileId` (a saved brand profile) or `profile`, not both. A complete result is kept: asking again for the same image and brand answers it with `cached: true` and no model call. A blocked or invalid judgement is not an error: `judged.status` is `unavailable` and the score is `partial`.',
      tag: 'Brand',
      response: 'BrandCheckResponse',
      answer: 'The check',
      errors: {
        400: ['invalid_media_id'],
        404: ['not_found'],
        413: ['image_too_large'],
        415: ['unsupported_image_type'],
      },
      examples: [
        {
          summary: 'An image this server does not have (so 404)',
          body: { imageId: `${'0'.repeat(64)}.png`, profileId: 'northwind' },
          status: 404,
        },
        {
          summary: 'Both a saved profile and an inline one',
          body: {
            imageId: `${'0'.repeat(64)}.png`,
            profileId: 'northwind',
            profile: { globalInfo: { brand_name: 'Northwind Coffee' }, projects: [] },
          },
          status: 400,
        },
      ],
    })
  )
}
