/**
 * @module seo/strategy-routes
 * Research and strategy steps of the SEO workflow (paths and request fields as in the original
 * app). Routes only: each step's prompt, output schema and logic live in `strategy/`, loaded on
 * the step's first request.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import { lazyJsonBody } from '../../core/validate'
import type { AppDeps } from '../../deps'
import type { StepContext } from './strategy/context'

const intent = once(() => import('./strategy/intent'))
const diagnosis = once(() => import('./strategy/diagnosis'))
const competitors = once(() => import('./strategy/competitors'))
const competitorAnalysis = once(() => import('./strategy/competitor-analysis'))
const solutions = once(() => import('./strategy/solutions'))
const brief = once(() => import('./strategy/brief'))
const newIdea = once(() => import('./strategy/new-idea'))
const agent = once(() => import('./strategy/agent'))

export const strategyRoutes = (deps: AppDeps) => {
  const step = (c: Context<AppEnv>): StepContext => ({
    ai: deps.ai,
    log: c.get('log'),
    signal: c.req.raw.signal,
  })
  return new Hono<AppEnv>()
    .post(
      '/analyze-intent',
      lazyJsonBody(async () => (await intent()).IntentRequest),
      async (c) => c.json(await (await intent()).analyzeIntent(step(c), c.req.valid('json')))
    )
    .post(
      '/diagnosis',
      lazyJsonBody(async () => (await diagnosis()).DiagnosisRequest),
      async (c) => c.json(await (await diagnosis()).diagnose(step(c), c.req.valid('json')))
    )
    .post(
      '/competitors',
      lazyJsonBody(async () => (await competitors()).CompetitorsRequest),
      async (c) => c.json(await (await competitors()).findCompetitors(step(c), c.req.valid('json')))
    )
    .post(
      '/competitor-analysis',
      lazyJsonBody(async () => (await competitorAnalysis()).CompetitorAnalysisRequest),
      async (c) =>
        c.json(await (await competitorAnalysis()).analyseCompetitors(step(c), c.req.valid('json')))
    )
    .post(
      '/solution-board',
      lazyJsonBody(async () => (await solutions()).SolutionBoardRequest),
      async (c) =>
        c.json(await (await solutions()).buildSolutionBoard(step(c), c.req.valid('json')))
    )
    .post(
      '/content-brief',
      lazyJsonBody(async () => (await brief()).ContentBriefRequest),
      async (c) => c.json(await (await brief()).writeContentBrief(step(c), c.req.valid('json')))
    )
    .post(
      '/new-content-idea',
      lazyJsonBody(async () => (await newIdea()).NewContentIdeaRequest),
      async (c) =>
        c.json(await (await newIdea()).proposeNewContentIdea(step(c), c.req.valid('json')))
    )
    .post(
      '/agent-action',
      lazyJsonBody(async () => (await agent()).AgentActionRequest),
      async (c) => c.json(await (await agent()).decideAgentAction(step(c), c.req.valid('json')))
    )
}
