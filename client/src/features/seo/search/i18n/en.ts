/**
 * @module features/seo/search/i18n/en
 * Search Console and WordPress messages in English; the type makes a missing key an error.
 */
import type { zhCN } from './zh-CN'

export const en: Record<keyof typeof zhCN, string> = {
  'sc.title': 'Real search data · Google Search Console',
  'sc.lead':
    'Beside the model’s view, what Google actually shows of your site. Add the server’s account as a user of the property in Search Console, then choose the property here.',
  'sc.property': 'Search Console property',
  'sc.propertyHint': 'e.g. sc-domain:example.com or https://www.example.com/',
  'sc.load': 'List the properties the server can read',
  'sc.account': 'Server account: {account}',
  'sc.noSites':
    'The server’s account cannot read any property yet. Add it in Search Console under Settings → Users and permissions.',
  'sc.connect': 'Use this property',
  'sc.change': 'Change property',
  'sc.refresh': 'Read again',
  'sc.busy': 'Reading Search Console…',
  'sc.source':
    'Source: Google Search Console, {property}, {start} to {end} (compared with the 28 days before)',
  'sc.cached': 'read earlier today, from the cache',
  'sc.capped': 'Some tables were read up to their first {cap} rows only.',
  'sc.empty': 'No search data for this property in these 28 days.',
  'sc.clicks': 'Clicks',
  'sc.impressions': 'Impressions',
  'sc.ctr': 'CTR',
  'sc.position': 'Avg. position',
  'sc.date': 'Date',
  'sc.delta': 'Change',
  'sc.previous': '28 days before: {value}',
  'sc.topQueries': 'Top queries',
  'sc.topPages': 'Top pages',
  'sc.query': 'Query',
  'sc.page': 'Page',
  'sc.spark': 'Clicks per day over the last {days} days: from {first} to {last}, {total} in all.',
  'sc.compare': 'The model’s keywords against your real rankings',
  'sc.ranks': 'position {position}',
  'sc.notRanking': 'not among your top queries',
  'sc.forbidden':
    'Search Console does not let {email} read {property}. Add {email} as a user of the property (Settings → Users and permissions), then try again.',
  'sc.forbiddenUnknown':
    'Search Console does not let the server’s account read {property}. Add the service account the server runs as to the property’s users, then try again.',
  'sc.quota': 'Search Console’s quota for this property is used up for now; try again later.',
  'sc.noCredentials': 'The server has no Google credentials for Search Console.',
  'sc.insights': 'What your search data says',
  'sc.quickWins': 'Quick wins',
  'sc.quickWinsHint': 'Positions 4–20 with many impressions: a push away from page one.',
  'sc.cannibal': 'Competing pages',
  'sc.cannibalHint': 'One query, several of your pages competing for it.',
  'sc.gaps': 'Gaps',
  'sc.gapsHint': 'Queries with impressions and no page of their own.',
  'sc.none': 'None.',
  'sc.evidence': 'Based on your Search Console data',
  'sc.kind.quickWin': 'Quick win',
  'sc.kind.cannibalisation': 'Competing pages',
  'sc.kind.gap': 'Gap',
  'sc.kind.query': 'Top query',
  'sc.kind.page': 'Top page',
  'sc.metrics': '{impressions} impressions · position {position} · {clicks} clicks',
  'sc.connectHint':
    'Connect Search Console in the diagnosis step to build the strategies on your real search data.',
  'wp.title': 'Publish to WordPress',
  'wp.lead':
    'Sends the article as a draft: the illustrations are uploaded first (with their alt text), then the post, with categories and tags created when missing. Publishing again updates the same draft.',
  'wp.site': 'WordPress site address',
  'wp.username': 'User name',
  'wp.password': 'Application password',
  'wp.passwordHint':
    'Made in WordPress under Users → Profile → Application passwords; not your login password. It is stored encrypted and never shown again.',
  'wp.connect': 'Connect',
  'wp.connecting': 'Checking the WordPress credentials…',
  'wp.connected': 'Connected to {site} as {name}',
  'wp.disconnect': 'Disconnect',
  'wp.categories': 'Categories',
  'wp.tags': 'Tags (from the metadata): {tags}',
  'wp.publish': 'Publish as a draft',
  'wp.update': 'Update the draft',
  'wp.busy': 'Uploading the illustrations and sending the draft…',
  'wp.created': 'Draft #{id} created on {site}.',
  'wp.updated': 'Draft #{id} updated on {site}.',
  'wp.images': '{count} illustrations uploaded',
  'wp.edit': 'Open in WordPress',
  'wp.unauthorized':
    'WordPress at {site} refused the user name or application password of {username}.',
  'wp.forbidden': 'The WordPress user {username} is not allowed to do this on {site}.',
  'wp.notConfigured': 'The server cannot store WordPress credentials: SECRETS_KEY is not set.',
  'wp.alreadyPublished': 'This article is already published on the site; edit it in WordPress.',
  'track.title': 'In search since publishing',
  'track.page': 'Tracked page: {page}',
  'track.busy': 'Reading the page’s search data…',
  'track.none':
    'No search data for this page yet: Search Console shows a page a few days after Google finds it.',
  'track.noProperty':
    'Connect Search Console in the diagnosis step to follow this article in search.',
  'track.chart':
    'Position of {page} day by day over {days} days: from {first} to {last}; {clicks} clicks in all.',
  'track.refresh': 'Refresh',
}
