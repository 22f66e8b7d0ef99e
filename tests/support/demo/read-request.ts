/**
 * What the demo model reads from a recorded Gemini request: the languages the prompt asks for,
 * the JSON schema's keys, declared functions, data blocks (`<site>`, `<brief>`, `<article>`…)
 * and brief fields, so each answer fits the step that asked.
 */
import { type RecordedRequest, systemText } from '../fake-gemini'

export type Lang = 'zh' | 'en'

export { systemText }

const allText = (r: RecordedRequest) => `${systemText(r)}\n${r.promptText}`

/** The language the user reads analysis in (the prompt's language rule). */
export function uiLang(r: RecordedRequest): Lang {
  return /meant for the user in Simplified Chinese/.test(allText(r)) ? 'zh' : 'en'
}

/** The language reader-facing content is written in. */
export function contentLang(r: RecordedRequest): Lang {
  const rule = allText(r).match(/reader-facing content[^.]*? in ([^.\n]+)\./)?.[1] ?? ''
  if (/chinese|中文/i.test(rule)) return 'zh'
  if (rule) return 'en'
  return /Target language: (Chinese|中文)/i.test(r.promptText) ? 'zh' : uiLang(r)
}

export const schemaKeys = (r: RecordedRequest): string[] =>
  Object.keys(r.body?.generationConfig?.responseJsonSchema?.properties ?? {})

export const schemaOf = (r: RecordedRequest) => r.body?.generationConfig?.responseJsonSchema

export const functionNames = (r: RecordedRequest): string[] =>
  (r.body?.tools ?? []).flatMap((t: { functionDeclarations?: { name: string }[] }) =>
    (t.functionDeclarations ?? []).map((f) => f.name)
  )

export const isGrounded = (r: RecordedRequest): boolean =>
  (r.body?.tools ?? []).some((t: Record<string, unknown>) => 'googleSearch' in t)

export const wantsImage = (r: RecordedRequest): boolean =>
  (r.body?.generationConfig?.responseModalities ?? []).includes('IMAGE')

/** The text of a `<name>` data block, if the prompt has one. */
export function block(r: RecordedRequest, name: string): string | undefined {
  return r.promptText.match(new RegExp(`<${name}>\\n([\\s\\S]*?)\\n</${name}>`))?.[1]
}

/** A `Label: value` line of the brief block. */
export function briefField(r: RecordedRequest, label: string): string | undefined {
  return block(r, 'brief')
    ?.match(new RegExp(`^${label}: (.*)$`, 'm'))?.[1]
    ?.trim()
}

export function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname.replace(/^www\./, '')
  } catch {
    return 'example.com'
  }
}

/** "northwind-coffee.test" -> "Northwind Coffee". */
export const nameFromHost = (host: string): string =>
  (host.split('.')[0] ?? host)
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
