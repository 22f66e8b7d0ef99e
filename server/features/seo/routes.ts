/**
 * @module seo/routes
 * `/api/seo`: the content workflow, from diagnosis to metadata; the site's
 * Search Console data; publishing to WordPress.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import type { FeatureDeps } from '../context'
import { knowledgeRoutes } from './knowledge/routes'
import { searchConsoleRoutes } from './search-console-routes'
import { strategyRoutes } from './strategy-routes'
import { wordPressRoutes } from './wordpress-routes'
import { writingRoutes } from './writing-routes'

export const seoRoutes = (deps: FeatureDeps) =>
  new Hono<AppEnv>()
    .route('/', strategyRoutes(deps))
    .route('/', writingRoutes(deps))
    .route('/', knowledgeRoutes())
    .route('/', searchConsoleRoutes(deps))
    .route('/', wordPressRoutes(deps))
