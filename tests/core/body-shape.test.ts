/**
 * The two rules every JSON body follows (core/body-shape, core/validate `parseBody`): `null` for
 * an optional field is the field left out, and a field the schema does not know is a 400 that
 * names it — at any depth, in lists, in unions, through pipes and defaults.
 */
import { describe, expect, test } from 'bun:test'
import * as v from 'valibot'
import { shapeBody } from '../../server/core/body-shape'
import { AppError, type FieldIssue } from '../../server/core/errors'
import { parseBody } from '../../server/core/validate'

const Image = v.union([
  v.object({ mediaId: v.string() }),
  v.object({ data: v.string(), mimeType: v.optional(v.string()) }),
])
const Body = v.object({
  prompt: v.pipe(v.string(), v.minLength(1)),
  ratio: v.optional(v.string(), '1:1'),
  note: v.optional(v.nullable(v.string())),
  images: v.optional(v.array(Image), []),
  brand: v.optional(v.object({ name: v.string(), logo: v.optional(v.boolean(), false) })),
  extra: v.optional(v.looseObject({ kind: v.string() })),
})

const issuesOf = (body: unknown) => {
  try {
    parseBody(Body, body)
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid_input')
    return (error.details as { issues: FieldIssue[] }).issues
  }
  return []
}

describe('null for an optional field', () => {
  test('is the field left out: its default applies', () => {
    expect(parseBody(Body, { prompt: 'x', ratio: null, images: null, brand: null })).toEqual({
      prompt: 'x',
      ratio: '1:1',
      images: [],
    })
  })

  test('inside nested objects too', () => {
    expect(parseBody(Body, { prompt: 'x', brand: { name: 'Acme', logo: null } })).toMatchObject({
      brand: { name: 'Acme', logo: false },
    })
  })

  test('stays null where the field takes null itself', () => {
    expect(parseBody(Body, { prompt: 'x', note: null })).toMatchObject({ note: null })
  })

  test('for a required field is still an error naming it', () => {
    expect(issuesOf({ prompt: null })).toEqual([
      {
        field: 'prompt',
        message: 'Expected string',
        rule: { code: 'wrong_type', params: { expected: 'string' } },
      },
    ])
  })
})

describe('an unknown field', () => {
  test('is a 400 naming it, at the top and at any depth', () => {
    expect(issuesOf({ prompt: 'x', userPrompt: 'y' }).map((i) => i.field)).toEqual(['userPrompt'])
    expect(
      issuesOf({ prompt: 'x', brand: { name: 'A', colour: 'red' } }).map((i) => i.field)
    ).toEqual(['brand.colour'])
    expect(
      issuesOf({ prompt: 'x', images: [{ mediaId: 'm' }, { mediaId: 'n', crop: 1 }] })
    ).toEqual([
      {
        field: 'images.1.crop',
        message: 'Unknown field: leave it out',
        rule: { code: 'unknown_field', params: {} },
      },
    ])
  })

  test('is named together with the other problems of the body', () => {
    expect(issuesOf({ prompt: '', typo: 1 }).map((i) => i.field)).toEqual(['typo', 'prompt'])
  })

  test('in a union, against the option the rest of the value fits', () => {
    expect(
      issuesOf({ prompt: 'x', images: [{ data: 'AAAA', mimeType: 'image/png', name: 'a.png' }] })
    ).toEqual([
      {
        field: 'images.0.name',
        message: 'Unknown field: leave it out',
        rule: { code: 'unknown_field', params: {} },
      },
    ])
  })

  test('a loose object takes anything', () => {
    expect(parseBody(Body, { prompt: 'x', extra: { kind: 'k', more: 1 } })).toMatchObject({
      extra: { kind: 'k', more: 1 },
    })
  })

  test('is dropped without a word when the caller tolerates it (stored documents)', () => {
    expect(parseBody(Body, { prompt: 'x', old: true }, { unknownFields: 'ignore' })).toEqual({
      prompt: 'x',
      ratio: '1:1',
      images: [],
    })
  })

  test('shaping never changes a value that has neither', () => {
    const body = { prompt: 'x', images: [{ mediaId: 'm' }], brand: { name: 'A' } }
    expect(shapeBody(Body, body)).toEqual({ value: body, unknown: [] })
  })
})
