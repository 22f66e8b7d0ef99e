/**
 * @module features/seo/search/known-errors
 * The Search Console and WordPress refusals a person can act on, in their language, from the
 * error's code and details (never the server's English sentence).
 */
import type { ApiError } from '../../../api/errors'
import type { SearchMessageKey } from './i18n'

type Translate = (key: SearchMessageKey, params?: Record<string, string | number>) => string

export function knownError(error: ApiError | undefined, t: Translate): string | undefined {
  if (!error) return undefined
  const d = (error.details ?? {}) as Record<string, unknown>
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '')
  switch (error.code) {
    case 'search_console_forbidden':
      return text('email')
        ? t('sc.forbidden', { email: text('email'), property: text('property') })
        : t('sc.forbiddenUnknown', { property: text('property') })
    case 'search_console_quota':
      return t('sc.quota')
    case 'search_console_no_credentials':
      return t('sc.noCredentials')
    case 'wordpress_unauthorized':
      return t('wp.unauthorized', { site: text('site'), username: text('username') })
    case 'wordpress_forbidden':
      return t('wp.forbidden', { site: text('site'), username: text('username') })
    case 'wordpress_already_published':
      return t('wp.alreadyPublished')
    case 'not_configured':
      return text('variable') === 'SECRETS_KEY' ? t('wp.notConfigured') : undefined
    default:
      return undefined
  }
}
