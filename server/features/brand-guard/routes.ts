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
  return new Hono<AppEnv>().post('/check', ...step(check, 'BrandCheckRequest', 'brandCheck'))
}
