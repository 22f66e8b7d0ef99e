/**
 * @module video/brand-check-limits
 * The body limit of a video brand check (two frames as base64 and the rest), in a module with
 * no heavy imports so the routes, built at start, can size it without loading the check.
 */
import { MAX_IMAGE_BASE64 } from './schemas'

export const BRAND_CHECK_BODY_LIMIT = 2 * MAX_IMAGE_BASE64 + 1024 * 1024
