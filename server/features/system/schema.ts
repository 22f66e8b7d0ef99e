/**
 * @module system/schema
 * `GET /api/capabilities` as a schema for the API document. Its objects are loose: the answer
 * grows as the deployment learns to do more (models, budgets, usage), and a client reads the
 * fields it knows. `routes.ts` `Capabilities` is the full type.
 */
import * as v from 'valibot'

const model = v.looseObject({ id: v.string() })

export const CapabilitiesResponse = v.looseObject({
  ai: v.pipe(
    v.picklist(['none', 'developer', 'vertex']),
    v.description('The AI backend: none answers 503 on AI routes.')
  ),
  storage: v.picklist(['local', 'gcs']),
  webSearch: v.pipe(v.boolean(), v.description('Google Search grounding for research steps.')),
  imageSearch: v.boolean(),
  imageSearchEndsOn: v.string(),
  pageReader: v.picklist(['direct', 'jina']),
  mediaGeneration: v.looseObject({ imagen: v.boolean(), veo: v.boolean(), omni: v.boolean() }),
  image: v.pipe(
    v.nullable(
      v.looseObject({
        models: v.record(v.string(), model),
        upscale: v.looseObject({ method: v.string(), model: v.string() }),
        removeBackground: v.looseObject({ method: v.string(), model: v.string() }),
      })
    ),
    v.description("The image studio's models and methods (null: no AI).")
  ),
  video: v.pipe(
    v.nullable(v.looseObject({ defaultModel: v.string(), models: v.array(model) })),
    v.description('The video models of this backend and what each takes (null: no AI).')
  ),
  models: v.pipe(
    v.looseObject({
      list: v.looseObject({
        state: v.picklist(['unread', 'read', 'failed']),
        readAt: v.nullable(v.string()),
      }),
      revision: v.number(),
      roles: v.record(
        v.string(),
        v.looseObject({ configured: v.string(), inUse: v.string(), substituted: v.boolean() })
      ),
    }),
    v.description(
      "Per model role the configured id and the id in use, and why they differ: the service's own model list decides."
    )
  ),
  aiHealth: v.pipe(
    v.looseObject({
      failing: v.boolean(),
      circuits: v.array(
        v.looseObject({
          backend: v.string(),
          model: v.string(),
          state: v.picklist(['open', 'half-open']),
          reason: v.string(),
          openedAt: v.string(),
          retryAfterSeconds: v.number(),
        })
      ),
    }),
    v.description(
      'Whether the AI service is failing right now: the models whose circuit is open (calls to them fail at once, 503 upstream_unavailable or 429 upstream_rate_limited, until `retryAfterSeconds` has passed and a probe succeeds).'
    )
  ),
  authRequired: v.pipe(v.boolean(), v.description('Whether /api needs an API key.')),
  demo: v.boolean(),
  demoSite: v.optional(v.string()),
})
