/**
 * @module stores/video-composer
 * The next video (Pinia setup store): its prompt, input images, the source video it continues,
 * the chosen model and format (text and choices kept as a draft for reloads). The mode follows the inputs and the choices follow the model
 * (`features/video/options`, from the models `/api/capabilities` lists). Starting is two steps:
 * the dry-run estimate (model, length, price) is shown, and only its confirmation starts the
 * paid job, with the Idempotency-Key made for that estimate.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { type ApiError, toApiError } from '../api/errors'
import { estimateJob, type JobBody, type JobEstimate, startJob, type VideoJob } from '../api/video'
import { useCapabilities } from '../composables/useCapabilities'
import { loadDraft, saveDraft } from '../features/video/draft'
import { newIdempotencyKey } from '../features/video/idempotency-key'
import { type InputImage, imageFromMedia, releasePreview } from '../features/video/input-images'
import { jobBodyOf } from '../features/video/job-body'
import {
  defaultSelection,
  modelsFor,
  optionsFor,
  resolveMode,
  type Selection,
  settle,
  type VideoRole,
} from '../features/video/options'
import { useVideoJobsStore } from './video-jobs'

export interface PendingStart {
  body: JobBody
  estimate: JobEstimate
  idempotencyKey: string
}

export const useVideoComposerStore = defineStore('video-composer', () => {
  const { capabilities } = useCapabilities()
  const jobs = useVideoJobsStore()

  const draft = loadDraft()
  const prompt = ref(draft.prompt)
  const negativePrompt = ref(draft.negativePrompt)
  const firstFrame = shallowRef<InputImage>()
  const lastFrame = shallowRef<InputImage>()
  const references = shallowRef<InputImage[]>([])
  const source = shallowRef<VideoJob>()
  const edit = ref(false)
  const role = ref<VideoRole | undefined>(draft.role as VideoRole | undefined)
  const chosen = ref<Partial<Selection>>(draft.chosen)
  watch(
    [prompt, negativePrompt, role, chosen],
    () =>
      saveDraft({
        prompt: prompt.value,
        negativePrompt: negativePrompt.value,
        role: role.value,
        chosen: chosen.value,
      }),
    { deep: true }
  )

  const allModels = computed(() => capabilities.value?.video?.models ?? [])
  const inputs = computed(() => ({
    firstFrame: Boolean(firstFrame.value),
    lastFrame: Boolean(lastFrame.value),
    referenceImages: references.value.length,
    source: source.value,
    edit: edit.value,
  }))
  const mode = computed(() => resolveMode(inputs.value))
  const models = computed(() => modelsFor(allModels.value, mode.value, inputs.value))
  const model = computed(() => models.value.find((m) => m.role === role.value) ?? models.value[0])
  const options = computed(() => model.value && optionsFor(model.value, mode.value, source.value))
  const selection = computed<Selection | undefined>(() => {
    const m = model.value
    const o = options.value
    if (!m || !o) return undefined
    return settle({ ...defaultSelection(m), ...chosen.value }, m, o)
  })

  function choose<K extends keyof Selection>(key: K, value: Selection[K]): void {
    chosen.value = { ...chosen.value, [key]: value }
  }

  /** The request the current choices make. */
  function body(): JobBody | undefined {
    const m = model.value
    const o = options.value
    const s = selection.value
    if (!m || !o || !s) return undefined
    return jobBodyOf({
      mode: mode.value,
      prompt: prompt.value,
      role: m.role,
      options: o,
      selection: s,
      negativePrompt: negativePrompt.value,
      firstFrame: firstFrame.value?.send,
      lastFrame: lastFrame.value?.send,
      referenceImages: references.value.map((r) => r.send),
      sourceJobId: source.value?.id,
    })
  }

  const pending = shallowRef<PendingStart>()
  const estimating = ref(false)
  const estimateError = shallowRef<ApiError>()
  const starting = ref(false)
  const startError = shallowRef<ApiError>()

  /** Asks for the price of the job as composed; the confirmation dialog opens with it. */
  async function estimate(): Promise<void> {
    const request = body()
    if (!request?.prompt || estimating.value) return
    estimating.value = true
    estimateError.value = undefined
    startError.value = undefined
    try {
      const answer = await estimateJob(request)
      pending.value = { body: request, estimate: answer, idempotencyKey: newIdempotencyKey() }
    } catch (error) {
      estimateError.value = toApiError(error)
    } finally {
      estimating.value = false
    }
  }

  /** Starts the confirmed job (a retry sends the same key: never a second paid job). */
  async function confirm(): Promise<VideoJob | undefined> {
    const start = pending.value
    if (!start || starting.value) return undefined
    starting.value = true
    startError.value = undefined
    try {
      const job = await startJob(start.body, start.idempotencyKey)
      jobs.put(job)
      pending.value = undefined
      return job
    } catch (cause) {
      const error = toApiError(cause)
      startError.value = error
      // The start may have failed after the job was recorded (its reason is on the job).
      if ((error.details as { jobId?: unknown } | undefined)?.jobId) void jobs.load()
      return undefined
    } finally {
      starting.value = false
    }
  }

  function cancel(): void {
    pending.value = undefined
    startError.value = undefined
  }

  function setFirstFrame(image: InputImage | undefined): void {
    if (firstFrame.value !== image) releasePreview(firstFrame.value)
    firstFrame.value = image
    if (!image) setLastFrame(undefined)
    if (image) clearReferencesAndSource()
  }

  function setLastFrame(image: InputImage | undefined): void {
    if (lastFrame.value !== image) releasePreview(lastFrame.value)
    lastFrame.value = image
  }

  function addReference(image: InputImage): void {
    references.value = [...references.value, image]
    setFirstFrame(undefined)
    source.value = undefined
  }

  function removeReference(key: string): void {
    releasePreview(references.value.find((r) => r.key === key))
    references.value = references.value.filter((r) => r.key !== key)
  }

  function clearReferencesAndSource(): void {
    for (const r of references.value) releasePreview(r)
    references.value = []
    source.value = undefined
  }

  /** The next job continues `job`'s video (extend, or edit when asked). */
  function continueFrom(job: VideoJob): void {
    setFirstFrame(undefined)
    for (const r of references.value) releasePreview(r)
    references.value = []
    source.value = job
    edit.value = false
  }

  function clearSource(): void {
    source.value = undefined
    edit.value = false
  }

  /** The prompt, model, format and inputs of `job` again, to try it once more. */
  function reuse(job: VideoJob): void {
    prompt.value = job.prompt
    negativePrompt.value = job.params.negativePrompt ?? ''
    role.value = job.model.role
    chosen.value = { ...job.params }
    const first = job.inputs.firstFrame
    const last = job.inputs.lastFrame
    clearSource()
    setFirstFrame(first && imageFromMedia(first, first.id, 'job'))
    setLastFrame(last && imageFromMedia(last, last.id, 'job'))
    for (const ref of job.inputs.referenceImages ?? []) {
      addReference(imageFromMedia(ref.media, ref.media.id, 'job'))
    }
    const from = job.inputs.sourceJobId && jobs.job(job.inputs.sourceJobId)
    if (from) source.value = from
    edit.value = job.mode === 'edit'
  }

  return {
    prompt,
    negativePrompt,
    firstFrame,
    lastFrame,
    references,
    source,
    edit,
    role,
    allModels,
    mode,
    models,
    model,
    options,
    selection,
    choose,
    body,
    pending,
    estimating,
    estimateError,
    starting,
    startError,
    estimate,
    confirm,
    cancel,
    setFirstFrame,
    setLastFrame,
    addReference,
    removeReference,
    continueFrom,
    clearSource,
    reuse,
  }
})
