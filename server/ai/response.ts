/**
 * @module ai/response
 * Reads a GenerateContentResponse defensively: blocked, empty and truncated answers become clear
 * errors instead of `undefined` deep inside a feature; thought parts never reach users; grounding
 * metadata becomes `{ sources, queries, searchEntryPoint }` as Google gives it.
 */
import type { GenerateContentResponse } from '@google/genai'
import { AppError } from '../core/errors'
import { mergeSources } from './grounding'
import type { GeneratedImage, Grounding, Part, Source, Turn } from './types'

const BLOCKING_FINISH = new Set([
  'SAFETY',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
])

export const blocked = (reason: string) =>
  new AppError(502, 'ai_blocked', `The AI service declined to answer (${reason.toLowerCase()}).`, {
    details: { reason },
  })

export const truncated = () =>
  new AppError(
    502,
    'ai_truncated',
    'The AI answer was cut off at its length limit before it was complete.',
    { details: { reason: 'MAX_TOKENS' } }
  )

export const empty = (reason?: string) =>
  new AppError(502, 'ai_empty', 'The AI service returned an empty answer.', {
    ...(reason ? { details: { reason } } : {}),
  })

export const finishReasonOf = (response: GenerateContentResponse): string | undefined => {
  const reason = response.candidates?.[0]?.finishReason
  return reason ? String(reason) : undefined
}

export const isTruncated = (response: GenerateContentResponse) =>
  finishReasonOf(response) === 'MAX_TOKENS'

/** Throws when the prompt or the answer was blocked. */
export function assertNotBlocked(response: GenerateContentResponse): void {
  const promptBlock = response.promptFeedback?.blockReason
  if (promptBlock) throw blocked(String(promptBlock))
  const finish = finishReasonOf(response)
  if (finish && BLOCKING_FINISH.has(finish)) throw blocked(finish)
}

const partsOf = (response: GenerateContentResponse) =>
  response.candidates?.[0]?.content?.parts ?? []

/** The answer's text without thought parts ('' when there is none); throws when blocked. */
export function readChunkText(response: GenerateContentResponse): string {
  assertNotBlocked(response)
  return partsOf(response)
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('')
}

/** Text of the first candidate (thought parts excluded); throws when there is none. */
export function readText(response: GenerateContentResponse): string {
  const text = readChunkText(response)
  if (!text.trim()) {
    if (isTruncated(response)) throw truncated()
    throw empty(finishReasonOf(response))
  }
  return text
}

const hostOf = (uri: string) => {
  try {
    return new URL(uri).hostname
  } catch {
    return undefined
  }
}

export function readGrounding(response: GenerateContentResponse): Grounding {
  const meta = response.candidates?.[0]?.groundingMetadata
  const sources: Source[] = []
  for (const chunk of meta?.groundingChunks ?? []) {
    const uri = chunk.web?.uri
    if (!uri || !/^https?:\/\//i.test(uri)) continue
    const domain = chunk.web?.domain || undefined
    sources.push({
      title: chunk.web?.title || domain || hostOf(uri) || uri,
      url: uri,
      ...(domain ? { domain } : {}),
    })
  }
  const rendered = meta?.searchEntryPoint?.renderedContent
  return {
    sources,
    queries: meta?.webSearchQueries ?? [],
    ...(rendered ? { searchEntryPoint: rendered } : {}),
  }
}

export const NO_GROUNDING: Grounding = Object.freeze({ sources: [], queries: [] }) as Grounding

/** One grounding from several answers (research then structure, continued streams). */
export function mergeGrounding(...all: Grounding[]): Grounding {
  const sources = mergeSources(...all.map((g) => g.sources))
  const queries = [...new Set(all.flatMap((g) => g.queries))]
  const searchEntryPoint = all.map((g) => g.searchEntryPoint).findLast(Boolean)
  return { sources, queries, ...(searchEntryPoint ? { searchEntryPoint } : {}) }
}

export function readImages(response: GenerateContentResponse): GeneratedImage[] {
  assertNotBlocked(response)
  const images: GeneratedImage[] = []
  for (const part of partsOf(response)) {
    const data = part.inlineData?.data
    if (!data || part.thought) continue
    images.push({
      bytes: Uint8Array.from(Buffer.from(data, 'base64')),
      mimeType: part.inlineData?.mimeType ?? 'image/png',
    })
  }
  return images
}

/** The model's turn as it answered (thought parts dropped, signatures kept), to replay later. */
export function modelTurnOf(response: GenerateContentResponse): Turn {
  const parts: Part[] = []
  for (const p of partsOf(response)) {
    if (p.thought) continue
    const signature = p.thoughtSignature ? { thoughtSignature: p.thoughtSignature } : {}
    if (p.functionCall?.name) {
      parts.push({
        functionCall: {
          name: p.functionCall.name,
          args: (p.functionCall.args ?? {}) as Record<string, unknown>,
          ...(p.functionCall.id ? { id: p.functionCall.id } : {}),
        },
        ...signature,
      })
    } else if (p.inlineData?.data && !p.thought) {
      parts.push({
        inlineData: {
          data: p.inlineData.data,
          mimeType: p.inlineData.mimeType ?? 'application/octet-stream',
        },
        ...signature,
      })
    } else if (typeof p.text === 'string' && !p.thought) {
      parts.push({ text: p.text, ...signature })
    }
  }
  return { role: 'model', parts }
}
