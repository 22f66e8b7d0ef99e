/**
 * @module library/schemas/list-query
 * The query of `GET /api/library/:kind`: page size and the cursor from the previous page.
 * Pure valibot, shared with the browser.
 */
import { pageQuery } from '../../../core/schema'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export const ListQuery = pageQuery(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, 500)
