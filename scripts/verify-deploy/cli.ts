/**
 * @module scripts/verify-deploy/cli
 * Command line of verify-deploy. Secrets may come from the environment instead of the command
 * line (`VERIFY_API_KEY`, or `VERIFY_API_KEYS` in the app's `API_KEYS` form whose first key is
 * used; `VERIFY_IDENTITY_TOKEN`), so they stay out of process lists and logs.
 */
import { parseArgs } from 'node:util'

export const USAGE = `Usage: bun run verify-deploy <url> [options]

  --api-key KEY          the app's API key; also VERIFY_API_KEY, or VERIFY_API_KEYS holding
                         the app's API_KEYS value (its first key). Sent as X-Api-Key.
  --identity-token TOKEN a Google identity token for a service behind Cloud Run IAM
                         (gcloud auth print-identity-token --audiences=<service url>);
                         also VERIFY_IDENTITY_TOKEN. Sent as Authorization: Bearer.
  --expect k=v[,k=v]     capabilities the deployment must have, e.g. ai=developer,storage=gcs
                         (any dotted field of /api/capabilities: mediaGeneration.veo=true)
  --deep-link PATH       the SPA deep link to try (default /seo/diagnosis)
  --timeout MS           per request (default 15000; a new revision may start cold)
  --json                 print the results as JSON instead of a table

Exits 0 when every check passes, 1 when one fails, 2 on a usage error.`

export interface Expectation {
  key: string
  value: string
}

export interface Options {
  url: string
  apiKey?: string
  identityToken?: string
  expect: Expectation[]
  deepLink: string
  timeoutMs: number
  json: boolean
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export function parseOptions(argv: string[], env: Record<string, string | undefined>): Options {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const { values, positionals } = parsed
  if (positionals.length !== 1) throw new UsageError('give exactly one URL')
  const url = positionals[0]!.replace(/\/+$/, '')
  if (!/^https?:\/\/[^/\s]+$/i.test(url)) {
    throw new UsageError(`not a base URL (scheme://host[:port]): ${url}`)
  }
  const timeoutMs = Number(values.timeout ?? 15_000)
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100) {
    throw new UsageError('--timeout must be a whole number of milliseconds, at least 100')
  }
  const deepLink = values['deep-link'] ?? '/seo/diagnosis'
  if (!deepLink.startsWith('/') || deepLink.startsWith('/api/')) {
    throw new UsageError('--deep-link must be a page path such as /seo/diagnosis')
  }
  return {
    url,
    apiKey: values['api-key'] || env.VERIFY_API_KEY || firstKey(env.VERIFY_API_KEYS),
    identityToken: values['identity-token'] || env.VERIFY_IDENTITY_TOKEN || undefined,
    expect: parseExpect(values.expect ?? []),
    deepLink,
    timeoutMs,
    json: values.json ?? false,
  }
}

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'api-key': { type: 'string' },
      'identity-token': { type: 'string' },
      expect: { type: 'string', multiple: true },
      'deep-link': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    },
  })

/** `ai=developer,storage=gcs` (the flag may also be repeated). */
export function parseExpect(values: string[]): Expectation[] {
  return values
    .flatMap((v) => v.split(','))
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const match = pair.match(/^([\w.]+)=(.+)$/)
      if (!match) throw new UsageError(`--expect takes key=value pairs, got "${pair}"`)
      return { key: match[1]!, value: match[2]! }
    })
}

/** The first key of an `API_KEYS` value (`key` or `workspace:key` entries, comma-separated). */
export function firstKey(apiKeys: string | undefined): string | undefined {
  const entry = apiKeys
    ?.split(',')
    .map((e) => e.trim())
    .find(Boolean)
  if (!entry) return undefined
  const colon = entry.indexOf(':')
  return (colon < 0 ? entry : entry.slice(colon + 1).trim()) || undefined
}
