/**
 * @module codes
 * What the server tells people carries a code, so the UI can say it in the user's language: each
 * area keeps a table (`defineCodes`) from its codes to their English text, with `{name}`
 * placeholders. A `Notice` (a warning or note beside a result) is a code, its parameters and
 * that English text; a parameter named `reason` holds the code of a `Reason` (why a page or a
 * file could not be read), whose own parameters sit beside it. The message-coverage test finds
 * every table by its `defineCodes` call, so a code cannot reach a screen without words in both
 * languages.
 */

/**
 * What a table's codes name: error envelope codes, notices beside results, reasons inside them,
 * why a video job failed, why a paid job's reservation was released, the rule a request field
 * broke. The values of an `error` table describe the code; the others are the
 * English text shown when the UI has no words of its own.
 */
export type CodeKind = 'error' | 'notice' | 'reason' | 'job-failure' | 'release' | 'field-rule'

export type NoticeParams = Record<string, string | number>

export interface CodeTable<C extends string> {
  readonly kind: CodeKind
  readonly texts: Readonly<Record<C, string>>
}

/** Declares a table of codes; `texts` maps each code to its English text. */
export function defineCodes<const C extends string>(
  kind: CodeKind,
  texts: Record<C, string>
): CodeTable<C> {
  return { kind, texts }
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible. */
export function fill(template: string, params: NoticeParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole
  )
}

/** Why something could not be read or used: a reason code, its parameters, its English text. */
export interface Reason {
  code: string
  params: NoticeParams
  text: string
}

export function reasonOf<C extends string>(
  table: CodeTable<C>,
  code: C,
  params: NoticeParams = {}
): Reason {
  return { code, params, text: fill(table.texts[code], params) }
}

/** A warning or note beside a result (valibot schema: notice-schema.ts). */
export interface Notice {
  code: string
  params: NoticeParams
  message: string
}

/** A notice of `table`; with a reason, `{reason}` is its text and its parameters join the notice's. */
export function noticeOf<C extends string>(
  table: CodeTable<C>,
  code: C,
  params: NoticeParams = {},
  reason?: Reason
): Notice {
  const all = reason ? { ...reason.params, ...params } : params
  return {
    code,
    params: reason ? { ...all, reason: reason.code } : all,
    message: fill(table.texts[code], reason ? { ...all, reason: reason.text } : all),
  }
}
