/**
 * @module features/usage/labels
 * Words for the studios and the release reasons the server names by code; an unknown one is
 * shown as it came.
 */
import type { MessageKey } from '../../i18n'
import type { UsageMessageKey } from './i18n'
import { usageMessages } from './i18n'

type T = (key: UsageMessageKey | MessageKey, params?: Record<string, string | number>) => string

const STUDIOS: Record<string, MessageKey> = {
  seo: 'nav.seo',
  image: 'nav.image',
  video: 'nav.video',
  brand: 'nav.brand',
  campaigns: 'nav.campaign',
}

export const studioLabel = (t: T, studio: string) =>
  Object.hasOwn(STUDIOS, studio) ? t(STUDIOS[studio] as MessageKey) : studio

export function reasonLabel(t: T, reason: string | undefined): string {
  const key = `usage.reason.${reason}`
  return reason && key in usageMessages.en ? t(key as UsageMessageKey) : (reason ?? '')
}
