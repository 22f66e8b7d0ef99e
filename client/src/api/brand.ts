/**
 * @module api/brand
 * `POST /api/analyze`: the brand profile, assets and sources read from a website; and
 * `POST /api/brand/check`: how on brand an image is.
 */
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, request, withSignal } from './client'

export type AnalyzeBody = InferRequestType<typeof client.api.analyze.$post>['json']
export type AnalyzeResult = InferResponseType<typeof client.api.analyze.$post, 200>
export type BrandAssetResult = AnalyzeResult['assets']['logos'][number]

export const analyzeSite = (body: AnalyzeBody, signal?: AbortSignal) =>
  request(client.api.analyze.$post({ json: body }, withSignal(signal)))

const check = client.api.brand.check

export type BrandCheckBody = InferRequestType<typeof check.$post>['json']
/** `POST /api/brand/check`: an image's score, its parts and weights, measurements, judgements, issues. */
export type ImageBrandCheck = InferResponseType<typeof check.$post, 200>
export type BrandIssue = ImageBrandCheck['issues'][number]
export type ScorePart = ImageBrandCheck['score']['parts'][number]

export const checkBrand = (body: BrandCheckBody, signal?: AbortSignal) =>
  request(check.$post({ json: body }, withSignal(signal)))
