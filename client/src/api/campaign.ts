/**
 * @module api/campaign
 * The campaign endpoints (`/api/campaigns/*`, the contract in server/features/campaigns/routes.ts),
 * typed from the server's routes, and the pack download: `GET /api/campaigns/:id/export` read with
 * the access key and saved as a file, so the UI downloads exactly what the API answers.
 */
import type { InferRequestType } from 'hono/client'
import { authHeaders } from './access-key'
import { client, request, withSignal } from './client'
import { errorFromResponse, networkError } from './errors'

const campaigns = client.api.campaigns

export type PlanBody = InferRequestType<typeof campaigns.plan.$post>['json']
export type PostsBody = InferRequestType<typeof campaigns.posts.$post>['json']
export type KeyVisualBody = InferRequestType<(typeof campaigns)['key-visual']['$post']>['json']
export type RecomposeBody = InferRequestType<typeof campaigns.recompose.$post>['json']

export const campaignApi = {
  plan: (body: PlanBody, signal?: AbortSignal) =>
    request(campaigns.plan.$post({ json: body }, withSignal(signal))),
  posts: (body: PostsBody, signal?: AbortSignal) =>
    request(campaigns.posts.$post({ json: body }, withSignal(signal))),
  keyVisual: (body: KeyVisualBody, signal?: AbortSignal) =>
    request(campaigns['key-visual'].$post({ json: body }, withSignal(signal))),
  recompose: (body: RecomposeBody, signal?: AbortSignal) =>
    request(campaigns.recompose.$post({ json: body }, withSignal(signal))),
}

export const packUrl = (id: string) => `/api/campaigns/${encodeURIComponent(id)}/export`

/** Downloads the campaign pack as `campaign-<id>.zip`. */
export async function downloadPack(id: string, signal?: AbortSignal): Promise<void> {
  let response: Response
  try {
    response = await fetch(packUrl(id), { headers: authHeaders(), signal })
  } catch (error) {
    throw networkError(error)
  }
  if (!response.ok) throw await errorFromResponse(response)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = `campaign-${id}.zip`
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
