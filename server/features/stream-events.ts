/**
 * @module features/stream-events
 * The events of a streamed text step (`core/sse.ts`), for the API document: `delta`, `sources`,
 * `done` with the step's own answer, and `error`. Their schemas load with the document.
 */
import type { EventDoc, SchemaRef } from '../core/openapi/route-doc'

const schemas = () => import('./stream-schemas')

export const textStreamEvents = (done: SchemaRef): Record<string, EventDoc> => ({
  delta: {
    description: 'The next piece of text, as the model writes it.',
    schema: async () => (await schemas()).DeltaEvent,
  },
  sources: {
    description: 'Grounded steps: the sources, queries and search suggestions, once known.',
    schema: async () => (await schemas()).SourcesEvent,
  },
  done: {
    description: 'The whole answer, the same as the JSON answer. The last event.',
    schema: done,
  },
  error: {
    description:
      'The step failed after the stream started: the error envelope with the status it would have had. The last event.',
    schema: async () => (await schemas()).ErrorEvent,
  },
})
