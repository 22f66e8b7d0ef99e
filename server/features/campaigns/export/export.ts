/**
 * @module campaigns/export/export
 * `GET /api/campaigns/:id/export`: the saved campaign of the request's workspace as a campaign
 * pack (ZIP). The UI saves its edits first and downloads this same URL, so the pack is the same
 * from the API and from the UI.
 */
import type { Logger } from '../../../core/logger'
import { loadMedia } from '../../../storage/media'
import type { BlobStore } from '../../../storage/types'
import { loadDocument } from '../../library/documents'
import type { CampaignDocument } from '../../library/schemas/campaign'
import { jobKey, readJob } from '../../video/job-store'
import { buildPack } from './pack'

export interface ExportContext {
  store: BlobStore
  workspace: string
  log: Logger
  clock: () => Date
}

export async function exportCampaign(ctx: ExportContext, id: string): Promise<Uint8Array> {
  const loaded = await loadDocument(ctx, 'campaigns', id)
  const document = loaded.record.document as CampaignDocument
  const started = performance.now()
  const pack = await buildPack(ctx.store, {
    id,
    document,
    exportedAt: ctx.clock().toISOString(),
    video: await finishedVideo(ctx, document),
  })
  ctx.log.info('campaign exported', {
    id,
    bytes: pack.byteLength,
    ms: Math.round(performance.now() - started),
  })
  return pack
}

async function finishedVideo(ctx: ExportContext, document: CampaignDocument) {
  const jobId = document.video?.jobId
  if (!jobId) return undefined
  const stored = await readJob(ctx.store, jobKey(ctx.workspace, jobId))
  const video = stored?.job.status === 'succeeded' ? stored.job.video : undefined
  if (!video) return undefined
  const media = await loadMedia(ctx.store, video.id).catch(() => undefined)
  return media && { ...media, jobId }
}
