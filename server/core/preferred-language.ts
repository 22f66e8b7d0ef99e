/**
 * @module preferred-language
 * The UI language a browser asks for, decided the same way on both sides: the server reads
 * `Accept-Language` for the first page's `<html lang>`, the client `navigator.languages` on a
 * first visit. Any Chinese among the preferred languages gives zh-CN, any other list English.
 */
import type { UiLanguage } from './schema'

/** zh-CN when any tag is Chinese (`zh`, `zh-TW`, `zh-Hans-CN`…), en for any other tags. */
export function preferredUiLanguage(tags: readonly string[]): UiLanguage | undefined {
  const wanted = tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag && tag !== '*')
  if (wanted.length === 0) return undefined
  return wanted.some((tag) => tag === 'zh' || tag.startsWith('zh-')) ? 'zh-CN' : 'en'
}

/** The language tags of an `Accept-Language` header, leaving out those refused with `q=0`. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return []
  return header
    .split(',')
    .slice(0, 20)
    .map((part) => part.split(';'))
    .filter(([, ...rest]) => !rest.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/i.test(p)))
    .map(([tag]) => (tag ?? '').trim())
    .filter(Boolean)
}
