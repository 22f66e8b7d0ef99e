/**
 * @module video/list-jobs
 * `GET /api/video/jobs`: the workspace's jobs newest first (ids sort that way, see `job-ids`),
 * a page at a time, with an opaque cursor naming the last job shown, so pages stay stable while
 * jobs are added or deleted. Records are shown as stored; `GET /jobs/:id` brings one up to date.
 */
import { errors } from '../../core/errors'
import type { JobContext } from './job-context'
import { JOB_ID } from './job-ids'
import { jobsPrefix, readJob } from './job-store'
import type { VideoJobView } from './job-types'
import { viewOf } from './progress'

export interface JobPage {
  items: VideoJobView[]
  nextCursor?: string
}

const encodeCursor = (id: string) => Buffer.from(id).toString('base64url')

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!JOB_ID.test(id)) {
    throw errors.invalidInput([{ field: 'cursor', message: 'Is not a cursor from this listing' }])
  }
  return id
}

async function allIds(ctx: JobContext, prefix: string): Promise<string[]> {
  const ids: string[] = []
  let pageToken: string | undefined
  do {
    const page = await ctx.store.list(prefix, { limit: 1000, ...(pageToken ? { pageToken } : {}) })
    for (const item of page.items) {
      const id = item.key.slice(prefix.length).replace(/\.json$/, '')
      if (JOB_ID.test(id)) ids.push(id)
    }
    pageToken = page.nextPageToken
  } while (pageToken)
  return ids.sort()
}

export async function listJobs(
  ctx: JobContext,
  query: { limit: number; cursor?: string }
): Promise<JobPage> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor)
  const prefix = jobsPrefix(ctx.workspace)
  const ids = await allIds(ctx, prefix)
  const start = after ? ids.findIndex((id) => id > after) : 0
  const page = start < 0 ? [] : ids.slice(start, start + query.limit)
  const now = ctx.clock()
  const records = await Promise.all(page.map((id) => readJob(ctx.store, `${prefix}${id}.json`)))
  const items = records.flatMap((r) => (r ? [viewOf(r.job, now)] : []))
  const last = page.at(-1)
  const more = start >= 0 && start + query.limit < ids.length
  return more && last ? { items, nextCursor: encodeCursor(last) } : { items }
}
