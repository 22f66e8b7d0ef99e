/**
 * @module composables/useServerNotes
 * Server notes in the current language, re-worded when the user switches (see
 * i18n/server-codes/notes.ts).
 */

import { useI18n } from '../i18n'
import { noteKey, noteText, type ServerNote } from '../i18n/server-codes/notes'

export function useServerNotes() {
  const { locale } = useI18n()
  return { note: (note: ServerNote) => noteText(locale.value, note), noteKey }
}
