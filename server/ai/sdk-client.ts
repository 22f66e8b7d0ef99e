/**
 * @module ai/sdk-client
 * Builds the `@google/genai` client for the configured backend and a Vertex AI location. The SDK
 * is imported here, on the first AI call, never at server start.
 */
import type { GoogleGenAI, GoogleGenAIOptions } from '@google/genai'
import type { Config } from '../config'
import { upstreamFetch } from './upstream-fetch'

export interface SdkClientOptions {
  /** Replaces the network fetch (tests count or fault connections). */
  fetch?: typeof fetch
  /** Vertex credentials; Application Default Credentials (the Cloud Run service account) when absent. */
  googleAuthOptions?: GoogleGenAIOptions['googleAuthOptions']
}

export async function createSdkClient(
  ai: Config['ai'],
  location: string,
  options: SdkClientOptions = {}
): Promise<GoogleGenAI> {
  const { GoogleGenAI } = await import('@google/genai')
  const httpOptions = {
    ...(ai.baseUrl ? { baseUrl: ai.baseUrl } : {}),
    fetch: upstreamFetch(options.fetch ?? fetch),
  }
  if (ai.backend === 'vertex') {
    return new GoogleGenAI({
      vertexai: true,
      project: ai.project,
      location,
      ...(options.googleAuthOptions ? { googleAuthOptions: options.googleAuthOptions } : {}),
      httpOptions,
    })
  }
  // v1beta carries every feature we use (search grounding, JSON schema, image output).
  return new GoogleGenAI({
    apiKey: ai.apiKey,
    httpOptions: { ...httpOptions, apiVersion: 'v1beta' },
  })
}
