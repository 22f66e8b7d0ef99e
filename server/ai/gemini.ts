/**
 * @module ai/gemini
 * The gateway on `@google/genai`: every call gets the configured model, a deadline, bounded
 * retries and mapped errors; JSON answers and function arguments are validated with the same
 * valibot schema that was sent, re-asked once, then refused with a 502.
 */
import type {
  Content,
  GenerateContentConfig,
  GenerateContentResponse,
  GoogleGenAI,
} from '@google/genai'
import * as v from 'valibot'
import type { Config } from '../config'
import { AppError, errors } from '../core/errors'
import type { Logger } from '../core/logger'
import { toAiError } from './errors'
import { jsonSchemaOf } from './json-schema'
import {
  assertNotBlocked,
  mergeSources,
  readChunkText,
  readImages,
  readSources,
  readText,
} from './response'
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry'
import { createSdkClient, type SdkClientOptions } from './sdk-client'
import type {
  AiGateway,
  BaseRequest,
  FunctionCallResult,
  FunctionRequest,
  ImageRequest,
  JsonRequest,
  Source,
  StreamEvent,
  TextRequest,
} from './types'

export interface GeminiGatewayOptions {
  ai: Config['ai']
  log: Logger
  sdk?: SdkClientOptions
  retry?: Partial<RetryPolicy>
}

const cancelled = () => new AppError(400, 'cancelled', 'The request was cancelled.')

