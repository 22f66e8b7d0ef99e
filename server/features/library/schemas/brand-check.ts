/**
 * @module library/schemas/brand-check
 * The brand check an image-series item keeps (a summary of `POST /api/brand/check`'s answer:
 * the brand and its version, the score with its parts, the issues with their fixes), so saved
 * work and its exports show how on brand each image was. Every field has a default or is
 * optional, so documents saved before checks existed, or by older clients, load as they are.
 * Pure valibot (shared with the browser).
 */
import * as v from 'valibot'
import { text } from '../../../core/schema'
import { boundedNumber, DocumentId, Timestamp } from './common'

export const MAX_KEPT_ISSUES = 20

const Params = v.pipe(
  v.record(v.pipe(v.string(), v.maxLength(40)), v.union([text(600), boundedNumber(-1e9, 1e9)])),
  v.check((params) => Object.keys(params).length <= 12, 'At most 12 parameters')
)

export const KeptBrandCheck = v.object({
  /** The saved brand profile it was checked against, when it was a saved one. */
  profileId: v.optional(DocumentId),
  profileName: v.optional(text(200), ''),
  profileVersion: v.pipe(v.string(), v.regex(/^[a-f0-9]{16}$/, 'Must be a profile version')),
  /** 0-100; null when nothing could be scored. */
  score: v.nullable(boundedNumber(0, 100)),
  /** The judged half was unavailable. */
  partial: v.optional(v.boolean(), false),
  parts: v.optional(
    v.pipe(
      v.array(
        v.object({
          part: v.pipe(v.string(), v.maxLength(40)),
          weight: boundedNumber(0, 100),
          value: v.nullable(boundedNumber(0, 1)),
          points: boundedNumber(0, 100),
        })
      ),
      v.maxLength(12)
    ),
    []
  ),
  issues: v.optional(
    v.pipe(
      v.array(
        v.object({
          code: v.pipe(v.string(), v.maxLength(40)),
          params: v.optional(Params, {}),
          fix: text(600),
        })
      ),
      v.maxLength(MAX_KEPT_ISSUES)
    ),
    []
  ),
  checkedAt: Timestamp,
})
export type KeptBrandCheck = v.InferOutput<typeof KeptBrandCheck>
