/**
 * @module seo/writing-routes
 * Writing and quality steps of the SEO workflow.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import type { AppDeps } from '../../deps'

export const writingRoutes = (_deps: AppDeps) => new Hono<AppEnv>()
