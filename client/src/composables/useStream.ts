/**
 * @module composables/useStream
 * `useRequest` for an event stream: besides the final answer it keeps the text written so far
 * and the sources (with Google's search suggestions), so a card can show the article while the model writes it and keep what was
 * written when the user stops.
 */
import { ref, shallowRef } from 'vue'
import type { StreamGrounding, StreamOptions, StreamSource } from '../api/sse'
import { useRequest } from './useRequest'

export type StreamCallbacks = Required<Pick<StreamOptions, 'signal' | 'onDelta' | 'onSources'>>

export function useStream<A extends unknown[], T>(
  task: (stream: StreamCallbacks, ...args: A) => Promise<T>
) {
  const text = ref('')
  const sources = shallowRef<StreamSource[]>([])
  const grounding = shallowRef<StreamGrounding>({ searchQueries: [], searchEntryPoints: [] })
  const request = useRequest((signal, ...args: A) => {
    text.value = ''
    sources.value = []
    grounding.value = { searchQueries: [], searchEntryPoints: [] }
    return task(
      {
        signal,
        // A stopped or replaced stream may still deliver a chunk; it is not this call's text.
        onDelta: (delta) => {
          if (!signal.aborted) text.value += delta
        },
        onSources: (found, more) => {
          if (signal.aborted) return
          sources.value = found
          grounding.value = more
        },
      },
      ...args
    )
  })
  const clear = () => {
    request.reset()
    text.value = ''
    sources.value = []
  }
  return { ...request, text, sources, grounding, clear }
}
