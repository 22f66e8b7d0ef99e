/**
 * @module notice-schema
 * The valibot schema of a `Notice` (the interface in codes.ts), for the documents and answers that carry notes;
 * apart from codes.ts so that the code tables stay free of valibot (the client imports them).
 */
import * as v from 'valibot'
import { text } from './schema'

const MAX_PARAMS = 12

/** A parameter: a short name and a string (a URL at most) or a number. */
export const NoticeParams = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^\w{1,40}$/)), v.union([text(2048), v.number()])),
  v.check((params) => Object.keys(params).length <= MAX_PARAMS, 'Too many parameters')
)

/** A warning or note beside a result: the code and parameters the UI words, and the English. */
export const Notice = v.object({
  code: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,79}$/)),
  params: v.optional(NoticeParams, {}),
  message: text(3000),
})
export type Notice = v.InferOutput<typeof Notice>
