/**
 * @module api/search-console
 * The site's Search Console data and publishing to WordPress, typed from the server's routes.
 */
import type { InferRequestType, InferResponseType } from 'hono/client'
import { client, request, withSignal } from './client'

const sc = client.api.seo['search-console']
const wp = client.api.seo.wordpress

export type SitesAnswer = InferResponseType<typeof sc.sites.$get, 200>
export type SearchReport = InferResponseType<typeof sc.report.$post, 200>
export type PageHistory = InferResponseType<typeof sc.page.$post, 200>
export type RankedRow = SearchReport['topQueries'][number]
export type WordPressConnection = InferResponseType<(typeof wp.connection)['$get'], 200>
export type ConnectBody = InferRequestType<(typeof wp.connection)['$put']>['json']
export type PublishBody = InferRequestType<typeof wp.publish.$post>['json']
export type PublishedDraft = InferResponseType<typeof wp.publish.$post, 200>

export const searchConsoleApi = {
  sites: (signal?: AbortSignal) => request(sc.sites.$get(undefined, withSignal(signal))),
  report: (projectId: string, property: string, refresh: boolean, signal?: AbortSignal) =>
    request(sc.report.$post({ json: { projectId, property, refresh } }, withSignal(signal))),
  page: (property: string, page: string, signal?: AbortSignal) =>
    request(sc.page.$post({ json: { property, page } }, withSignal(signal))),
}

export const wordPressApi = {
  connection: (signal?: AbortSignal) => request(wp.connection.$get(undefined, withSignal(signal))),
  connect: (body: ConnectBody, signal?: AbortSignal) =>
    request(wp.connection.$put({ json: body }, withSignal(signal))),
  disconnect: async (signal?: AbortSignal) => {
    const response = await wp.connection.$delete(undefined, withSignal(signal))
    if (!response.ok) await request(Promise.resolve(response))
  },
  publish: (body: PublishBody, signal?: AbortSignal) =>
    request(wp.publish.$post({ json: body }, withSignal(signal))),
}
