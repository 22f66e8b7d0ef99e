/**
 * @module features/stream-schemas
 * Schemas of the events every streamed step sends (see `stream-events.ts`).
 */
import * as v from 'valibot'
import { GROUNDING_ENTRIES } from '../ai/grounding-schema'

export const DeltaEvent = v.object({ text: v.string() })

export const SourcesEvent = v.object(GROUNDING_ENTRIES)

export const ErrorEnvelopeSchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    details: v.optional(v.unknown()),
  }),
  requestId: v.string(),
})

export const ErrorEvent = v.object({
  ...ErrorEnvelopeSchema.entries,
  status: v.pipe(v.number(), v.description('The HTTP status the failure would have had.')),
})
