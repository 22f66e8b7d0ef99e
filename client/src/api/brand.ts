/**
 * @module api/brand
 * `POST /api/analyze`: the brand profile, assets and sources read from a website.
 */
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, request, withSignal } from './client'

export type AnalyzeBody = InferRequestType<typeof client.api.analyze.$post>['json']
export type AnalyzeResult = InferResponseType<typeof client.api.analyze.$post, 200>
export type BrandAssetResult = AnalyzeResult['assets']['logos'][number]

export const analyzeSite = (body: AnalyzeBody, signal?: AbortSignal) =>
  request(client.api.analyze.$post({ json: body }, withSignal(signal)))
