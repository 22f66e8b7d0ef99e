/**
 * The typed API survives the route table: request and response types of `hono/client` come from
 * each step's schema and function. `bun run typecheck` fails if they degrade to `any`/`unknown`
 * (the `@ts-expect-error` lines would then be unused).
 */
import { expect, test } from 'bun:test'
import { hc, type InferRequestType, type InferResponseType } from 'hono/client'
import type { AppType } from '../../server/app'

const client = hc<AppType>('http://studio.test')

type DiagnosisIn = InferRequestType<typeof client.api.seo.diagnosis.$post>['json']
type DiagnosisOut = InferResponseType<typeof client.api.seo.diagnosis.$post, 200>
type ResearchOut = InferResponseType<(typeof client.api.seo)['web-research']['$post'], 200>
type IntentOut = InferResponseType<(typeof client.api.seo)['analyze-intent']['$post'], 200>

test('request and response types flow from the step modules', () => {
  const request: DiagnosisIn = { url: 'example.com' }
  // @ts-expect-error the url is required
  const missing: DiagnosisIn = {}
  const score = (out: DiagnosisOut): number => out.contentSeoHealthScore
  const entryPoints = (out: DiagnosisOut): string[] => out.searchEntryPoints
  // @ts-expect-error the score is a number, not a string
  const wrong = (out: DiagnosisOut): string => out.contentSeoHealthScore
  const summary = (out: ResearchOut): string => out.summary
  const intent = (out: IntentOut): 'SEO' | 'IMAGE_GENERATION' | 'VIDEO_GENERATION' | 'OTHER' =>
    out.intent
  expect([request, missing, score, entryPoints, wrong, summary, intent].length).toBe(7)
})