export function createGeminiGateway(options: GeminiGatewayOptions): AiGateway {
  const { ai, log } = options
  const retry: RetryPolicy = { ...DEFAULT_RETRY, retries: ai.maxRetries, ...options.retry }
  let clientPromise: Promise<GoogleGenAI> | undefined
  const client = () => {
    clientPromise ??= createSdkClient(ai, options.sdk).catch((error) => {
      clientPromise = undefined
      throw error
    })
    return clientPromise
  }

  /** One generateContent call with deadline, retries and error mapping. */
  async function generate(
    modelId: string,
    contents: Content[],
    config: GenerateContentConfig,
    request: { signal?: AbortSignal; timeoutMs?: number }
  ): Promise<GenerateContentResponse> {
    const timer = AbortSignal.timeout(request.timeoutMs ?? ai.timeoutMs)
    const signal = request.signal ? AbortSignal.any([request.signal, timer]) : timer
    const started = performance.now()
    try {
      const sdk = await client()
      const response = await withRetry(
        () =>
          sdk.models.generateContent({
            model: modelId,
            contents,
            config: { ...config, abortSignal: signal },
          }),
        retry,
        signal
      )
      log.debug('gemini call', {
        model: modelId,
        ms: Math.round(performance.now() - started),
        tokens: response.usageMetadata?.totalTokenCount,
      })
      return response
    } catch (error) {
      if (timer.aborted) throw errors.timeout('The AI service', error)
      if (request.signal?.aborted) throw cancelled()
      throw toAiError(error)
    }
  }

  const modelOf = (request: BaseRequest) => ai.models[request.model ?? 'text']

  const baseConfig = (request: BaseRequest): GenerateContentConfig => ({
    ...(request.system ? { systemInstruction: request.system } : {}),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxOutputTokens ? { maxOutputTokens: request.maxOutputTokens } : {}),
  })

  async function text(request: TextRequest) {
    const response = await generate(
      modelOf(request),
      toContents(request),
      { ...baseConfig(request), ...(request.grounded ? { tools: [{ googleSearch: {} }] } : {}) },
      request
    )
    const { sources, queries } = readSources(response)
    return { text: readText(response), sources, searchQueries: queries }
  }

  async function json<S extends v.GenericSchema>(request: JsonRequest<S>) {
    let sources: Source[] = []
    let prompt = request.prompt
    if (request.grounded) {
      const research = await text({
        ...request,
        prompt: researchPrompt(request.prompt),
        grounded: true,
      })
      sources = research.sources
      prompt = withFindings(request.prompt, research.text)
    }
    const config: GenerateContentConfig = {
      ...baseConfig(request),
      responseMimeType: 'application/json',
      responseJsonSchema: jsonSchemaOf(request.schema),
    }
    for (let attempt = 1; attempt <= 2; attempt++) {
      const response = await generate(
        modelOf(request),
        toContents({ ...request, prompt }),
        config,
        request
      )
      const raw = readText(response)
      const parsed = parseJson(raw)
      const result = parsed.ok ? v.safeParse(request.schema, parsed.value) : undefined
      if (result?.success) return { data: result.output as v.InferOutput<S>, sources }
      log.warn('gemini answered JSON that does not match the schema', {
        attempt,
        model: modelOf(request),
        problem: result
          ? result.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '.'}: ${i.message}`)
          : 'not JSON',
      })
    }
    throw errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
  }

  async function callFunction(request: FunctionRequest): Promise<FunctionCallResult> {
    const config: GenerateContentConfig = {
      ...baseConfig(request),
      tools: [
        {
          functionDeclarations: request.functions.map((f) => ({
            name: f.name,
            description: f.description,
            parametersJsonSchema: jsonSchemaOf(f.parameters),
          })),
        },
      ],
      toolConfig: {
        functionCallingConfig: { mode: request.mode === 'any' ? 'ANY' : 'AUTO' } as never,
      },
    }
    for (let attempt = 1; attempt <= 2; attempt++) {
      const response = await generate(modelOf(request), toContents(request), config, request)
      assertNotBlocked(response)
      const call = response.functionCalls?.find((c) =>
        request.functions.some((f) => f.name === c.name)
      )
      if (call) {
        const spec = request.functions.find((f) => f.name === call.name)
        const result = spec && v.safeParse(spec.parameters, call.args ?? {})
        if (result?.success) {
          return {
            call: { name: call.name as string, args: result.output as Record<string, unknown> },
            text: '',
          }
        }
        log.warn('gemini called a function with invalid arguments', { attempt, name: call.name })
        continue
      }
      if (!response.candidates?.[0]?.content?.parts?.length) {
        throw errors.upstream('ai_empty', 'The AI service returned an empty answer.')
      }
      if (request.mode === 'any') {
        log.warn('gemini answered without the required function call', { attempt })
        continue
      }
      return { text: readText(response) }
    }
    throw errors.upstream('ai_invalid_output', 'The AI service answered in an unexpected format.')
  }

  async function* stream(request: TextRequest): AsyncGenerator<StreamEvent> {
    // The deadline is an idle timeout here: it restarts with every chunk, so long answers finish.
    const idleMs = request.timeoutMs ?? ai.timeoutMs
    const idle = new AbortController()
    let timer = setTimeout(() => idle.abort(new DOMException('idle', 'TimeoutError')), idleMs)
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal
    const fail = (error: unknown) => {
      if (idle.signal.aborted) return errors.timeout('The AI service', error)
      if (request.signal?.aborted) return cancelled()
      return toAiError(error)
    }
    let sources: Source[] = []
    let wrote = false
    try {
      const sdk = await client()
      const chunks = await withRetry(
        () =>
          sdk.models.generateContentStream({
            model: modelOf(request),
            contents: toContents(request),
            config: {
              ...baseConfig(request),
              ...(request.grounded ? { tools: [{ googleSearch: {} }] } : {}),
              abortSignal: signal,
            },
          }),
        retry,
        signal
      )
      for await (const chunk of chunks) {
        clearTimeout(timer)
        timer = setTimeout(() => idle.abort(new DOMException('idle', 'TimeoutError')), idleMs)
        const delta = readChunkText(chunk)
        if (delta) {
          wrote = true
          yield { type: 'delta', text: delta }
        }
        sources = mergeSources(sources, readSources(chunk).sources)
      }
    } catch (error) {
      throw fail(error)
    } finally {
      clearTimeout(timer)
    }
    if (!wrote) throw errors.upstream('ai_empty', 'The AI service returned an empty answer.')
    if (sources.length) yield { type: 'sources', sources }
  }

  async function image(request: ImageRequest) {
    const parts = [
      ...(request.images ?? []).map((img) => ({
        inlineData: { data: img.data, mimeType: img.mimeType },
      })),
      { text: request.prompt },
    ]
    const response = await generate(
      ai.models[request.model ?? 'image'],
      [{ role: 'user', parts }],
      {
        responseModalities: ['TEXT', 'IMAGE'],
        ...(request.aspectRatio ? { imageConfig: { aspectRatio: request.aspectRatio } } : {}),
      },
      request
    )
    const images = readImages(response)
    if (images.length === 0)
      throw errors.upstream('ai_no_image', 'The AI service returned no image.')
    const textParts = response.candidates?.[0]?.content?.parts ?? []
    return { images, text: textParts.map((p) => p.text ?? '').join('') }
  }

  return { backend: ai.backend, text, stream, json, callFunction, image }
}

/** History plus the user turn, with roles merged so turns alternate as the API expects. */
export function toContents(request: Pick<BaseRequest, 'prompt' | 'history'>): Content[] {
  const turns: Content[] = []
  for (const turn of request.history ?? []) {
    if (!turn.text.trim()) continue
    const last = turns.at(-1)
    if (last?.role === turn.role) last.parts?.push({ text: turn.text })
    else turns.push({ role: turn.role, parts: [{ text: turn.text }] })
  }
  if (turns[0]?.role === 'model')
    turns.unshift({ role: 'user', parts: [{ text: '(conversation start)' }] })
  const parts =
    typeof request.prompt === 'string' ? [{ text: request.prompt }] : [...request.prompt]
  const last = turns.at(-1)
  if (last?.role === 'user') last.parts?.push(...parts)
  else turns.push({ role: 'user', parts })
  return turns
}

function researchPrompt(prompt: BaseRequest['prompt']): BaseRequest['prompt'] {
  const lead =
    'Research the task below with Google Search. Report the facts you find (names, figures, dates, URLs) as concise notes; do not write the final answer yet.\n\n'
  return typeof prompt === 'string' ? lead + prompt : [{ text: lead }, ...prompt]
}

function withFindings(prompt: BaseRequest['prompt'], findings: string): BaseRequest['prompt'] {
  const notes = `\n\nResearch notes from Google Search (use them as evidence):\n<research>\n${findings}\n</research>`
  return typeof prompt === 'string' ? prompt + notes : [...prompt, { text: notes }]
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    // Some models wrap JSON in a fence despite JSON mode.
    const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/)?.[1]
    if (!fenced) return { ok: false }
    try {
      return { ok: true, value: JSON.parse(fenced) }
    } catch {
      return { ok: false }
    }
  }
}
