/**
 * @module seo/strategy-routes
 * Research and strategy steps of the SEO workflow.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import type { AppDeps } from '../../deps'

export const strategyRoutes = (_deps: AppDeps) => new Hono<AppEnv>()
