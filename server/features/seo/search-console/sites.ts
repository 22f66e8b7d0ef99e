/**
 * @module seo/search-console/sites
 * `search-console/sites`: the properties the server's Google account can read, and that
 * account's email (the user to add to a property in Search Console).
 */
import type { SearchConsoleContext } from './context'

export interface SitesAnswer {
  /** The account to add as a user of a property; null when the credentials do not say. */
  account: string | null
  sites: { siteUrl: string; permissionLevel: string }[]
}

/** Levels that can read search analytics (an unverified user cannot). */
const READABLE = new Set(['SITE_OWNER', 'SITE_FULL_USER', 'SITE_RESTRICTED_USER'])

export async function listSites(ctx: SearchConsoleContext): Promise<SitesAnswer> {
  const client = await ctx.client()
  const [sites, account] = await Promise.all([client.listSites(ctx.signal), client.accountEmail()])
  return {
    account: account ?? null,
    sites: sites
      .filter((s) => READABLE.has(s.permissionLevel))
      .map((s) => ({ siteUrl: s.siteUrl, permissionLevel: s.permissionLevel }))
      .sort((a, b) => a.siteUrl.localeCompare(b.siteUrl)),
  }
}
