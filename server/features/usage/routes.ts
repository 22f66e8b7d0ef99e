/**
 * @module usage/routes
 * `GET /api/usage`: today's and this month's AI spend of the caller's workspace, by studio and
 * model, the day's latest calls, paid jobs held, charged and released (with why), and the budget
 * of each period with what is left and when it resets. An admin key (`+name:key` in `API_KEYS`)
 * also gets every workspace's overview (`workspaces`) and may ask for one (`?workspace=name`);
 * any other key asking for another workspace is a 403.
 */
import { Hono } from 'hono'
import * as v from 'valibot'
import type { AppEnv } from '../../core/context'
import { AppError, errors } from '../../core/errors'
import { describe } from '../../core/openapi/route-doc'
import { queryParams } from '../../core/validate'
import type { FeatureDeps } from '../context'
import type { UsageReport, WorkspaceSummary } from './report'

/** The report, and for an admin key every workspace's overview. */
type UsageAnswer = UsageReport & { workspaces?: WorkspaceSummary[] }

const UsageQuery = v.object({
  workspace: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Is not a workspace name'))
  ),
})

const doc = describe({
  operationId: 'getUsage',
  summary: "The workspace's AI spend and budget",
  description:
    "Today's and this month's spend (UTC) by studio and by model, the day's latest calls, paid video jobs held, charged or released (with why), and each period's budget with what is left and when it resets. An admin key (`+name:key` in `API_KEYS`) also gets every workspace's overview and may ask for one with `?workspace=`; another key asking for another workspace is `403 forbidden`.",
  tag: 'Usage',
  responses: {
    200: {
      description: 'The usage report',
      schema: async () => (await import('./responses')).UsageResponse,
    },
  },
  errors: { 403: ['forbidden'], 404: ['not_found'] },
  examples: [
    { summary: "The caller's workspace", status: 200 },
    {
      summary: 'Another workspace, without an admin key',
      query: { workspace: 'other' },
      status: 403,
    },
  ],
})

export const usageRoutes = (deps: Pick<FeatureDeps, 'ledger' | 'config'>) => {
  const known = new Set(['default', ...deps.config.apiKeys.map((k) => k.workspace)])
  return new Hono<AppEnv>().get('/', doc, queryParams(UsageQuery), async (c) => {
    const own = c.get('workspace')
    const admin = c.get('admin') === true
    const asked = c.req.valid('query').workspace ?? own
    if (asked !== own && !admin) {
      throw new AppError(403, 'forbidden', "Only an admin key may read another workspace's usage.")
    }
    if (!known.has(asked)) throw errors.notFound('The workspace')
    const body: UsageAnswer = await deps.ledger.report(asked)
    if (admin) body.workspaces = await deps.ledger.summaries()
    return c.json(body, 200, { 'Cache-Control': 'no-store' })
  })
}
