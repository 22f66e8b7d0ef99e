/**
 * @module core/env-fields
 * Readers for environment variables: each takes the raw value (undefined when unset) and returns
 * the typed value or a message saying what the variable must be, never echoing the value (it may
 * be a secret). Plain functions on purpose: configuration is read at every cold start, and
 * building a schema library's pipes for sixty variables cost milliseconds there
 * (bench/README.md, "Where the time goes").
 *
 * @example
 * const { values, problems } = readFields({ PORT: integer(8080, 1, 65535) }, process.env)
 * // problems: ['PORT must be a whole number between 1 and 65535'] for PORT=http
 */

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string }
export type Field<T> = (raw: string | undefined) => FieldResult<T>
export type FieldValues<F extends Record<string, Field<unknown>>> = {
  [K in keyof F]: F[K] extends Field<infer T> ? T : never
}

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value })
const bad = (message: string): FieldResult<never> => ({ ok: false, message })

/** Reads every field; the problems name each bad variable (`NAME must be …`). */
export function readFields<F extends Record<string, Field<unknown>>>(
  fields: F,
  env: Record<string, string | undefined>
): { values: FieldValues<F>; problems: string[] } {
  const values: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, field] of Object.entries(fields)) {
    const result = field(env[name])
    if (result.ok) values[name] = result.value
    else problems.push(`${name} ${result.message}`)
  }
  return { values: values as FieldValues<F>, problems }
}

/** Trimmed text; blank means unset. */
export const text: Field<string | undefined> = (raw) => ok(raw?.trim() || undefined)

/** A whole number in [min, max]; unset gives `fallback` (undefined: stays unset). */
export function integer(fallback: number, min: number, max: number): Field<number>
export function integer(fallback: undefined, min: number, max: number): Field<number | undefined>
export function integer(
  fallback: number | undefined,
  min: number,
  max: number
): Field<number | undefined> {
  const message = `must be a whole number between ${min} and ${max}`
  return (raw) => {
    if (raw === undefined) return ok(fallback)
    const trimmed = raw.trim()
    if (!/^\d+$/.test(trimmed)) return bad(message)
    const n = Number(trimmed)
    return n >= min && n <= max ? ok(n) : bad(message)
  }
}

/** true/false, 1/0, yes/no (any case); unset or blank is false. */
export const boolean: Field<boolean> = (raw) => {
  const value = (raw ?? '').trim().toLowerCase()
  if (!['', 'true', 'false', '1', '0', 'yes', 'no'].includes(value)) {
    return bad('must be true or false')
  }
  return ok(value === 'true' || value === '1' || value === 'yes')
}

/** A comma-separated list, items trimmed, blanks dropped; unset is empty. */
export const list: Field<string[]> = (raw) =>
  ok(
    (raw ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
  )

/** One of `choices` (any case, trimmed); unset gives `fallback`. */
export function oneOf<const C extends string>(
  choices: readonly C[],
  message: string,
  fallback: C
): Field<C>
export function oneOf<const C extends string>(
  choices: readonly C[],
  message: string
): Field<C | undefined>
export function oneOf<const C extends string>(
  choices: readonly C[],
  message: string,
  fallback?: C
): Field<C | undefined> {
  return (raw) => {
    if (raw === undefined) return ok(fallback)
    const value = raw.trim().toLowerCase()
    return (choices as readonly string[]).includes(value) ? ok(value as C) : bad(message)
  }
}

/** Any of the readers above, with a check (and a change) of the value it read. */
export function refine<T, U = T>(
  field: Field<T>,
  check: (value: T) => boolean,
  message: string,
  map: (value: T) => U = (value) => value as unknown as U
): Field<U> {
  return (raw) => {
    const result = field(raw)
    if (!result.ok) return result
    return check(result.value) ? ok(map(result.value)) : bad(message)
  }
}

/** An absolute http(s) URL, trimmed; unset stays unset. */
export const httpUrl: Field<string | undefined> = (raw) => {
  if (raw === undefined) return ok(undefined)
  const value = raw.trim()
  return /^https?:\/\//i.test(value) && URL.canParse(value)
    ? ok(value)
    : bad('must be an http(s) URL')
}
