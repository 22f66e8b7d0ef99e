/**
 * A fake Search Console API v1 on loopback, as strict as the real one, with the token side of
 * Application Default Credentials: an STS endpoint (`/v1/token`) and IAM's `generateAccessToken`
 * for the service account the credentials file impersonates (which is also how the library learns
 * the account's email). Endpoints, as the discovery document names them:
 * - `GET /webmasters/v3/sites` -> `{ siteEntry: [...] }`, or `{}` when the account sees none;
 * - `POST /webmasters/v3/sites/{siteUrl}/searchAnalytics/query` -> `{ rows, responseAggregationType }`
 *   (no `rows` when there are none), grouped, sorted and paged as Google does (`data.ts`); a body
 *   the discovery document does not allow is a 400, a property the account is not a user of a
 *   403 "User does not have sufficient permission for site", a property set to `quota` a 429.
 * Requests without a token the fake issued for a Search Console scope are a 401 or 403.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTokenAuthority } from './fake-gemini/oauth'
import { aggregate, type Fact } from './fake-search-console/data'
import { queryProblem, SCOPES } from './fake-search-console/discovery'

export { type Fact, spread } from './fake-search-console/data'

export const SERVICE_ACCOUNT = 'ais-studio@test-project.iam.gserviceaccount.com'

export interface RecordedQuery {
  property: string
  body: Record<string, unknown>
}

export interface FakeSearchConsole {
  readonly url: string
  readonly tokenUrl: string
  readonly queries: RecordedQuery[]
  /** Makes `property` readable by the service account (`SITE_OWNER` unless said), with data. */
  addProperty(property: string, facts: Fact[], permissionLevel?: string): void
  /** Every query of `property` answers 429 until cleared. */
  setQuotaExceeded(property: string, exceeded: boolean): void
  /** A credentials file (external account, impersonating SERVICE_ACCOUNT) for google-auth-library. */
  credentialsFile(): string
  stop(): void
}

const googleError = (
  code: number,
  status: string,
  message: string,
  headers: Record<string, string> = {}
) => Response.json({ error: { code, message, status } }, { status: code, headers })

export async function startFakeSearchConsole(): Promise<FakeSearchConsole> {
  const sts = createTokenAuthority()
  /** Service-account tokens and their scopes. */
  const tokens = new Map<string, string[]>()
  const properties = new Map<string, { facts: Fact[]; permissionLevel: string }>()
  const quota = new Set<string>()
  const queries: RecordedQuery[] = []

  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    async fetch(request) {
      const url = new URL(request.url)
      if (request.method === 'POST' && url.pathname === '/v1/token') return sts.exchange(request)
      const impersonate = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(
        url.pathname
      )
      if (request.method === 'POST' && impersonate) {
        if (!sts.isIssued(request.headers.get('authorization') ?? undefined))
          return googleError(
            401,
            'UNAUTHENTICATED',
            'Request had invalid authentication credentials.'
          )
        if (decodeURIComponent(impersonate[1] ?? '') !== SERVICE_ACCOUNT)
          return googleError(
            403,
            'PERMISSION_DENIED',
            "Permission 'iam.serviceAccounts.getAccessToken' denied."
          )
        const body = (await request.json()) as { scope?: string[] }
        const token = `ya29.sa-${crypto.randomUUID()}`
        tokens.set(token, body.scope ?? [])
        return Response.json({
          accessToken: token,
          expireTime: new Date(Date.now() + 3_600_000).toISOString(),
        })
      }
      if (!url.pathname.startsWith('/webmasters/v3/'))
        return googleError(404, 'NOT_FOUND', 'Not found.')

      const bearer = request.headers.get('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1]
      const scopes = bearer ? tokens.get(bearer) : undefined
      if (!scopes) {
        return googleError(
          401,
          'UNAUTHENTICATED',
          'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.'
        )
      }
      if (!scopes.some((s) => SCOPES.includes(s)))
        return googleError(
          403,
          'PERMISSION_DENIED',
          'Request had insufficient authentication scopes.'
        )

      if (request.method === 'GET' && url.pathname === '/webmasters/v3/sites') {
        const siteEntry = [...properties].map(([siteUrl, p]) => ({
          siteUrl,
          permissionLevel: p.permissionLevel,
        }))
        // Google leaves empty lists out of its answers.
        return Response.json(siteEntry.length ? { siteEntry } : {})
      }
      const query = /^\/webmasters\/v3\/sites\/([^/]+)\/searchAnalytics\/query$/.exec(url.pathname)
      if (request.method === 'POST' && query) {
        const property = decodeURIComponent(query[1] ?? '')
        let body: unknown
        try {
          body = await request.json()
        } catch {
          return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
        }
        queries.push({ property, body: body as Record<string, unknown> })
        const problem = queryProblem(body)
        if (problem) return googleError(400, 'INVALID_ARGUMENT', problem)
        const site = properties.get(property)
        if (!site || site.permissionLevel === 'SITE_UNVERIFIED_USER') {
          return googleError(
            403,
            'PERMISSION_DENIED',
            `User does not have sufficient permission for site '${property}'. See also: https://support.google.com/webmasters/answer/2451999.`
          )
        }
        if (quota.has(property)) {
          return googleError(
            429,
            'RESOURCE_EXHAUSTED',
            'Search Analytics load quota exceeded for this site. Please try again later.'
          )
        }
        const rows = aggregate(site.facts, body as Parameters<typeof aggregate>[1])
        const aggregation = (body as { dimensions?: string[] }).dimensions?.some(
          (d) => d.toUpperCase() === 'PAGE'
        )
          ? 'byPage'
          : 'byProperty'
        return Response.json(
          rows.length
            ? { rows, responseAggregationType: aggregation }
            : { responseAggregationType: aggregation }
        )
      }
      return googleError(
        404,
        'NOT_FOUND',
        `The requested URL ${url.pathname} was not found on this server.`
      )
    },
  })
  const base = `http://127.0.0.1:${server.port}`
  return {
    url: base,
    tokenUrl: `${base}/v1/token`,
    queries,
    addProperty(property, facts, permissionLevel = 'SITE_OWNER') {
      properties.set(property, { facts, permissionLevel })
    },
    setQuotaExceeded(property, exceeded) {
      if (exceeded) quota.add(property)
      else quota.delete(property)
    },
    credentialsFile() {
      const dir = mkdtempSync(join(tmpdir(), 'ais-sc-adc-'))
      const subject = `subject-${crypto.randomUUID()}`
      writeFileSync(join(dir, 'subject-token'), subject)
      sts.subjectTokens.add(subject)
      const file = join(dir, 'credentials.json')
      writeFileSync(
        file,
        JSON.stringify({
          type: 'external_account',
          audience:
            '//iam.googleapis.com/projects/123456/locations/global/workloadIdentityPools/ais-tests/providers/fake',
          subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
          token_url: `${base}/v1/token`,
          service_account_impersonation_url: `${base}/v1/projects/-/serviceAccounts/${SERVICE_ACCOUNT}:generateAccessToken`,
          credential_source: { file: join(dir, 'subject-token') },
        })
      )
      return file
    },
    stop() {
      server.stop(true)
    },
  }
}
