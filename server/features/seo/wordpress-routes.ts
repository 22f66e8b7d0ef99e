/**
 * @module seo/wordpress-routes
 * `/api/seo/wordpress`: the workspace's WordPress site and publishing to it, one line each (logic
 * in `wordpress/`, loaded on first use).
 *
 * - `GET /connection` -> `{ connected, siteUrl?, username?, displayName?, savedAt? }` (never the
 *   password).
 * - `PUT /connection` `{ siteUrl, username, applicationPassword }` -> the same, after WordPress
 *   accepted the credentials (401 `wordpress_unauthorized` naming the site when it does not);
 *   503 `not_configured` without `SECRETS_KEY`.
 * - `DELETE /connection` -> 204.
 * - `POST /publish` `{ projectId, article, title, slug?, excerpt?, categories?, tags? }` -> the
 *   draft: `{ postId, status, updated, slug, link, pageUrl, editUrl, featuredMedia, images,
 *   categories, tags }`.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutesWith } from '../step-routes'
import { wordPressContext } from './wordpress/context'

const connection = once(() => import('./wordpress/connection'))
const publish = once(() => import('./wordpress/publish'))
const NO_STORE = { 'Cache-Control': 'no-store' }

export const wordPressRoutes = (deps: FeatureDeps) => {
  const contextOf = wordPressContext(deps)
  const { step } = stepRoutesWith(contextOf)
  return new Hono<AppEnv>()
    .get('/wordpress/connection', async (c) =>
      c.json(await (await connection()).getConnection(contextOf(c)), 200, NO_STORE)
    )
    .put(
      '/wordpress/connection',
      ...step(connection, 'WordPressConnectionRequest', 'saveConnection')
    )
    .delete('/wordpress/connection', async (c) => {
      await (await connection()).deleteConnection(contextOf(c))
      return c.body(null, 204)
    })
    .post('/wordpress/publish', ...step(publish, 'WordPressPublishRequest', 'publishToWordPress'))
}
