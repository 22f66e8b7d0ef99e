/**
 * @module ai/response
 * Reads a GenerateContentResponse defensively: blocked or empty answers become clear errors
 * instead of `undefined` deep inside a feature; grounding chunks become `{ title, url }` sources.
 */
import type { GenerateContentResponse } from '@google/genai'
import { AppError, errors } from '../core/errors'
import type { GeneratedImage, Source } from './types'

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

/** Throws when the prompt or the answer was blocked. */
export function assertNotBlocked(response: GenerateContentResponse): void {
  const promptBlock = response.promptFeedback?.blockReason
  if (promptBlock) throw blocked(String(promptBlock))
  const finish = response.candidates?.[0]?.finishReason
  if (finish && BLOCKING_FINISH.has(String(finish))) throw blocked(String(finish))
}

/** Text of the first candidate (thought parts excluded); throws when there is none. */
export function readText(response: GenerateContentResponse): string {
  assertNotBlocked(response)
  const parts = response.candidates?.[0]?.content?.parts ?? []
  const text = parts
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('')
  if (!text.trim()) {
    if (response.candidates?.[0]?.finishReason === 'MAX_TOKENS') {
      throw errors.upstream('ai_incomplete', 'The AI answer was cut off before it said anything.')
    }
    throw errors.upstream('ai_empty', 'The AI service returned an empty answer.')
  }
  return text
}

/** Streamed chunks may carry no text; only a block is an error there. */
export function readChunkText(response: GenerateContentResponse): string {
  assertNotBlocked(response)
  return (response.candidates?.[0]?.content?.parts ?? [])
    .filter((p) => typeof p.text === 'string' && !p.thought)
    .map((p) => p.text)
    .join('')
}

export function readSources(response: GenerateContentResponse): {
  sources: Source[]
  queries: string[]
} {
  const meta = response.candidates?.[0]?.groundingMetadata
  const sources: Source[] = []
  for (const chunk of meta?.groundingChunks ?? []) {
    const uri = chunk.web?.uri
    if (!uri || !/^https?:\/\//i.test(uri)) continue
    sources.push({ title: chunk.web?.title || chunk.web?.domain || uri, url: uri })
  }
  return { sources, queries: meta?.webSearchQueries ?? [] }
}

export function mergeSources(...lists: Source[][]): Source[] {
  const seen = new Set<string>()
  const out: Source[] = []
  for (const s of lists.flat()) {
    if (seen.has(s.url)) continue
    seen.add(s.url)
    out.push(s)
  }
  return out
}

export function readImages(response: GenerateContentResponse): GeneratedImage[] {
  assertNotBlocked(response)
  const images: GeneratedImage[] = []
  for (const part of response.candidates?.[0]?.content?.parts ?? []) {
    const data = part.inlineData?.data
    if (!data || part.thought) continue
    images.push({
      bytes: Uint8Array.from(Buffer.from(data, 'base64')),
      mimeType: part.inlineData?.mimeType ?? 'image/png',
    })
  }
  return images
}
