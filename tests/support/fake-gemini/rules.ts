/**
 * What the real Gemini API refuses, checked before any scripted reply is used: unknown or retired
 * models, a model on a method or Vertex AI location that does not serve it, tool combinations a
 * family rejects, thinking settings it does not take, image options outside the model's set, and
 * replayed Gemini 3 function calls without the thought signature the service issued.
 */
import {
  type FakeModel,
  GENERATE_CONTENT_FAMILIES,
  GLOBAL_ONLY,
  LIVE_MODELS,
  REGIONAL_ONLY,
  RETIRED_MODELS,
  VERTEX_ONLY,
} from './catalogue'
import {
  CORRUPTED_SIGNATURE,
  type GoogleError,
  invalid,
  missingSignature,
  modelNotFound,
  SEARCH_WITH_FUNCTIONS_UNSUPPORTED,
  SEARCH_WITH_JSON_UNSUPPORTED,
  THINKING_BOTH,
  THINKING_LEVEL_UNSUPPORTED,
  thinkingLevelRefused,
} from './errors'
import type { RecordedRequest } from './types'

const isRetired = (id: string) =>
  RETIRED_MODELS.some((r) => (typeof r === 'string' ? r === id : r.test(id)))

const GENERATE_ACTIONS = new Set(['generateContent', 'streamGenerateContent', 'countTokens'])

/** The model a request names, or the refusal the service would send (`serving`: models now in service). */
export function resolveModel(
  req: RecordedRequest,
  serving: (id: string) => FakeModel | undefined = (id) => LIVE_MODELS[id]
): FakeModel | GoogleError {
  const id = req.model ?? ''
  const notFound = () => modelNotFound(id, req)
  const model = serving(id)
  if (!model || isRetired(id)) return notFound()
  if (req.backend === 'developer' && VERTEX_ONLY.includes(model.family)) return notFound()
  if (
    req.action &&
    GENERATE_ACTIONS.has(req.action) &&
    !GENERATE_CONTENT_FAMILIES.includes(model.family)
  ) {
    return notFound()
  }
  if (req.backend === 'vertex' && req.location) {
    if (GLOBAL_ONLY.includes(model.family) && req.location !== 'global') return notFound()
    if (REGIONAL_ONLY.includes(model.family) && req.location === 'global') return notFound()
  }
  return model
}

const tools = (body: any): any[] => (Array.isArray(body?.tools) ? body.tools : [])
const hasSearch = (body: any) =>
  tools(body).some((t) => t?.googleSearch || t?.googleSearchRetrieval)
const hasFunctions = (body: any) => tools(body).some((t) => t?.functionDeclarations?.length)

/** The refusal a `generateContent` body gets from the real service, if any. */
export function checkGenerateBody(
  model: FakeModel,
  body: any,
  issuedSignatures: ReadonlySet<string>,
  backend: 'developer' | 'vertex' = 'developer'
): GoogleError | undefined {
  const config = body?.generationConfig ?? {}
  const json = config.responseMimeType === 'application/json'
  if (model.family === 'gemini-2.5') {
    if (hasSearch(body) && json) return SEARCH_WITH_JSON_UNSUPPORTED
    if (hasSearch(body) && hasFunctions(body)) return SEARCH_WITH_FUNCTIONS_UNSUPPORTED
  }
  const thinking = config.thinkingConfig
  if (thinking?.thinkingLevel !== undefined) {
    if (thinking.thinkingBudget !== undefined) return THINKING_BOTH
    if (!model.levels) return THINKING_LEVEL_UNSUPPORTED
    const level = String(thinking.thinkingLevel).toLowerCase()
    if (!model.levels.includes(level)) return thinkingLevelRefused(level, model.levels, backend)
  }
  const modalities: string[] = config.responseModalities ?? []
  if (modalities.includes('IMAGE') && model.family !== 'image') {
    return invalid('Model does not support the requested response modalities: image')
  }
  if (model.family === 'image') {
    const image = config.imageConfig ?? {}
    if (image.aspectRatio !== undefined && !model.ratios?.includes(image.aspectRatio)) {
      return invalid(
        `Unsupported aspect ratio: ${image.aspectRatio}. Supported values: ${model.ratios?.join(', ')}.`
      )
    }
    if (image.imageSize !== undefined && !model.sizes?.includes(image.imageSize)) {
      return invalid(
        `Unsupported image size: ${image.imageSize}. Supported values: ${model.sizes?.join(', ')}.`
      )
    }
  }
  if (model.family === 'gemini-3') return checkSignatures(body, issuedSignatures)
  // Image models do not require signatures on replayed turns, but refuse ones they never issued.
  if (model.family === 'image') return checkIssued(body, issuedSignatures)
  return undefined
}

/**
 * Gemini 3 validates the function calls of the current turn (model turns after the last user
 * text): the first call of each model step must carry a signature the service issued.
 */
function checkSignatures(body: any, issued: ReadonlySet<string>): GoogleError | undefined {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : []
  const parts = (c: any): any[] => (Array.isArray(c?.parts) ? c.parts : [])
  let start = 0
  contents.forEach((c, i) => {
    if (c?.role === 'user' && parts(c).some((p) => typeof p?.text === 'string')) start = i + 1
  })
  for (let i = start; i < contents.length; i++) {
    const turn = contents[i]
    if (turn?.role !== 'model') continue
    const calls = parts(turn).filter((p) => p?.functionCall)
    const first = calls[0]
    if (!first) continue
    if (!first.thoughtSignature) return missingSignature(first.functionCall.name, i + 1)
    if (!issued.has(first.thoughtSignature)) return CORRUPTED_SIGNATURE
  }
  return checkIssued(body, issued)
}

function checkIssued(body: any, issued: ReadonlySet<string>): GoogleError | undefined {
  const contents: any[] = Array.isArray(body?.contents) ? body.contents : []
  for (const turn of contents) {
    for (const p of Array.isArray(turn?.parts) ? turn.parts : []) {
      if (p?.thoughtSignature && !issued.has(p.thoughtSignature)) return CORRUPTED_SIGNATURE
    }
  }
  return undefined
}
