/**
 * @module i18n/server-codes/errors.en
 * English titles (whose problem it is) and hints (what to do) for failed requests (rules.ts
 * says which apply to each error code), and the rules a request field can break.
 */
import type { FieldRuleCode } from '../../../../server/core/field-rules'
import type { Cause, Hint } from './rules'

type Key = `error.cause.${Cause}` | `error.why.${Hint}` | `field.${FieldRuleCode}` | 'error.reason'

export const errorsEn: Record<Key, string> = {
  'error.reason': 'Reason: {reason}.',
  'error.cause.input': 'Invalid input',
  'error.cause.site': 'The website could not be read',
  'error.cause.aiSetup': 'The AI service is not configured',
  'error.cause.aiRefused': 'The AI service refused the request',
  'error.cause.aiFailed': 'The AI service failed',
  'error.cause.aiTimeout': 'The AI service timed out',
  'error.cause.limit': 'Too many requests',
  'error.cause.storage': 'Storage failed',
  'error.cause.searchConsole': 'Search Console could not be read',
  'error.cause.wordpress': 'WordPress did not accept the request',
  'error.cause.setup': 'Not set up on this server',
  'error.cause.access': 'Access key required',
  'error.cause.forbidden': 'Not allowed with this key',
  'error.cause.budget': 'AI budget used up',
  'error.cause.missing': 'Not found',
  'error.cause.conflict': 'Changed or not ready',
  'error.cause.mode': 'Not available in this mode',
  'error.cause.aiOutage': 'Gemini is failing right now',
  'error.cause.restarting': 'The server is restarting',
  'error.cause.server': 'The request did not complete',
  'error.cause.network': 'Server unreachable',

  'error.why.input':
    'The server did not accept the request as sent. Check what you entered; if it keeps happening, reload the page.',
  'error.why.fields': 'Correct the fields listed below and submit again.',
  'error.why.tooLarge': 'What you sent is too large: shorten it, then submit again.',
  'error.why.imageTooLarge': 'The image is too large: use a smaller image.',
  'error.why.imageType': 'Use a PNG, JPEG or WebP image.',
  'error.why.siteDns':
    'The host name in the website address does not exist. Check the address for typos and submit it again; trying again as it is will not help.',
  'error.why.siteTls':
    'The site’s HTTPS certificate is invalid or expired, so it was not read. Check the address, or ask the site owner to fix the certificate.',
  'error.why.siteUnreachable':
    'The site refused or dropped the connection. It may be down for a moment: try again later, or check the address.',
  'error.why.siteTimeout': 'The site took too long to answer. Try again in a moment.',
  'error.why.siteBlocked':
    'The site does not let automated readers in (a bot check, a sign-in or “access denied”). Enter another page of the site, or fill in the brand profile by hand.',
  'error.why.siteNotHtml':
    'The address is a file (a PDF, an image…), not a web page. Enter the address of a web page.',
  'error.why.sitePageMissing':
    'The site says this page does not exist. Check the address, or enter the site’s home page.',
  'error.why.siteUnreadable':
    'The page gave nothing usable to read. Try the site’s home page or another of its pages.',
  'error.why.urlNotAllowed':
    'This address cannot be read (a private or internal address, an unusual port or scheme). Enter a public http(s) website address.',
  'error.why.aiSetup':
    'AI generation is not set up on this server. Ask the administrator to add a Gemini API key or a Vertex AI project; trying again will not help until then.',
  'error.why.setup':
    'This feature is not set up on this server ({variable} is missing). Ask the administrator; trying again will not help until then.',
  'error.why.scCredentials':
    'The server has no Google credentials to read Search Console with. Ask the administrator to give it a service account.',
  'error.why.scApiDisabled':
    'The Search Console API is not enabled in this server’s Google Cloud project. Ask the administrator to enable it.',
  'error.why.scForbidden':
    'The server’s account may not read {property}. Add it as a user of the property in Search Console (Settings → Users and permissions), then try again.',
  'error.why.scQuota':
    'Search Console’s quota for this property is used up for now: try again later.',
  'error.why.scFailed': 'Search Console failed or could not be reached. Try again in a moment.',
  'error.why.wpNotConnected':
    'Connect a WordPress site first: its address, a user name and an application password.',
  'error.why.wpReconnect':
    'The saved WordPress password can no longer be read: connect the site again.',
  'error.why.wpPublished': 'This article is already published on the site: edit it there.',
  'error.why.wpNotFound':
    'No WordPress REST API answered at this address. Check the site address in the WordPress connection.',
  'error.why.wpUnauthorized':
    'WordPress refused the user name or application password. Check them in the WordPress connection.',
  'error.why.wpForbidden':
    'This WordPress user is not allowed to do this. Use an account that may publish posts.',
  'error.why.wpFailed': 'WordPress answered with an error. Try again in a moment.',
  'error.why.aiCredentials':
    'The AI service refused this server’s credentials. Ask the administrator to check the API key or the service account.',
  'error.why.aiModel':
    'The AI service does not know the configured model. Ask the administrator to check the model settings.',
  'error.why.aiRejected':
    'The AI service judged the request invalid. Change the input (shorter text, another image) before sending it again.',
  'error.why.aiBlocked':
    'The AI service declined to answer because of its safety filters. Rephrase the request or use another image.',
  'error.why.aiFailed': 'The AI service failed or answered with something unusable. Try again.',
  'error.why.aiCut':
    'The answer stopped before it was complete and was not kept as a result. Try again.',
  'error.why.aiTimeout': 'The AI service did not answer in time. Try again.',
  'error.why.aiQuota': 'The AI service’s quota is used up for now: wait a moment, then try again.',
  'error.why.noCompetitors':
    'The AI found no usable competitor sites. Add competitors by hand, or try again with other instructions.',
  'error.why.imagesLost':
    'The revised article lost some of its images, so the original was kept unchanged. Try again.',
  'error.why.rateLimited':
    'This server limits how many requests it takes per minute: wait a moment, then try again.',
  'error.why.storage':
    'Reading or writing stored work failed on the server. Try again; if it keeps failing, ask the administrator to check the storage.',
  'error.why.storageBusy': 'Someone else is changing the same item right now: try again shortly.',
  'error.why.storedUnreadable':
    'A stored document could not be read; it may be damaged. Ask the administrator.',
  'error.why.access':
    'This server needs an access key: enter the key your administrator gave you at the top of the page.',
  'error.why.missing': 'What you asked for does not exist or was removed.',
  'error.why.conflict':
    'This item was changed elsewhere, or already exists. Reload it, then make your change again.',
  'error.why.notReady': 'This is not ready yet: wait until it has finished.',
  'error.why.mode': 'This feature is not available in the current server mode.',
  'error.why.aiOutage':
    'Requests to Gemini fail at once until it recovers, instead of waiting for it; try again in a moment.',
  'error.why.restarting':
    'The server restarted while working on this. Nothing was saved half-way; try again and another instance answers.',
  'error.why.videoTooLarge':
    'This clip is too large to send to the AI service without a Cloud Storage bucket; ask your administrator to set one.',
  'error.why.server': 'Something went wrong on the server; try again in a moment.',
  'error.why.forbidden':
    'This access key may only see its own workspace. Ask an administrator for an admin key to see other workspaces.',
  'error.why.budgetDay':
    "This workspace's AI budget for today does not cover this request ({remaining} left of {budget}); nothing was sent to the AI service. It resets at {resetsAt}.",
  'error.why.budgetMonth':
    "This workspace's AI budget for this month does not cover this request ({remaining} left of {budget}); nothing was sent to the AI service. It resets at {resetsAt}.",
  'error.why.network': 'Check your connection, then try again.',
  'error.why.badResponse': 'The server sent an answer that could not be read (HTTP {status}).',

  'field.required': 'Required',
  'field.not_empty': 'Must not be empty',
  'field.min_chars': 'Must have at least {min} characters',
  'field.max_chars': 'Must have at most {max} characters',
  'field.min_items': 'Must have at least {min} items',
  'field.max_items': 'Must have at most {max} items',
  'field.min_value': 'Must be at least {min}',
  'field.max_value': 'Must be at most {max}',
  'field.integer': 'Must be a whole number',
  'field.url': 'Must be a valid address such as https://example.com',
  'field.format': 'Has an invalid format',
  'field.one_of': 'Must be one of {options}',
  'field.wrong_type': 'Expected {expected}',
  'field.unknown_field': 'Unknown field: leave it out',
  'field.own_site': 'Is your own site, not a competitor',
  'field.image_type': 'Must be a PNG, JPEG or WebP image',
}
