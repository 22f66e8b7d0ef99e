/**
 * @module stores/video-jobs
 * The video jobs (Pinia setup store): the list comes from `GET /api/video/jobs` (so it
 * survives a reload and shows jobs started on another device), newest first, a page at a time.
 * Every active job is followed (`watchJob`: its event stream, resumed after a reload, polling as
 * the fallback and beyond `MAX_STREAMS` open streams) until it is over; updates merge without moving a job back. Delete removes the
 * job on the server, then here.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { type ApiError, toApiError } from '../api/errors'
import { deleteJob, listJobs, type VideoJob } from '../api/video'
import { isActive, mergeJob, newestFirst, withProgress } from '../features/video/job-state'
import { type WatchMode, watchJob } from '../features/video/watch-job'

/**
 * Event streams open at once: a browser keeps about six connections per server over HTTP/1.1,
 * and the page's other requests need some, so further jobs are polled.
 */
export const MAX_STREAMS = 3

interface Follow {
  mode: WatchMode
  trouble?: ApiError
}

export const useVideoJobsStore = defineStore('video-jobs', () => {
  const byId = ref(new Map<string, VideoJob>())
  const follows = reactive(new Map<string, Follow>())
  const stops = new Map<string, () => void>()
  const nextCursor = ref<string>()
  const loading = ref(false)
  const loaded = ref(false)
  const listError = shallowRef<ApiError>()
  const deleting = reactive(new Set<string>())

  const jobs = computed(() => [...byId.value.values()].sort(newestFirst))

  function put(job: VideoJob): void {
    const merged = mergeJob(byId.value.get(job.id), job)
    byId.value.set(job.id, merged)
    if (isActive(merged)) follow(merged.id)
  }

  function follow(id: string): void {
    if (stops.has(id)) return
    const streams = [...follows.values()].filter((f) => f.mode === 'stream').length
    const mode = streams < MAX_STREAMS ? 'stream' : 'polling'
    follows.set(id, { mode })
    const watch = watchJob(id, {
      mode,
      onJob: put,
      onProgress: (progress) => {
        const known = byId.value.get(progress.id)
        if (known) byId.value.set(known.id, withProgress(known, progress))
      },
      onMode: (mode) => follows.set(id, { ...follows.get(id), mode }),
      onTrouble: (trouble) => follows.set(id, { mode: follows.get(id)?.mode ?? 'stream', trouble }),
      onGone: () => forget(id),
    })
    stops.set(id, watch.stop)
    void watch.done.then(() => {
      if (stops.get(id) === watch.stop) {
        stops.delete(id)
        follows.delete(id)
      }
    })
  }

  function unfollow(id: string): void {
    stops.get(id)?.()
    stops.delete(id)
    follows.delete(id)
  }

  function forget(id: string): void {
    unfollow(id)
    byId.value.delete(id)
  }

  /** The first page again (a reload, or jobs started on another device meanwhile). */
  async function load(more = false): Promise<void> {
    if (loading.value) return
    loading.value = true
    listError.value = undefined
    try {
      const page = await listJobs(more ? nextCursor.value : undefined)
      for (const job of page.items) put(job)
      if (more || !loaded.value) nextCursor.value = page.nextCursor
      loaded.value = true
    } catch (error) {
      listError.value = toApiError(error)
    } finally {
      loading.value = false
    }
  }

  /** Deletes on the server (a job already gone counts as deleted); resolves with the error, if any. */
  async function remove(id: string): Promise<ApiError | undefined> {
    deleting.add(id)
    try {
      await deleteJob(id)
    } catch (cause) {
      const error = toApiError(cause)
      if (error.status !== 404) return error
    } finally {
      deleting.delete(id)
    }
    forget(id)
    return undefined
  }

  /** Stops following every job (the studio was left); the list stays for a quick return. */
  function stopAll(): void {
    for (const id of [...stops.keys()]) unfollow(id)
  }

  /** Follows the active jobs again (the studio was opened again). */
  function resume(): void {
    for (const job of byId.value.values()) if (isActive(job)) follow(job.id)
  }

  return {
    jobs,
    follows,
    nextCursor,
    loading,
    loaded,
    listError,
    deleting,
    job: (id: string) => byId.value.get(id),
    put,
    load,
    loadMore: () => load(true),
    remove,
    stopAll,
    resume,
  }
})
