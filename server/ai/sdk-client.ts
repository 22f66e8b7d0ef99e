/**
 * @module ai/sdk-client
 * Builds the `@google/genai` client for the configured backend and a Vertex AI location. The SDK
 * is imported here, on the first AI call, never at server start. The client has one addition,
 * `post`, for the one call the SDK has no method for (cancelling a Veo operation).
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

export interface SdkClient extends GoogleGenAI {
  /** POSTs JSON to `path` (after the API version) with the client's credentials and fetch. */
  post(path: string, body: unknown, timeoutMs: number): Promise<void>
}

export async function createSdkClient(
  ai: Config['ai'],
  location: string,
  options: SdkClientOptions = {}
): Promise<SdkClient> {
  const { GoogleGenAI } = await import('@google/genai')
  class StudioClient extends GoogleGenAI implements SdkClient {
    async post(path: string, body: unknown, timeoutMs: number): Promise<void> {
      await this.apiClient.request({
        path,
        httpMethod: 'POST',
        body: JSON.stringify(body),
        httpOptions: { timeout: timeoutMs },
      })
    }
  }
  const httpOptions = {
    ...(ai.baseUrl ? { baseUrl: ai.baseUrl } : {}),
    fetch: upstreamFetch(options.fetch ?? fetch),
  }
  if (ai.backend === 'vertex') {
    return new StudioClient({
      vertexai: true,
      project: ai.project,
      location,
      ...(options.googleAuthOptions ? { googleAuthOptions: options.googleAuthOptions } : {}),
      httpOptions,
    })
  }
  // v1beta carries every feature we use (search grounding, JSON schema, image output).
  return new StudioClient({
    apiKey: ai.apiKey,
    httpOptions: { ...httpOptions, apiVersion: 'v1beta' },
  })
}
