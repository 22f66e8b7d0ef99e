/**
 * @module video/capabilities
 * Which video models this deployment runs and what each takes, for `GET /api/capabilities`, so
 * the studio offers only what the chosen model supports: per role the model id and API, its modes,
 * ratios, durations, resolutions, sound, negative prompt, reference images and the tighter
 * limits of single modes, straight from the model catalogue. Pure: from the ids in use, no call.
 */
import {
  type ModelApi,
  type ModelIds,
  rulesOf,
  specOf,
  VIDEO_ROLES,
  type VideoRole,
  type VideoSupport,
} from '../../ai/models'
import type { AiBackend } from '../../config'

export type VideoModelInfo = Omit<VideoSupport, 'typicalSeconds'> & {
  role: VideoRole
  id: string
  /** How it is called: a job extends or edits only a video of the same API. */
  api: ModelApi
}

export interface VideoCapabilities {
  /** The role a job without `model` runs on (what `POST /api/video/jobs` picks). */
  defaultModel: VideoRole
  /** The roles whose model makes videos on this backend, default first. */
  models: VideoModelInfo[]
}

/** The role a job without `model` runs on: Veo on Vertex AI, Gemini Omni on the Developer API. */
export const defaultVideoRole = (backend: 'developer' | 'vertex'): VideoRole =>
  backend === 'vertex' ? 'veo' : 'video'

/** Null when no AI backend is configured (every job answers 503). */
export function videoCapabilities(backend: AiBackend, ids: ModelIds): VideoCapabilities | null {
  if (backend === 'none') return null
  const defaultModel = defaultVideoRole(backend)
  const models = VIDEO_ROLES.flatMap((role): VideoModelInfo[] => {
    const id = ids[role]
    const video = specOf(id).video
    if (!video) return []
    if (backend === 'developer' && !rulesOf(id).developerApi) return []
    const { typicalSeconds: _, ...support } = video
    return [{ role, id, api: rulesOf(id).api, ...support }]
  })
  models.sort((a, b) => Number(b.role === defaultModel) - Number(a.role === defaultModel))
  return { defaultModel, models }
}
