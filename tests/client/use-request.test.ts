/**
 * useRequest without a DOM: answers land in `state`, failures in `error` as ApiError, a newer
 * call wins over a slower older one, abort drops the answer and is not an error, retry repeats
 * the last arguments, and the call in flight is aborted when its scope ends.
 */
import { describe, expect, test } from 'bun:test'
import { effectScope } from 'vue'
import { ApiError } from '../../client/src/api/errors'
import { useRequest } from '../../client/src/composables/useRequest'

const later = <T>(ms: number, value: T, signal: AbortSignal) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new DOMException('aborted', 'AbortError'))
    })
  })

describe('useRequest', () => {
  test('keeps the answer and is busy only while the call runs', async () => {
    const r = useRequest((signal, n: number) => later(5, n * 2, signal))
    const pending = r.execute(21)
    expect(r.isLoading.value).toBe(true)
    expect(await pending).toBe(42)
    expect(r.state.value).toBe(42)
    expect(r.isLoading.value).toBe(false)
    expect(r.error.value).toBeUndefined()
  })

  test('a failure becomes an ApiError in error, the state stays', async () => {
    const r = useRequest(async (_signal, fail: boolean) => {
      if (fail) throw new ApiError(502, 'upstream_error', 'down')
      return 'ok'
    })
    await r.execute(false)
    await r.execute(true)
    expect(r.state.value).toBe('ok')
    expect(r.error.value?.status).toBe(502)
  })

  test('a newer call wins: the slower older answer is dropped', async () => {
    const r = useRequest((signal, ms: number, value: string) => later(ms, value, signal))
    const older = r.execute(30, 'old')
    const newer = r.execute(5, 'new')
    expect(await older).toBeUndefined()
    expect(await newer).toBe('new')
    expect(r.state.value).toBe('new')
  })

  test('an answer that arrives although its signal was ignored is still dropped when stale', async () => {
    let release: (v: string) => void = () => undefined
    const r = useRequest((_signal, v: string) =>
      v === 'slow'
        ? new Promise<string>((resolve) => {
            release = resolve
          })
        : Promise.resolve(v)
    )
    const slow = r.execute('slow')
    await r.execute('fast')
    release('slow')
    expect(await slow).toBeUndefined()
    expect(r.state.value).toBe('fast')
  })

  test('abort stops the call without an error; retry repeats the last arguments', async () => {
    let calls = 0
    const r = useRequest((signal, v: string) => {
      calls++
      return later(20, v, signal)
    })
    const pending = r.execute('x')
    r.abort()
    expect(await pending).toBeUndefined()
    expect(r.error.value).toBeUndefined()
    expect(r.isLoading.value).toBe(false)
    expect(await r.retry()).toBe('x')
    expect(calls).toBe(2)
  })

  test('the call in flight is aborted when the scope that made it ends', async () => {
    let aborted = false
    const scope = effectScope()
    const r = scope.run(() =>
      useRequest((signal) => {
        signal.addEventListener('abort', () => {
          aborted = true
        })
        return later(50, 1, signal)
      })
    )
    const pending = r?.execute()
    scope.stop()
    expect(await pending).toBeUndefined()
    expect(aborted).toBe(true)
  })
})
