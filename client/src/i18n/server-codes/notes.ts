/**
 * @module i18n/server-codes/notes
 * Words a server note in the user's language: a coded note (`{ code, params, message }`) from the
 * notice tables, its `{reason}` from the reason tables, region and language names through
 * `Intl.DisplayNames`. A note saved before notes were coded (plain text) or a code this client
 * does not know shows the server's English text, so nothing is ever lost.
 */
import { fill, type Locale, type MessageParams } from '../translate'
import { serverCodeMessages } from '.'

export interface CodedNote {
  code: string
  params: MessageParams
  message: string
}
export type ServerNote = string | CodedNote

/** A reason code in words, or undefined when this client does not know the code. */
export function reasonText(
  locale: Locale,
  code: string,
  params: MessageParams = {}
): string | undefined {
  const template = (serverCodeMessages[locale] as Record<string, string>)[`reason.${code}`]
  return template === undefined ? undefined : fill(template, params)
}

function displayName(locale: Locale, type: 'region' | 'language', code: unknown) {
  if (typeof code !== 'string') return undefined
  try {
    return new Intl.DisplayNames([locale], { type }).of(code)
  } catch {
    return undefined
  }
}

export function noteText(locale: Locale, note: ServerNote): string {
  if (typeof note === 'string') return note
  const template = (serverCodeMessages[locale] as Record<string, string>)[`notice.${note.code}`]
  if (template === undefined) return note.message
  const params: MessageParams = { ...note.params }
  if (typeof params.reason === 'string') {
    const reason = reasonText(locale, params.reason, params)
    if (reason === undefined) return note.message
    params.reason = reason
  }
  const region = displayName(locale, 'region', params.regionCode)
  const language = displayName(locale, 'language', params.languageCode)
  return fill(template, {
    ...params,
    ...(region ? { region } : {}),
    ...(language ? { language } : {}),
  })
}

/** A key for lists of notes (the text a note was saved with is unique within its list). */
export const noteKey = (note: ServerNote): string =>
  typeof note === 'string' ? note : `${note.code} ${note.message}`
