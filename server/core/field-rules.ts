/**
 * @module field-rules
 * The rule a request field broke, coded so the UI can word it in the user's language next to
 * the field's name: taken from the valibot issue when its message is the generic one (a schema's
 * own wording is kept as it is, except for URLs, whose rule is the same whatever the wording).
 */
import type * as v from 'valibot'
import { defineCodes, fill, type NoticeParams } from './codes'

export const FIELD_RULES = defineCodes('field-rule', {
  required: 'Required',
  not_empty: 'Must not be empty',
  min_chars: 'Must have at least {min} characters',
  max_chars: 'Must have at most {max} characters',
  min_items: 'Must have at least {min} items',
  max_items: 'Must have at most {max} items',
  min_value: 'Must be at least {min}',
  max_value: 'Must be at most {max}',
  integer: 'Must be a whole number',
  url: 'Must be a valid address such as https://example.com',
  format: 'Has an invalid format',
  one_of: 'Must be one of {options}',
  wrong_type: 'Expected {expected}',
  unknown_field: 'Unknown field: leave it out',
  own_site: 'Is your own site, not a competitor',
  image_type: 'Must be a PNG, JPEG or WebP image',
})

export type FieldRuleCode = keyof typeof FIELD_RULES.texts
export interface FieldRule {
  code: FieldRuleCode
  params: NoticeParams
}

/** A field issue of a rule checked by hand (not by a schema), with the rule's English text. */
export const fieldIssue = (field: string, code: FieldRuleCode, params: NoticeParams = {}) => ({
  field,
  message: fill(FIELD_RULES.texts[code], params),
  rule: { code, params },
})

/** The coded rule of an issue whose message is `generic` (or of any URL issue). */
export function fieldRuleOf(issue: v.BaseIssue<unknown>, generic: string): FieldRule | undefined {
  if (issue.type === 'url') return { code: 'url', params: {} }
  if (issue.message !== generic) return undefined
  const req = 'requirement' in issue ? issue.requirement : undefined
  const chars = typeof issue.input === 'string'
  if (issue.kind === 'schema') {
    if (issue.input === undefined) return { code: 'required', params: {} }
    return issue.type === 'picklist' || issue.type === 'enum'
      ? { code: 'one_of', params: { options: choices(issue.expected) } }
      : { code: 'wrong_type', params: { expected: issue.expected ?? '' } }
  }
  switch (issue.type) {
    case 'min_length':
    case 'non_empty':
      return req === undefined || req === 1
        ? { code: 'not_empty', params: {} }
        : { code: chars ? 'min_chars' : 'min_items', params: { min: Number(req) } }
    case 'max_length':
      return { code: chars ? 'max_chars' : 'max_items', params: { max: Number(req) } }
    case 'min_value':
      return { code: 'min_value', params: { min: String(req) } }
    case 'max_value':
      return { code: 'max_value', params: { max: String(req) } }
    case 'integer':
      return { code: 'integer', params: {} }
    case 'regex':
      return { code: 'format', params: {} }
    default:
      return undefined
  }
}

/** valibot's `("fast" | "slow")` as `fast, slow`. */
const choices = (expected: string | null) =>
  (expected ?? '')
    .replace(/^\(|\)$/g, '')
    .split(' | ')
    .map((choice) => choice.replace(/^"|"$/g, ''))
    .join(', ')
