/**
 * @module features/video/job-body
 * The `POST /api/video/jobs` body the composer's state makes: the mode, the prompt, the model
 * role and the settled format, each input only in the mode that takes it, sound only where it
 * can be switched, a negative prompt only where the model takes one, and no length for an edit
 * (it keeps its source's). Pure, so unit-tested.
 */
import type { JobBody, JobImage, VideoMode } from '../../api/video'
import type { ModeOptions, Selection, VideoRole } from './options'

export interface ComposedJob {
  mode: VideoMode
  prompt: string
  role: VideoRole
  options: ModeOptions
  selection: Selection
  negativePrompt: string
  firstFrame?: JobImage
  lastFrame?: JobImage
  referenceImages: JobImage[]
  sourceJobId?: string
}

export function jobBodyOf(job: ComposedJob): JobBody {
  const { mode, options, selection } = job
  const negative = job.negativePrompt.trim()
  const frames = mode === 'image' || mode === 'firstLast'
  return {
    mode,
    prompt: job.prompt.trim(),
    model: job.role,
    aspectRatio: selection.aspectRatio,
    ...(options.fixedDuration === undefined ? { durationSeconds: selection.durationSeconds } : {}),
    resolution: selection.resolution,
    ...(options.audioSwitch ? { audio: selection.audio } : {}),
    ...(options.negativePrompt && negative ? { negativePrompt: negative } : {}),
    ...(frames && job.firstFrame ? { firstFrame: job.firstFrame } : {}),
    ...(mode === 'firstLast' && job.lastFrame ? { lastFrame: job.lastFrame } : {}),
    ...(mode === 'reference'
      ? { referenceImages: job.referenceImages.map((image) => ({ image, type: 'asset' as const })) }
      : {}),
    ...((mode === 'extend' || mode === 'edit') && job.sourceJobId
      ? { sourceJobId: job.sourceJobId }
      : {}),
  }
}
