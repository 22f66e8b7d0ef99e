/**
 * @module seo/strategy-routes
 * Research and strategy steps of the SEO workflow, one line each: the step's request schema and
 * function live in `strategy/`, loaded on the step's first request.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'

const intent = once(() => import('./strategy/intent'))
const diagnosis = once(() => import('./strategy/diagnosis'))
const competitors = once(() => import('./strategy/competitors'))
const competitorAnalysis = once(() => import('./strategy/competitor-analysis'))
const solutions = once(() => import('./strategy/solutions'))
const brief = once(() => import('./strategy/brief'))
const newIdea = once(() => import('./strategy/new-idea'))
const agent = once(() => import('./strategy/agent'))

export const strategyRoutes = (deps: FeatureDeps) => {
  const { step } = stepRoutes(deps)
  return new Hono<AppEnv>()
    .post('/analyze-intent', ...step(intent, 'IntentRequest', 'analyzeIntent'))
    .post('/diagnosis', ...step(diagnosis, 'DiagnosisRequest', 'diagnose'))
    .post('/competitors', ...step(competitors, 'CompetitorsRequest', 'findCompetitors'))
    .post(
      '/competitor-analysis',
      ...step(competitorAnalysis, 'CompetitorAnalysisRequest', 'analyzeCompetitors')
    )
    .post('/solution-board', ...step(solutions, 'SolutionBoardRequest', 'buildSolutionBoard'))
    .post('/content-brief', ...step(brief, 'ContentBriefRequest', 'writeContentBrief'))
    .post('/new-content-idea', ...step(newIdea, 'NewContentIdeaRequest', 'proposeNewContentIdea'))
    .post('/agent-action', ...step(agent, 'AgentActionRequest', 'decideAgentAction'))
}
