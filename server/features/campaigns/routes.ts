/**
 * @module campaigns/routes
 * `/api/campaigns`: a campaign pack from an article, a brief or a prompt. The steps (JSON):
 * `plan` (message, audience, call to action and headlines per market), `posts` (every network
 * and language, checked against the network's limits), `key-visual` and `recompose` (the key
 * visual, then each size re-composed by the image model). The campaign itself is saved work
 * (`/api/library/campaigns/:id`, ETag contract); `GET /:id/export` turns the saved campaign
 * into one ZIP. A campaign's video is a video job (`POST /api/video/jobs`, the key visual as
 * first frame) whose id the campaign keeps. Each module loads on its route's first request.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { errors } from '../../core/errors'
import { once } from '../../core/lazy'
import { describe } from '../../core/openapi/route-doc'
import type { FeatureDeps } from '../context'
import { DOCUMENT_ID } from '../library/kinds'
import { stepRoutes } from '../step-routes'

const plan = once(() => import('./plan'))
const posts = once(() => import('./posts'))
const visuals = once(() => import('./visuals'))
const exporting = once(() => import('./export/export'))

const tag = 'Campaigns'
const SOURCE = {
  kind: 'prompt',
  prompt: 'Our new pour-over guide: brew better coffee at home',
  url: 'https://www.example.com/pour-over',
}
const PLAN = {
  message: 'Great pour-over coffee at home is a matter of a few habits.',
  audience: 'Home coffee lovers who want café results.',
  cta: 'Read the guide',
  headlines: ['Brew café coffee at home', 'Why does your pour-over taste flat?'],
}

function campaignIdOf(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? ''
  if (!DOCUMENT_ID.test(id)) throw errors.notFound('The campaign')
  return id
}

export const campaignRoutes = (deps: FeatureDeps) => {
  const { step } = stepRoutes(deps)
  return new Hono<AppEnv>()
    .post(
      '/plan',
      ...step(plan, 'PlanRequest', 'planCampaign', {
        operationId: 'planCampaign',
        summary: 'Message, audience, call to action and two headlines per market',
        description:
          'One prompt per language: the Chinese plan is written for its market, not translated.',
        tag,
        response: 'PlanResponse',
        examples: [
          {
            summary: 'From a prompt, both markets',
            body: { source: SOURCE, languages: ['en', 'zh-CN'], uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/posts',
      ...step(posts, 'PostsRequest', 'writePosts', {
        operationId: 'writeCampaignPosts',
        summary: 'Posts for each network and language, checked against the networks’ limits',
        description:
          'Every variant is counted the way its network counts (X: twitter-text weighting, URLs 23). A post over a limit is asked for once more with the overage; one still over is answered with `check.valid: false` and the issues, never shortened. `only` regenerates some cells.',
        tag,
        response: 'PostsResponse',
        examples: [
          {
            summary: 'LinkedIn and X in English',
            body: {
              source: SOURCE,
              languages: ['en'],
              networks: ['linkedin', 'x'],
              plans: { en: PLAN },
              link: 'https://www.example.com/pour-over',
            },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/key-visual',
      ...step(visuals, 'KeyVisualRequest', 'makeKeyVisual', {
        operationId: 'makeCampaignKeyVisual',
        summary: 'The key visual, made with the brand kit (no text in it)',
        tag,
        response: 'KeyVisualResponse',
        errors: { 400: ['invalid_model'] },
        examples: [
          { summary: 'From the plan', body: { source: SOURCE, plans: { en: PLAN } }, status: 200 },
        ],
      })
    )
    .post(
      '/recompose',
      ...step(visuals, 'RecomposeRequest', 'recompose', {
        operationId: 'recomposeCampaignVisuals',
        summary: 'Each size re-composed from the key visual, with its layers',
        description:
          'The image model is asked for each ratio with the key visual as the reference image (1.91:1 as 16:9, its nearest Gemini ratio, then extended by mirroring its edges to 1200×628). Answers PNGs at the export sizes (1080×1080, 1080×1350, 1080×1920, 1200×628) with the default headline, call-to-action and logo layers.',
        tag,
        response: 'RecomposeResponse',
        errors: { 404: ['not_found'], 415: ['unsupported_image_type'] },
        examples: [
          {
            summary: 'A key visual that is not stored',
            body: {
              source: SOURCE,
              keyVisual: `${'0'.repeat(64)}.png`,
              prompt: 'A pour-over coffee set in morning light',
              formats: ['1:1', '1.91:1'],
            },
            status: 404,
          },
        ],
      })
    )
    .get(
      '/:id/export',
      describe({
        operationId: 'downloadCampaignPack',
        summary: 'The saved campaign as one ZIP',
        description:
          'Every visual per size and language (PNG, layers rendered in the bundled Noto Sans SC), every post per network and language (Markdown) and `posts/posts.csv` for schedulers, the layered source (`campaign.json`, `source/*.png`), the finished video when there is one, and `manifest.json`.',
        tag,
        params: { id: async () => (await import('../library/schemas')).DocumentId },
        responses: {
          200: {
            description: 'The campaign pack',
            contentType: 'application/zip',
            headers: ['Content-Disposition'],
          },
        },
        errors: { 502: ['library_unreadable'] },
        examples: [{ summary: 'A campaign never saved', params: { id: 'missing' }, status: 404 }],
      }),
      async (c) => {
        const id = campaignIdOf(c)
        const pack = await (await exporting()).exportCampaign(
          {
            store: deps.store,
            workspace: c.get('workspace'),
            log: c.get('log'),
            clock: deps.clock,
          },
          id
        )
        return c.body(pack as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/zip',
          'Content-Disposition': `attachment; filename="campaign-${id}.zip"`,
          'Cache-Control': 'no-store',
        })
      }
    )
}
