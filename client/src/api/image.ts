/**
 * @module api/image
 * The image studio's endpoints (`/api/image/*`, the contract in server/features/image/routes.ts),
 * typed from the server's routes: each body is the route's valibot input, each answer its JSON.
 * Results carry media refs (`{ id, url, mimeType, width, height }`), never base64.
 */
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, request, withSignal } from './client'

const image = client.api.image

type Route = { $post: (...args: never[]) => unknown }
type BodyOf<R extends Route> = InferRequestType<R['$post']> extends { json: infer J } ? J : never
type AnswerOf<R extends Route> = InferResponseType<R['$post'], 200>

export type GenerateBody = BodyOf<typeof image.generate>
export type GenerateResult = AnswerOf<typeof image.generate>
export type DirectorBody = BodyOf<(typeof image)['creative-director']>
export type DirectorDecision = AnswerOf<(typeof image)['creative-director']>
export type EnhanceBody = BodyOf<(typeof image)['enhance-prompt']>
export type EnhanceResult = AnswerOf<(typeof image)['enhance-prompt']>
export type DesignPlanBody = BodyOf<(typeof image)['design-plan']>
export type DesignPlanResult = AnswerOf<(typeof image)['design-plan']>
export type ReferenceResult = AnswerOf<(typeof image)['reference-image']>
export type UpscaleBody = BodyOf<typeof image.upscale>
export type UpscaleResult = AnswerOf<typeof image.upscale>
export type RemoveBackgroundResult = AnswerOf<(typeof image)['remove-background']>
export type InspirationResult = AnswerOf<typeof image.inspiration>

export type MediaRef = GenerateResult['image']
export type PromptOption = EnhanceResult['options'][number]
export type DesignPlan = DesignPlanResult['plans'][number]
export type ModelLevel = NonNullable<GenerateBody['model']>
export type ImageInputBody = NonNullable<GenerateBody['images']>[number]
export type BrandBody = NonNullable<GenerateBody['brand']>

export const imageApi = {
  generate: (body: GenerateBody, signal?: AbortSignal) =>
    request(image.generate.$post({ json: body }, withSignal(signal))),
  direct: (body: DirectorBody, signal?: AbortSignal) =>
    request(image['creative-director'].$post({ json: body }, withSignal(signal))),
  enhance: (body: EnhanceBody, signal?: AbortSignal) =>
    request(image['enhance-prompt'].$post({ json: body }, withSignal(signal))),
  designPlan: (body: DesignPlanBody, signal?: AbortSignal) =>
    request(image['design-plan'].$post({ json: body }, withSignal(signal))),
  referenceImage: (prompt: string, model: ModelLevel, signal?: AbortSignal) =>
    request(image['reference-image'].$post({ json: { prompt, model } }, withSignal(signal))),
  upscale: (mediaId: string, factor: number, signal?: AbortSignal) =>
    request(image.upscale.$post({ json: { image: { mediaId }, factor } }, withSignal(signal))),
  removeBackground: (mediaId: string, signal?: AbortSignal) =>
    request(image['remove-background'].$post({ json: { image: { mediaId } } }, withSignal(signal))),
  summarize: (prompt: string, signal?: AbortSignal) =>
    request(image['summarize-prompt'].$post({ json: { prompt } }, withSignal(signal))),
  inspiration: (prompt: string, aspectRatio: string, signal?: AbortSignal) =>
    request(image.inspiration.$post({ json: { prompt, aspectRatio } }, withSignal(signal))),
}
