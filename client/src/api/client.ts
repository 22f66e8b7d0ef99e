/**
 * @module api/client
 * The typed API client: `hc<AppType>` from `hono/client`, so request and response types come from
 * the server's routes (a type-only import: no server code reaches the bundle). `request()` turns a
 * non-2xx answer into an `ApiError` and supports cancellation through an AbortSignal.
 */
import { hc, type InferResponseType } from 'hono/client'
import type { AppType } from '../../../server/app'
import { authHeaders } from './access-key'
import { ApiError, type ApiResponse, errorFromResponse, isAbort, networkError } from './errors'
import { noteModelsRevision } from './models-revision'
import { noteApiAnswer } from './spend-signal'

export { ApiError, isAbort }

export const client = hc<AppType>('/', { headers: authHeaders })

/** Awaits a call, throws `ApiError` for any failure (an abort is rethrown as is), parses JSON. */
export async function request<R extends ApiResponse>(
  call: Promise<R>
): Promise<Awaited<ReturnType<R['json']>>> {
  let response: R
  try {
    response = await call
  } catch (error) {
    if (isAbort(error)) throw error
    throw networkError(error)
  }
  noteModelsRevision(response.headers)
  noteApiAnswer((response as { url?: string }).url ?? '')
  if (!response.ok) throw await errorFromResponse(response)
  try {
    return (await response.json()) as Awaited<ReturnType<R['json']>>
  } catch (error) {
    if (isAbort(error)) throw error
    throw new ApiError(response.status, 'bad_response', `HTTP ${response.status}`, {
      requestId: response.headers.get('X-Request-Id') ?? undefined,
    })
  }
}

/** The `init` option of a hono client call carrying an AbortSignal. */
export const withSignal = (signal?: AbortSignal) => ({ init: { signal } })

export type Capabilities = InferResponseType<typeof client.api.capabilities.$get>

export const getCapabilities = (signal?: AbortSignal) =>
  request(client.api.capabilities.$get(undefined, withSignal(signal)))

/** The answer of `POST /api/seo/analyze-intent`: which workflow the launch-page input asks for. */
export type IntentAnswer = InferResponseType<(typeof client.api.seo)['analyze-intent']['$post']>
export type Intent = IntentAnswer['intent']

export const analyzeIntent = (prompt: string, signal?: AbortSignal) =>
  request(client.api.seo['analyze-intent'].$post({ json: { prompt } }, withSignal(signal)))
