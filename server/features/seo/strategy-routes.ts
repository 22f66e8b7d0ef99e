/**
 * @module seo/strategy-routes
 * Research and strategy steps of the SEO workflow, one entry each: the step's request schema,
 * function and response schema live in `strategy/`, loaded on the step's first request; the
 * entry's last argument documents it (`/api/openapi.json`).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../core/context'
import { once } from '../../core/lazy'
import type { FeatureDeps } from '../context'
import { stepRoutes } from '../step-routes'
import { BRIEF, COMPETITOR, PROFILE, REPORT, SITE, SOLUTION } from './examples'

const intent = once(() => import('./strategy/intent'))
const diagnosis = once(() => import('./strategy/diagnosis'))
const competitors = once(() => import('./strategy/competitors'))
const competitorAnalysis = once(() => import('./strategy/competitor-analysis'))
const solutions = once(() => import('./strategy/solutions'))
const brief = once(() => import('./strategy/brief'))
const newIdea = once(() => import('./strategy/new-idea'))
const agent = once(() => import('./strategy/agent'))

const tag = 'SEO'

export const strategyRoutes = (deps: FeatureDeps) => {
  const { step } = stepRoutes(deps)
  return new Hono<AppEnv>()
    .post(
      '/analyze-intent',
      ...step(intent, 'IntentRequest', 'analyzeIntent', {
        operationId: 'analyzeIntent',
        summary: 'Route what the user typed to a workflow',
        description:
          'SEO for a site, image or video generation, or something else; with the site named, if any.',
        tag,
        response: 'IntentResponse',
        examples: [
          { summary: 'A site to audit', body: { prompt: 'Audit example.com' }, status: 200 },
        ],
      })
    )
    .post(
      '/diagnosis',
      ...step(diagnosis, 'DiagnosisRequest', 'diagnose', {
        operationId: 'seoDiagnosis',
        summary: 'Diagnose the content SEO of a site',
        description:
          'Researched with Google Search: a health score, the core insight and four dimensions, with sources.',
        tag,
        response: 'DiagnosisResponse',
        examples: [
          {
            summary: 'A site with its profile',
            body: { url: SITE, profile: PROFILE, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/competitors',
      ...step(competitors, 'CompetitorsRequest', 'findCompetitors', {
        operationId: 'seoCompetitors',
        summary: 'Find the sites competing for the same searches',
        description: '`502 ai_no_competitors` when none of the proposals is usable.',
        tag,
        response: 'CompetitorsResponse',
        errors: { 502: ['ai_no_competitors'] },
        examples: [
          {
            summary: 'A site',
            body: { url: SITE, profile: PROFILE, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/competitor-analysis',
      ...step(competitorAnalysis, 'CompetitorAnalysisRequest', 'analyzeCompetitors', {
        operationId: 'seoCompetitorAnalysis',
        summary: 'Review the chosen competitors and the landscape',
        description:
          'Each competitor is reviewed with Google Search (up to five, three at a time); those that fail are listed in `failures`.',
        tag,
        response: 'CompetitorAnalysisResponse',
        examples: [
          {
            summary: 'One competitor',
            body: {
              competitors: [COMPETITOR],
              seoReport: REPORT,
              profile: PROFILE,
              uiLanguage: 'en',
            },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/solution-board',
      ...step(solutions, 'SolutionBoardRequest', 'buildSolutionBoard', {
        operationId: 'seoSolutionBoard',
        summary: 'Three content strategies',
        tag,
        response: 'SolutionBoardResponse',
        examples: [
          {
            summary: 'From the diagnosis',
            body: { url: SITE, profile: PROFILE, seoReport: REPORT, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/content-brief',
      ...step(brief, 'ContentBriefRequest', 'writeContentBrief', {
        operationId: 'seoContentBrief',
        summary: 'The content brief for a chosen strategy',
        tag,
        response: 'BriefResponse',
        examples: [
          {
            summary: 'A strategy',
            body: { solution: SOLUTION, url: SITE, profile: PROFILE, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/new-content-idea',
      ...step(newIdea, 'NewContentIdeaRequest', 'proposeNewContentIdea', {
        operationId: 'seoNewContentIdea',
        summary: 'Another brief, different from the previous one',
        tag,
        response: 'BriefResponse',
        examples: [
          {
            summary: 'After a brief',
            body: { profile: PROFILE, previousBrief: BRIEF, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
    .post(
      '/agent-action',
      ...step(agent, 'AgentActionRequest', 'decideAgentAction', {
        operationId: 'seoAgentAction',
        summary: 'What the workflow chat does with a message',
        description:
          'Open an earlier step, re-run one with new directions, or answer the question.',
        tag,
        response: 'AgentActionResponse',
        examples: [
          {
            summary: 'A question',
            body: { userText: 'What does step 3 do?', currentStep: 4, uiLanguage: 'en' },
            status: 200,
          },
        ],
      })
    )
}
