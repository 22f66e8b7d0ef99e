/**
 * @module seo/wordpress-routes
 * `/api/seo/wordpress`: the workspace's WordPress site and publishing to it, one entry each
 * (logic in `wordpress/`, loaded on first use; each entry documents itself for
 * `/api/openapi.json`).
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
import { describe } from '../../core/openapi/route-doc'
import type { FeatureDeps } from '../context'
import { stepRoutesWith } from '../step-routes'
import { wordPressContext } from './wordpress/context'

const connection = once(() => import('./wordpress/connection'))
const publish = once(() => import('./wordpress/publish'))
const responses = once(() => import('./wordpress/responses'))
const NO_STORE = { 'Cache-Control': 'no-store' }
const tag = 'SEO'

/** What the user's WordPress (reached through the safe fetcher) may answer. */
const siteErrors = {
  400: ['url_not_allowed', 'wordpress_not_connected', 'wordpress_credentials_unreadable'],
  401: ['wordpress_unauthorized'],
  403: ['wordpress_forbidden'],
  502: [
    'wordpress_failed',
    'wordpress_not_found',
    'fetch_unreachable',
    'fetch_wrong_type',
    'fetch_too_large',
  ],
  503: ['not_configured'],
}

export const wordPressRoutes = (deps: FeatureDeps) => {
  const contextOf = wordPressContext(deps)
  const { step } = stepRoutesWith(contextOf)
  return new Hono<AppEnv>()
    .get(
      '/wordpress/connection',
      describe({
        operationId: 'getWordPressConnection',
        summary: "The workspace's WordPress site (never its password)",
        tag,
        responses: {
          200: {
            description: 'The connection, or `connected: false`',
            schema: async () => (await responses()).WordPressConnectionResponse,
          },
        },
        examples: [{ summary: 'The demo workspace', status: 200 }],
      }),
      async (c) => c.json(await (await connection()).getConnection(contextOf(c)), 200, NO_STORE)
    )
    .put(
      '/wordpress/connection',
      ...step(connection, 'WordPressConnectionRequest', 'saveConnection', {
        operationId: 'connectWordPress',
        summary: 'Connect a WordPress site with an application password',
        description:
          'Checked against the site first (`/wp/v2/users/me`); the password is then stored encrypted (AES-GCM, `SECRETS_KEY`) and never returned. A refused password is `401 wordpress_unauthorized` naming the site.',
        tag,
        response: 'WordPressConnectionResponse',
        answer: 'The connection',
        errors: siteErrors,
        examples: [
          {
            summary: 'A site that is not WordPress',
            body: {
              siteUrl: 'https://www.example.com',
              username: 'editor',
              applicationPassword: 'abcd efgh ijkl mnop qrst uvwx',
            },
            status: 502,
          },
        ],
      })
    )
    .delete(
      '/wordpress/connection',
      describe({
        operationId: 'disconnectWordPress',
        summary: 'Forget the WordPress site and its password',
        tag,
        responses: { 204: { description: 'Forgotten' } },
        examples: [{ summary: 'Disconnect', status: 204 }],
      }),
      async (c) => {
        await (await connection()).deleteConnection(contextOf(c))
        return c.body(null, 204)
      }
    )
    .post(
      '/wordpress/publish',
      ...step(publish, 'WordPressPublishRequest', 'publishToWordPress', {
        operationId: 'publishToWordPress',
        // Search Console and WordPress, not a model: never over the AI budget.
        metered: false,
        summary: 'Publish the article to WordPress as a draft',
        description:
          'Illustrations first (`/wp/v2/media`, with alt text), then the post (`status: draft`) with title, slug, excerpt, featured image, categories and tags (created when missing). Publishing the same project again updates its draft; a post already published there is `409 wordpress_already_published`.',
        tag,
        response: 'PublishedDraftResponse',
        answer: 'The draft',
        errors: { ...siteErrors, 404: ['not_found'], 409: ['wordpress_already_published'] },
        examples: [
          {
            summary: 'Before a site is connected',
            body: {
              projectId: 'demo-project',
              article: '# Pour over coffee\n\nHow to brew it.',
              title: 'Pour over coffee',
            },
            status: 400,
          },
        ],
      })
    )
}
