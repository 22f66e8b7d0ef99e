/**
 * @module features/system
 * `GET /api/capabilities`: what this deployment can do, so the UI can say what works. Never a
 * secret, only which backends are configured. The models are the ones in use now: the service's
 * own list (read on the first AI request, never by this route) and its 404s decide them, so the
 * answer is computed on each request.
 */
import { Hono } from 'hono'
import type { CircuitStatus } from '../../ai/circuit-breaker'
import type { ModelsReport } from '../../ai/model-resolver'
import { MODEL_ROLES, type ModelIds } from '../../ai/models'
import type { AiGateway } from '../../ai/types'
import type { Config } from '../../config'
import type { AppEnv } from '../../core/context'
import { describe } from '../../core/openapi/route-doc'
import { CUSTOM_SEARCH_ENDS_ON, customSearchAvailable } from '../brand/custom-search'
import { type ImageCapabilities, imageCapabilities } from '../image/capabilities'
import { type VideoCapabilities, videoCapabilities } from '../video/capabilities'

export interface Capabilities {
  ai: 'none' | 'developer' | 'vertex'
  storage: 'local' | 'gcs'
  /** Google Search grounding for research steps (needs AI). */
  webSearch: boolean
  /** Google Custom Search image results for brand assets (only while its variables are set). */
  imageSearch: boolean
  /** The day the Custom Search JSON API ends; brand assets come from the site itself. */
  imageSearchEndsOn: typeof CUSTOM_SEARCH_ENDS_ON
  pageReader: 'direct' | 'jina'
  /** Imagen and Veo need Vertex AI with SDK 3.x; Gemini Omni video runs on both backends. */
  mediaGeneration: { imagen: boolean; veo: boolean; omni: boolean }
  /** The image studio's models and how upscale and background removal run here (null: no AI). */
  image: ImageCapabilities | null
  /** The video models of this backend and what each takes (null: no AI). */
  video: VideoCapabilities | null
  /**
   * Per role: the configured id, the id in use, why they differ (`reason`: retired, not_served,
   * not_found; `substituted`: a candidate stands in), and when the service's list was read.
   */
  models: ModelsReport
  /** The AI service failing right now (open circuits, `ai/circuit-breaker`). */
  aiHealth: AiHealth
  authRequired: boolean
  /** The answers come from the scripted demo model (`bun run dev:demo`), not from Gemini. */
  demo: boolean
  /** The demo's reachable sample website (brand analysis needs a real page), when it has one. */
  demoSite?: string
}

/** Whether the AI service is failing right now: the models whose circuits are open. */
export interface AiHealth {
  failing: boolean
  circuits: CircuitStatus[]
}

export function capabilitiesOf(
  config: Config,
  ai: Pick<AiGateway, 'model' | 'models' | 'circuits'>
): Capabilities {
  const vertex = config.ai.backend === 'vertex'
  const inUse = Object.fromEntries(MODEL_ROLES.map((role) => [role, ai.model(role).id])) as ModelIds
  return {
    ai: config.ai.backend,
    storage: config.storage.bucket ? 'gcs' : 'local',
    webSearch: config.ai.backend !== 'none',
    imageSearch: customSearchAvailable(config, new Date()),
    imageSearchEndsOn: CUSTOM_SEARCH_ENDS_ON,
    pageReader: config.jinaApiKey ? 'jina' : 'direct',
    mediaGeneration: { imagen: vertex, veo: vertex, omni: config.ai.backend !== 'none' },
    image: imageCapabilities(config.ai.backend, inUse),
    video: videoCapabilities(config.ai.backend, inUse),
    models: ai.models(),
    aiHealth: healthOf(ai.circuits()),
    authRequired: config.apiKeys.length > 0,
    demo: Boolean(config.demo),
    ...(config.demo?.sampleSite ? { demoSite: config.demo.sampleSite } : {}),
  }
}

export const systemRoutes = (
  config: Config,
  ai: Pick<AiGateway, 'model' | 'models' | 'circuits'>
) =>
  new Hono<AppEnv>().get(
    '/capabilities',
    describe({
      operationId: 'getCapabilities',
      summary: 'What this deployment can do',
      description:
        'Which backends and models are configured and in use, and whether a key is needed; never a secret.',
      tag: 'System',
      public: true,
      responses: {
        200: {
          description: 'The capabilities',
          schema: async () => (await import('./schema')).CapabilitiesResponse,
        },
      },
      examples: [{ summary: 'This deployment', status: 200 }],
    }),
    (c) => c.json(capabilitiesOf(config, ai))
  )

const healthOf = (circuits: CircuitStatus[]): AiHealth => ({
  failing: circuits.length > 0,
  circuits,
})
