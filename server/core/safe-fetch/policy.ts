/**
 * @module safe-fetch/policy
 * What the safe fetcher may reach. The real policy is strict; tests build their own to let
 * their loopback fakes through (an `allowAddress` exception and a `resolve` that maps test
 * names), while the classification rules themselves stay the same.
 */
import { lookup } from 'node:dns/promises'

/** Resolves a host name to every address it has (v4 and v6). */
export type Resolver = (hostname: string) => Promise<string[]>

export interface FetchPolicy {
  /** Ports allowed besides 80 and 443. */
  readonly allowedPorts: readonly number[]
  readonly resolve: Resolver
  /**
   * Exceptions to the address rules, for tests only: return true to let this address (reached
   * through this host name) through although it is loopback/private. Undefined in production.
   */
  readonly allowAddress?: (address: string, hostname: string) => boolean
  /** Extra trusted CA certificates in PEM (tests with their own TLS site). */
  readonly ca?: string
}

export const DEFAULT_PORTS: readonly number[] = [80, 443]

/** Every address of a name, as the system resolver sees it (hosts file included). */
export const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true })
  return answers.map((a) => a.address)
}

/** The production policy: default ports plus FETCH_ALLOWED_PORTS, system DNS, no exceptions. */
export function createFetchPolicy(config: { fetchAllowedPorts: readonly number[] }): FetchPolicy {
  return { allowedPorts: config.fetchAllowedPorts, resolve: systemResolver }
}
