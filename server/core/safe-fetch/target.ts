/**
 * @module safe-fetch/target
 * The checks one URL passes before any connection: scheme, credentials, port, host name, and
 * every address the name resolves to. The result names the addresses that were checked, so
 * the connection goes to one of them and DNS cannot answer differently in between.
 */
import ipaddr from 'ipaddr.js'
import { addressProblem } from './address'
import { FetchFailure, fetchCancelled, urlNotAllowed } from './failures'
import { DEFAULT_PORTS, type FetchPolicy } from './policy'
import { fetchReason } from './reasons'

export interface CheckedTarget {
  url: URL
  /** Lower case, without brackets or a trailing dot. */
  hostname: string
  /** True when the URL names an IP address rather than a host name. */
  ipLiteral: boolean
  /** Checked addresses to connect to, IPv4 first. */
  addresses: string[]
}

const MAX_URL = 4096

// Names that reach internal services whatever DNS says (the GCE/Cloud Run metadata server and
// the loopback names); refused before resolution.
const INTERNAL_NAMES = new Set([
  'localhost',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
])

/**
 * Checks `input` against `policy` and resolves its host.
 * @throws {AppError} 400 `url_not_allowed` with the reason; `FetchFailure` when the name does
 * not resolve.
 */
export async function checkTarget(
  input: string | URL,
  policy: FetchPolicy,
  signal?: AbortSignal
): Promise<CheckedTarget> {
  const url = parse(input)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw urlNotAllowed(fetchReason('not_http'))
  }
  if (url.username || url.password) throw urlNotAllowed(fetchReason('has_credentials'))
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
  if (!DEFAULT_PORTS.includes(port) && !policy.allowedPorts.includes(port)) {
    throw urlNotAllowed(fetchReason('port_not_allowed', { port }))
  }

  const hostname = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()
  if (!hostname) throw urlNotAllowed(fetchReason('no_host'))
  if (INTERNAL_NAMES.has(hostname) || hostname.endsWith('.localhost')) {
    throw urlNotAllowed(fetchReason('internal_host'))
  }

  // The URL parser has already turned decimal, hex, octal and short IPv4 forms into a dotted
  // quad, and bracketed IPv6 into its canonical form.
  const ipLiteral = url.hostname.startsWith('[') || ipaddr.IPv4.isValidFourPartDecimal(hostname)
  const addresses = ipLiteral ? [hostname] : await resolveAll(hostname, policy, signal)
  for (const address of addresses) {
    const problem = addressProblem(address)
    if (problem && !policy.allowAddress?.(address, hostname)) {
      const range = { range: problem }
      throw urlNotAllowed(
        fetchReason(ipLiteral ? 'address_not_public' : 'resolves_not_public', range)
      )
    }
  }
  const v4First = [...addresses].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')))
  return { url, hostname, ipLiteral, addresses: v4First }
}

function parse(input: string | URL): URL {
  const text = String(input)
  if (text.length > MAX_URL) throw urlNotAllowed(fetchReason('url_too_long'))
  try {
    return new URL(text)
  } catch {
    throw urlNotAllowed(fetchReason('invalid_url'))
  }
}

async function resolveAll(
  hostname: string,
  policy: FetchPolicy,
  signal?: AbortSignal
): Promise<string[]> {
  let addresses: string[]
  try {
    addresses = await abortable(() => policy.resolve(hostname), signal)
  } catch (error) {
    if (signal?.aborted) throw error
    throw new FetchFailure('unreachable', fetchReason('host_not_found'), error)
  }
  if (addresses.length === 0) {
    throw new FetchFailure('unreachable', fetchReason('host_not_found'))
  }
  return addresses
}

/**
 * Starts `task` unless `signal` has aborted, and stops waiting for it when `signal` aborts (a
 * DNS lookup cannot be cancelled). The task's outcome is always handled: a lookup that fails
 * after its caller left must not become an unhandled rejection, which ends the process.
 */
function abortable<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return task()
  if (signal.aborted) return Promise.reject(signal.reason ?? fetchCancelled())
  const promise = task()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? fetchCancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
