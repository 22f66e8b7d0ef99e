/**
 * Which models the fake service has in service, and its two model lists as Google serves them:
 * the Developer API's `GET /v1beta/models` (`{models: [{name: 'models/ID', baseModelId, version,
 * displayName, …, supportedGenerationMethods, thinking}], nextPageToken}`) and Vertex AI's
 * `GET /v1beta1/publishers/google/models` (`{publisherModels: [{name:
 * 'publishers/google/models/ID', versionId, launchStage, …}], nextPageToken}`), paged with
 * `pageSize` and `pageToken`. A test can take a model out of service while the app runs (its calls
 * become 404 and it leaves both lists), put a new one in, cap the page size so a list spans
 * several pages, and make the list itself fail.
 */
import { type FakeModel, LIVE_MODELS, RETIRED_MODELS, VERTEX_ONLY } from './catalogue'
import { type GoogleError, googleErrorResponse, invalid } from './errors'

export interface ModelService {
  /** The model as the service serves it now (undefined: not in service). */
  serving(id: string): FakeModel | undefined
  /** Takes a model out of service now: calls are 404 and it leaves both lists. */
  retire(id: string): void
  /** Puts a model in service (a successor Google launched). */
  launch(id: string, model: FakeModel): void
  /** The largest page the lists answer (Google coerces larger `pageSize`s to its maximum). */
  capPageSize(size: number | undefined): void
  /** Both lists answer this error until cleared (`undefined`). */
  failLists(error: GoogleError | undefined): void
  reset(): void
}

const DEVELOPER_LIST = /^\/(v1|v1beta)\/models$/
const VERTEX_LIST = /^\/(v1|v1beta1)\/publishers\/google\/models$/

/** Listed models that are not called by this app (the real lists carry many). */
const LISTED_ONLY: Readonly<Record<string, FakeModel>> = {
  'gemini-embedding-001': { family: 'gemini-2.5' },
}
const EMBEDDING_METHODS = [
  'embedContent',
  'countTextTokens',
  'countTokens',
  'asyncBatchEmbedContent',
]
const GENERATE_METHODS = [
  'generateContent',
  'countTokens',
  'createCachedContent',
  'batchGenerateContent',
]

const isRetired = (id: string) =>
  RETIRED_MODELS.some((r) => (typeof r === 'string' ? r === id : r.test(id)))

export function createModelService(): ModelService & {
  /** The answer to a list request, or undefined when the path is not a list. */
  list(method: string, path: string, query: URLSearchParams): Response | undefined
} {
  const retired = new Set<string>()
  const launched = new Map<string, FakeModel>()
  let pageCap: number | undefined
  let listFault: GoogleError | undefined

  const serving = (id: string): FakeModel | undefined =>
    retired.has(id) || isRetired(id) ? undefined : (launched.get(id) ?? LIVE_MODELS[id])

  const inService = () =>
    [...Object.keys(LIVE_MODELS), ...launched.keys()].filter(
      (id, i, all) => all.indexOf(id) === i && serving(id)
    )

  function page<T>(
    items: T[],
    query: URLSearchParams,
    defaultSize: number
  ):
    | GoogleError
    | {
        items: T[]
        next?: string
      } {
    const asked = Number(query.get('pageSize') ?? defaultSize) || defaultSize
    const size = Math.max(1, Math.min(asked, pageCap ?? 1000))
    const token = query.get('pageToken')
    const start = token
      ? Number(Buffer.from(token, 'base64url').toString().replace('offset:', ''))
      : 0
    if (!Number.isInteger(start) || start < 0 || start > items.length) {
      return invalid('Invalid page token.')
    }
    const end = start + size
    return {
      items: items.slice(start, end),
      ...(end < items.length ? { next: Buffer.from(`offset:${end}`).toString('base64url') } : {}),
    }
  }

  function developerList(query: URLSearchParams) {
    // Interactions-only models (Gemini Omni) and Vertex AI's media models are not in this list.
    const ids = [...inService(), ...Object.keys(LISTED_ONLY)].filter((id) => {
      const family = (serving(id) ?? LISTED_ONLY[id])?.family
      return family !== 'omni' && !VERTEX_ONLY.includes(family as never)
    })
    const answer = page(ids, query, 50)
    if ('status' in answer) return googleErrorResponse(answer)
    return Response.json({
      models: answer.items.map((id) =>
        developerModel(id, serving(id) ?? (LISTED_ONLY[id] as FakeModel))
      ),
      ...(answer.next ? { nextPageToken: answer.next } : {}),
    })
  }

  function vertexList(query: URLSearchParams) {
    const answer = page(inService(), query, 100)
    if ('status' in answer) return googleErrorResponse(answer)
    return Response.json({
      publisherModels: answer.items.map((id) => vertexModel(id, serving(id) as FakeModel)),
      ...(answer.next ? { nextPageToken: answer.next } : {}),
    })
  }

  return {
    serving,
    retire: (id) => {
      retired.add(id)
      launched.delete(id)
    },
    launch: (id, model) => {
      retired.delete(id)
      launched.set(id, model)
    },
    capPageSize: (size) => {
      pageCap = size
    },
    failLists: (error) => {
      listFault = error
    },
    reset: () => {
      retired.clear()
      launched.clear()
      pageCap = undefined
      listFault = undefined
    },
    list(method, path, query) {
      if (method !== 'GET') return undefined
      const developer = DEVELOPER_LIST.test(path)
      if (!developer && !VERTEX_LIST.test(path)) return undefined
      if (listFault) return googleErrorResponse(listFault)
      return developer ? developerList(query) : vertexList(query)
    },
  }
}

const displayName = (id: string) =>
  id
    .split('-')
    .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
    .join(' ')

function developerModel(id: string, model: FakeModel) {
  const version = /-(\d{3})$/.exec(id)?.[1] ?? /(\d+\.\d+)/.exec(id)?.[1] ?? '001'
  const text = model.family === 'gemini-3' || model.family === 'gemini-2.5'
  return {
    name: `models/${id}`,
    baseModelId: id,
    version,
    displayName: displayName(id),
    description: `${displayName(id)} (fake Gemini).`,
    inputTokenLimit: text ? 1_048_576 : 131_072,
    outputTokenLimit: text ? 65_536 : 32_768,
    supportedGenerationMethods: id.includes('embedding') ? EMBEDDING_METHODS : GENERATE_METHODS,
    temperature: 1,
    maxTemperature: 2,
    topP: 0.95,
    topK: 64,
    thinking: Boolean(model.levels) || model.family === 'gemini-2.5',
  }
}

function vertexModel(id: string, model: FakeModel) {
  return {
    name: `publishers/google/models/${id}`,
    versionId: /-(\d{3})$/.exec(id)?.[1] ?? '001',
    openSourceCategory: 'PROPRIETARY',
    launchStage: model.stage ?? 'GA',
    versionState: 'VERSION_STATE_STABLE',
  }
}
