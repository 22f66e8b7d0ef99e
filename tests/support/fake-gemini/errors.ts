/**
 * Google's error answers, with the messages the real service sends, so the code under test meets
 * the same refusals in tests as in production.
 */

export interface GoogleError {
  status: number
  message: string
  googleStatus?: string
}

export const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
}

export const googleErrorResponse = (
  error: GoogleError,
  extra: { details?: unknown[]; headers?: Record<string, string> } = {}
) =>
  Response.json(
    {
      error: {
        code: error.status,
        message: error.message,
        status: error.googleStatus ?? STATUS_NAMES[error.status] ?? 'UNKNOWN',
        ...(extra.details ? { details: extra.details } : {}),
      },
    },
    { status: error.status, headers: extra.headers }
  )

export const modelNotFound = (
  id: string,
  where: {
    backend: 'developer' | 'vertex'
    apiVersion: string
    action?: string
    project?: string
    location?: string
  }
): GoogleError =>
  where.backend === 'developer'
    ? {
        status: 404,
        message: `models/${id} is not found for API version ${where.apiVersion}, or is not supported for ${where.action ?? 'generateContent'}. Call ListModels to see the list of available models and their supported methods.`,
      }
    : {
        status: 404,
        message: `Publisher Model \`projects/${where.project ?? 'PROJECT'}/locations/${where.location ?? 'LOCATION'}/publishers/google/models/${id}\` was not found or your project does not have access to it. Please ensure you are using a valid model version. For more information, see: https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versions`,
      }

export const invalid = (message: string): GoogleError => ({ status: 400, message })

export const SEARCH_WITH_JSON_UNSUPPORTED = invalid(
  "Tool use with a response mime type: 'application/json' is unsupported"
)
export const SEARCH_WITH_FUNCTIONS_UNSUPPORTED = invalid(
  'Tool use with function calling is unsupported'
)
export const THINKING_LEVEL_UNSUPPORTED = invalid('Thinking level is not supported for this model.')
export const THINKING_BOTH = invalid(
  'You can only set only one of thinking budget and thinking level.'
)
/**
 * A thinking level the model does not take, as each backend words it: the Developer API lists
 * the allowed values, Vertex AI names the enum value only.
 */
export const thinkingLevelRefused = (
  level: string,
  allowed: readonly string[],
  backend: 'developer' | 'vertex'
): GoogleError =>
  invalid(
    backend === 'developer'
      ? `'${level}' is not a supported thinking level for this model. Allowed values are: ${allowed.join(', ')}.`
      : `THINKING_LEVEL_${level.toUpperCase()} is unsupported`
  )
export const CORRUPTED_SIGNATURE = invalid('Corrupted thought signature.')

export const missingSignature = (name: string, position: number) =>
  invalid(
    `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`
  )

export const NO_API_KEY: GoogleError = {
  status: 403,
  message:
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
}

export const UNAUTHENTICATED: GoogleError = {
  status: 401,
  message:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
}
