/**
 * @module safe-fetch
 * Fetching URLs that users (or pages they point to) supply, without server-side request
 * forgery: only public http(s) targets, checked at every hop, bounded in size and time.
 */
export { addressProblem } from './address'
export { acceptsType, baseContentType, readCapped } from './body'
export { FetchFailure, type FetchFailureKind, refusalReason, urlNotAllowed } from './failures'
export { type SafeFetchOptions, type SafeResponse, safeFetch, USER_AGENT } from './fetch'
export {
  createFetchPolicy,
  DEFAULT_PORTS,
  type FetchPolicy,
  type Resolver,
  systemResolver,
} from './policy'
export { FETCH_REASONS, type FetchReasonCode, fetchReason, reasonDetails } from './reasons'
export { type CheckedTarget, checkTarget } from './target'
