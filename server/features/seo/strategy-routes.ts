/**
 * @module seo/strategy-routes
 * Research and strategy steps of the SEO workflow (paths and request fields as in the original
 * app). Routes only: each step's prompt, output schema and logic live in `strategy/`.
 */
import type { Context } from 'hono'
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { jsonBody } from '../../core/validate'
import type { AppDeps } from '../../deps'
import { AgentActionRequest, decideAgentAction } from './strategy/agent'
import { ContentBriefRequest, writeContentBrief } from './strategy/brief'
import { analyseCompetitors, CompetitorAnalysisRequest } from './strategy/competitor-analysis'
import { CompetitorsRequest, findCompetitors } from './strategy/competitors'
import type { StepContext } from './strategy/context'
import { DiagnosisRequest, diagnose } from './strategy/diagnosis'
import { analyzeIntent, IntentRequest } from './strategy/intent'
import { NewContentIdeaRequest, proposeNewContentIdea } from './strategy/new-idea'
import { buildSolutionBoard, SolutionBoardRequest } from './strategy/solutions'

export const strategyRoutes = (deps: AppDeps) => {
  const step = (c: Context<AppEnv>): StepContext => ({
    ai: deps.ai,
    log: c.get('log'),
    signal: c.req.raw.signal,
  })
  return new Hono<AppEnv>()
    .post('/analyze-intent', jsonBody(IntentRequest), async (c) =>
      c.json(await analyzeIntent(step(c), c.req.valid('json')))
    )
    .post('/diagnosis', jsonBody(DiagnosisRequest), async (c) =>
      c.json(await diagnose(step(c), c.req.valid('json')))
    )
    .post('/competitors', jsonBody(CompetitorsRequest), async (c) =>
      c.json(await findCompetitors(step(c), c.req.valid('json')))
    )
    .post('/competitor-analysis', jsonBody(CompetitorAnalysisRequest), async (c) =>
      c.json(await analyseCompetitors(step(c), c.req.valid('json')))
    )
    .post('/solution-board', jsonBody(SolutionBoardRequest), async (c) =>
      c.json(await buildSolutionBoard(step(c), c.req.valid('json')))
    )
    .post('/content-brief', jsonBody(ContentBriefRequest), async (c) =>
      c.json(await writeContentBrief(step(c), c.req.valid('json')))
    )
    .post('/new-content-idea', jsonBody(NewContentIdeaRequest), async (c) =>
      c.json(await proposeNewContentIdea(step(c), c.req.valid('json')))
    )
    .post('/agent-action', jsonBody(AgentActionRequest), async (c) =>
      c.json(await decideAgentAction(step(c), c.req.valid('json')))
    )
}
