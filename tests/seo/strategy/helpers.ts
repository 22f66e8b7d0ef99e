/**
 * Shared helpers for the strategy endpoint tests: telling the fake's requests apart (search
 * research, JSON structuring, function calling) and asserting on error envelopes.
 */
import { expect } from 'bun:test'
import { domainOf, type RecordedRequest, type Reply, redirectFor } from '../../support/fake-gemini'

export { systemText } from '../../support/fake-gemini'

/** A call with the Google Search tool. */
export const isResearch = (r: RecordedRequest) =>
  Array.isArray(r.body?.tools) && r.body.tools.some((t: object) => 'googleSearch' in t)

/** A JSON-mode call (it carries a response schema). */
export const isStructured = (r: RecordedRequest) =>
  r.body?.generationConfig?.responseMimeType === 'application/json'

export const isFunctionCall = (r: RecordedRequest) =>
  Array.isArray(r.body?.tools) && r.body.tools.some((t: object) => 'functionDeclarations' in t)

export const research = (text: string, ...urls: string[]): Reply => ({
  text,
  sources: urls.map((url) => ({ url })),
})

/** A grounded JSON answer (Search and the schema in one call), resting on `urls`. */
export const grounded = (json: unknown, ...urls: string[]): Reply => ({
  json,
  sources: urls.map((url) => ({ url })),
  queries: ['search query'],
})

/** How the Developer API reports a source page: Google's redirect link, titled by domain. */
export const reportedSource = (url: string) => ({ title: domainOf(url), url: redirectFor(url) })

export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: { field: string }[] } }
  requestId: string
}

/** A 400 whose field issues name each of `fields`. */
export async function expectInvalid(response: Response, fields: string[]) {
  expect(response.status).toBe(400)
  const body = (await response.json()) as ErrorBody
  expect(body.error.code).toBe('invalid_input')
  const named = (body.error.details?.issues ?? []).map((i) => i.field)
  for (const field of fields) expect(named).toContain(field)
}
