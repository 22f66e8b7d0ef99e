/**
 * @module ai/model-list
 * Reads which models the configured backend serves, through the SDK (`models.list()`, every
 * page): the Developer API's `GET /v1beta/models` or Vertex AI's publisher models
 * (`GET /v1beta1/publishers/google/models`). Ids are the names without their collection
 * (`models/…`, `publishers/google/models/…`).
 */
import type { SdkClient } from './sdk-client'

/** A model the list names, with the methods it supports when the list says (Developer API). */
export interface ListedModel {
  id: string
  methods?: readonly string[]
}

export type ModelList = ReadonlyMap<string, ListedModel>

/** Google's maximum page (larger sizes are coerced to it), so a list is one request or a few. */
export const LIST_PAGE_SIZE = 1000
/** A broken page token cannot keep us paging forever. */
export const MAX_LIST_PAGES = 20

export const listedId = (name: string) => name.replace(/^(?:.*\/)?models\//, '')

export async function readModelList(
  sdk: SdkClient,
  options: { timeoutMs: number; signal?: AbortSignal }
): Promise<ModelList> {
  const pager = await sdk.models.list({
    config: {
      pageSize: LIST_PAGE_SIZE,
      httpOptions: { timeout: options.timeoutMs },
      ...(options.signal ? { abortSignal: options.signal } : {}),
    },
  })
  const models = new Map<string, ListedModel>()
  let page = pager.page
  for (let pages = 1; ; pages++) {
    for (const model of page) {
      if (!model.name) continue
      const id = listedId(model.name)
      models.set(id, { id, ...(model.supportedActions ? { methods: model.supportedActions } : {}) })
    }
    if (!pager.hasNextPage() || pages >= MAX_LIST_PAGES) break
    page = await pager.nextPage()
  }
  return models
}
