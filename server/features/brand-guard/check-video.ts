/**
 * @module brand-guard/check-video
 * `checkVideo(ctx, input)`: a finished clip against a brand profile. Gemini watches the clip
 * itself (video understanding) and judges logo, typography, voice and ruled-out content, as for
 * an image; the measured half is the palette of the clip's first and last frames (the server
 * has no video decoder, so the frames come decoded from the client, which draws them from the
 * `<video>`). How the clip reaches the model depends on the backend: the Files API on the
 * Developer API (uploaded, used, deleted), its `gs://` object on Vertex AI with Cloud Storage,
 * inline bytes on Vertex AI without a bucket up to `INLINE_VIDEO_MAX_BYTES`.
 */
import type { Part } from '../../ai/types'
import { AppError, formatBytes } from '../../core/errors'
import type { RgbaImage } from '../../media/pixels'
import type { BrandProfile } from '../brand/profile'
import type { StepContext } from '../context'
import { type JudgedHalf, judgedHalf } from './check-image'
import { type BrandIssue, judgedIssues, paletteIssues } from './issues'
import { judge } from './judge'
import { findingsOf, VideoJudgement } from './judgement'
import { type Method, methodOf } from './method'
import { type MeasuredPalette, measurePalette } from './palette'
import { type ProfileRef, profileRef } from './profile-version'
import { judgedValues, paletteValues, type Score, scoreOf } from './score'

/** Inline video parts stay well under the service's request size limits. */
export const INLINE_VIDEO_MAX_BYTES = 20 * 1024 * 1024

export type VideoVia = 'file' | 'gcs' | 'inline'

export interface VideoCheckInput {
  /** The clip: its type, its `gs://` object when it has one, and its bytes when needed. */
  video: { mimeType: string; gcsUri?: string; bytes(): Promise<Uint8Array> }
  /** The clip's first and last frames, decoded. */
  frames: { first: RgbaImage; last: RgbaImage }
  profile: BrandProfile
  expectLogo?: boolean
  /** Names the upload (the job id). */
  label?: string
}

export interface VideoCheck {
  kind: 'video'
  method: Method
  profile: ProfileRef
  expectLogo?: boolean
  score: Score
  measured: { frames: { first: MeasuredPalette; last: MeasuredPalette } }
  judged: JudgedHalf
  issues: BrandIssue[]
  /** How the clip reached the model. */
  via: VideoVia
  checkedAt: string
}

interface ClipPart {
  part: Part
  via: VideoVia
  release(): Promise<void>
}

async function clipPart(ctx: StepContext, input: VideoCheckInput): Promise<ClipPart> {
  const { mimeType, gcsUri } = input.video
  const none = async () => undefined
  if (ctx.ai.backend === 'developer') {
    const file = await ctx.ai.uploadFile({
      bytes: await input.video.bytes(),
      mimeType,
      ...(input.label ? { displayName: input.label } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })
    return {
      part: { fileData: { fileUri: file.uri, mimeType: file.mimeType } },
      via: 'file',
      release: () =>
        ctx.ai.deleteFile(file.name).catch((err) => {
          // It expires by itself after 48 hours.
          ctx.log.warn('brand check: the uploaded clip could not be deleted', { err })
        }),
    }
  }
  if (gcsUri)
    return { part: { fileData: { fileUri: gcsUri, mimeType } }, via: 'gcs', release: none }
  const bytes = await input.video.bytes()
  if (bytes.byteLength > INLINE_VIDEO_MAX_BYTES) {
    throw new AppError(
      413,
      'video_too_large',
      `Without Cloud Storage, Vertex AI can be sent clips up to ${formatBytes(INLINE_VIDEO_MAX_BYTES)}; set GCP_STORAGE_BUCKET_NAME to check longer ones.`
    )
  }
  const data = Buffer.from(bytes).toString('base64')
  return { part: { inlineData: { data, mimeType } }, via: 'inline', release: none }
}

export async function checkVideo(ctx: StepContext, input: VideoCheckInput): Promise<VideoCheck> {
  const colors = input.profile.globalInfo.kit?.colors ?? []
  const clip = await clipPart(ctx, input)
  const judging = judge(ctx, {
    kind: 'video',
    schema: VideoJudgement,
    asset: clip.part,
    profile: input.profile,
    ...(input.expectLogo === undefined ? {} : { expectLogo: input.expectLogo }),
  }).finally(() => clip.release())
  // Awaited below; a failure meanwhile is not an unhandled rejection.
  judging.catch(() => undefined)
  // The frames are measured while the model watches the clip (after a turn of the event loop,
  // so the request is on its way first).
  await new Promise((resolve) => setTimeout(resolve, 0))
  const first = measurePalette(input.frames.first, colors)
  const last = measurePalette(input.frames.last, colors)
  const judged = await judging
  const findings = judged.status === 'ok' ? findingsOf(judged.answer) : undefined
  const score = scoreOf(
    { ...paletteValues([first, last]), textContrast: null, ...judgedValues(findings) },
    judged.status !== 'ok'
  )
  return {
    kind: 'video',
    method: methodOf(),
    profile: profileRef(input.profile),
    ...(input.expectLogo === undefined ? {} : { expectLogo: input.expectLogo }),
    score,
    measured: { frames: { first, last } },
    judged: judgedHalf(judged, findings),
    issues: [
      ...paletteIssues(first, colors, 'first'),
      ...paletteIssues(last, colors, 'last'),
      ...judgedIssues(findings),
    ],
    via: clip.via,
    checkedAt: new Date().toISOString(),
  }
}
