/**
 * @module ai/gemini/request
 * Shapes a request for the model's family: Gemini 3 gets a thinking level the model takes; no
 * family is sent `temperature`, `topP` or `topK` (deprecated on the Gemini API). Histories become API
 * contents with roles merged so turns alternate, and replayed model parts keep their signatures.
 */
import type { Content, GenerateContentConfig, Part as SdkPart } from '@google/genai'
import { nearestLevel, rulesOf, specOf, THINKING_LEVELS } from '../models'
import type { BaseRequest, Part, Turn } from '../types'

/** System instruction, output limit and thinking as the model's family takes them. */
export function generationConfig(modelId: string, request: BaseRequest): GenerateContentConfig {
  const rules = rulesOf(modelId)
  const config: GenerateContentConfig = {}
  if (request.system) config.systemInstruction = request.system
  if (request.maxOutputTokens) config.maxOutputTokens = request.maxOutputTokens
  if (request.thinking && rules.thinking === 'level') {
    const level = nearestLevel(request.thinking, specOf(modelId).thinkingLevels ?? THINKING_LEVELS)
    if (level) config.thinkingConfig = { thinkingLevel: level.toUpperCase() as never }
  }
  return config
}

/** `generationConfig` plus the Google Search tool when the request is grounded. */
export const textConfig = (
  modelId: string,
  request: BaseRequest & { grounded?: boolean }
): GenerateContentConfig => ({
  ...generationConfig(modelId, request),
  ...(request.grounded ? { tools: [{ googleSearch: {} }] } : {}),
})

const toSdkPart = (part: Part): SdkPart => part as SdkPart

const turnParts = (turn: Turn): SdkPart[] =>
  'parts' in turn ? turn.parts.map(toSdkPart) : turn.text.trim() ? [{ text: turn.text }] : []

/** History plus the user turn, with roles merged so turns alternate as the API expects. */
export function toContents(request: Pick<BaseRequest, 'prompt' | 'history'>): Content[] {
  const turns: Content[] = []
  for (const turn of request.history ?? []) {
    const parts = turnParts(turn)
    if (!parts.length) continue
    const last = turns.at(-1)
    if (last?.role === turn.role) last.parts?.push(...parts)
    else turns.push({ role: turn.role, parts })
  }
  if (turns[0]?.role === 'model')
    turns.unshift({ role: 'user', parts: [{ text: '(conversation start)' }] })
  const parts: SdkPart[] =
    typeof request.prompt === 'string' ? [{ text: request.prompt }] : request.prompt.map(toSdkPart)
  const last = turns.at(-1)
  if (last?.role === 'user') last.parts?.push(...parts)
  else turns.push({ role: 'user', parts })
  return turns
}

export const CONTINUE_PROMPT =
  'Your previous answer was cut off at the length limit. Continue exactly where it stopped: no repetition, no preamble, no summary of what came before.'

/** The contents for a continuation call: the request, the answer so far, and "continue". */
export const continued = (contents: Content[], soFar: string): Content[] => [
  ...contents,
  { role: 'model', parts: [{ text: soFar }] },
  { role: 'user', parts: [{ text: CONTINUE_PROMPT }] },
]

/** How many continuation calls a cut answer gets before it is refused as truncated. */
export const MAX_CONTINUATIONS = 2
