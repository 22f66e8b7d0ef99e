/**
 * @module brand/routes
 * `POST /api/analyze`: brand profile and assets from a website.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import type { AppDeps } from '../../deps'

export const brandRoutes = (_deps: AppDeps) => new Hono<AppEnv>()
